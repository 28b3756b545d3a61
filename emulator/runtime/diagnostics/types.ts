/**
 * The vocabulary of Sherwood's memory diagnostics (issue 4): what a student's
 * program did wrong with the heap or the stack, at which source line, at which
 * address, and the other sites involved (where the block was allocated, where
 * it was freed), as memcheck reports them. Plain values: they survive JSON and
 * structured cloning, so the CLI, the engine protocol and snapshots carry them.
 */
import type { LeakKind, SourceLine } from '../heap/types.js';
import { nearestName } from '../../text/nearest.js';

/** Every kind, in a fixed order (the index is the kind's number in `KIND_*`). */
export const DIAGNOSTIC_KINDS = [
  'leak',
  'double-free',
  'invalid-free',
  'use-after-free',
  'heap-overflow',
  'stack-overflow',
  'sp-misaligned',
  'callee-saved-clobbered',
  'stack-imbalance',
  'uninitialized-read',
  'misaligned-access',
  'write-to-text',
] as const;

export type DiagnosticKind = (typeof DIAGNOSTIC_KINDS)[number];

export const KIND_LEAK = 0;
export const KIND_DOUBLE_FREE = 1;
export const KIND_INVALID_FREE = 2;
export const KIND_USE_AFTER_FREE = 3;
export const KIND_HEAP_OVERFLOW = 4;
export const KIND_STACK_OVERFLOW = 5;
export const KIND_SP_MISALIGNED = 6;
export const KIND_CALLEE_SAVED_CLOBBERED = 7;
export const KIND_STACK_IMBALANCE = 8;
export const KIND_UNINITIALIZED_READ = 9;
export const KIND_MISALIGNED_ACCESS = 10;
export const KIND_WRITE_TO_TEXT = 11;

/** The last three are warnings: the program may be right, but probably is not. */
export const WARNING_KINDS: ReadonlySet<DiagnosticKind> = new Set(['uninitialized-read', 'misaligned-access', 'write-to-text']);

/** The kinds a name on the command line or in a source switch means (`all`, `warnings` or one kind, any case); undefined when none. */
export function kindsNamed(name: string): readonly DiagnosticKind[] | undefined {
  const lower = name.trim().toLowerCase();
  if (lower === 'all') return DIAGNOSTIC_KINDS;
  if (lower === 'warnings') return [...WARNING_KINDS];
  return (DIAGNOSTIC_KINDS as readonly string[]).includes(lower) ? [lower as DiagnosticKind] : undefined;
}

/** "'leaks' is not a check Sherwood knows; did you mean 'leak'? the checks are ..." */
export function unknownKindMessage(name: string): string {
  const nearest = nearestName(name.trim(), [...DIAGNOSTIC_KINDS, 'all', 'warnings']);
  return `'${name.trim()}' is not a check Sherwood knows${nearest ? `; did you mean '${nearest}'?` : ''} (the checks are ${DIAGNOSTIC_KINDS.join(', ')}, or all, warnings)`;
}

/** error: the program is wrong; warning: probably wrong; note: worth knowing (a block still reachable at exit). */
export type DiagnosticSeverity = 'error' | 'warning' | 'note';

/** Another place a diagnostic involves. */
export interface RelatedSite {
  /** What happened there. */
  role: 'allocated' | 'freed' | 'called';
  /** The instruction's address (for allocated/freed: the `bl malloc` / `bl free` itself). */
  pc: number;
  file: string | null;
  line: number | null;
}

export interface Diagnostic {
  kind: DiagnosticKind;
  severity: DiagnosticSeverity;
  /** The source file and line of the instruction at fault (for a leak: the allocating call); null when the PC has no source line. */
  file: string | null;
  line: number | null;
  /** The instruction at fault (for a leak: the allocating `bl`). */
  pc: number;
  /** The memory address involved (the access, the freed pointer, the leaked block; for stack kinds the stack pointer). */
  address: number;
  /** The machine step it was seen at (for leaks: the step at exit). */
  step: number;
  /** The message without the position, e.g. `use after free: 4-byte read at 0x00021010, ...`. */
  message: string;
  /** Where the block was allocated and freed, or where the function was called from. */
  related: RelatedSite[];
  /** For leaks: memcheck's classification. */
  leakKind?: LeakKind;
  /** For leaks and heap accesses: the block's start and the bytes the program asked for. */
  block?: { address: number; size: number; requested: number };
}

/** Maps the address of an instruction to its source line, or null. */
export type SourceResolver = (pc: number) => SourceLine | null;

/** Where the heap, checkers and leak scan report. */
export interface DiagnosticSink {
  /** False when the kind is switched off (checkers skip the work). */
  enabled(kind: number): boolean;
  /** Records a diagnostic once per `key`; false when it was a repeat, switched off or over the limit. */
  report(diagnostic: Diagnostic, key: string): boolean;
}
