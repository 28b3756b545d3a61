/**
 * Collects diagnostics as a run produces them: each event once (a key names
 * the event: kind, instruction and block), each kind switchable off, at most
 * `limit` in all (the rest are counted, so a loop over a freed array cannot
 * flood the console). Also turns them into compiler-style lines and parses
 * the `--no-check=KIND[,KIND...]` switch.
 */
import { DIAGNOSTIC_KINDS, kindsNamed, unknownKindMessage, WARNING_KINDS, type Diagnostic, type DiagnosticKind, type DiagnosticSink } from './types.js';

export const DEFAULT_DIAGNOSTIC_LIMIT = 1000;

export interface CollectorOptions {
  /** Kinds switched off. */
  disabled?: Iterable<DiagnosticKind>;
  /** Diagnostics kept at most (default 1000). */
  limit?: number;
  /** Called with each new diagnostic as it is recorded (the IDE pauses there). */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
}

export class DiagnosticCollector implements DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];
  /** Diagnostics not kept because the limit was reached. */
  dropped = 0;
  readonly limit: number;
  private readonly switches = new Uint8Array(DIAGNOSTIC_KINDS.length).fill(1);
  private readonly seen = new Set<string>();
  private readonly onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;

  constructor(options: CollectorOptions = {}) {
    for (const kind of options.disabled ?? []) {
      const index = DIAGNOSTIC_KINDS.indexOf(kind);
      if (index >= 0) this.switches[index] = 0;
    }
    const limit = options.limit ?? DEFAULT_DIAGNOSTIC_LIMIT;
    this.limit = Number.isInteger(limit) && limit >= 0 ? limit : DEFAULT_DIAGNOSTIC_LIMIT;
    this.onDiagnostic = options.onDiagnostic;
  }

  enabled(kind: number): boolean {
    return this.switches[kind] === 1;
  }

  isEnabled(kind: DiagnosticKind): boolean {
    return this.switches[DIAGNOSTIC_KINDS.indexOf(kind)] === 1;
  }

  report(diagnostic: Diagnostic, key: string): boolean {
    if (!this.isEnabled(diagnostic.kind)) return false;
    const fullKey = `${diagnostic.kind}|${key}`;
    if (this.seen.has(fullKey)) return false;
    this.seen.add(fullKey);
    if (this.diagnostics.length >= this.limit) {
      this.dropped++;
      return false;
    }
    this.diagnostics.push(diagnostic);
    this.onDiagnostic?.(diagnostic);
    return true;
  }

  /** Errors, warnings and notes kept so far. */
  counts(): { errors: number; warnings: number; notes: number } {
    let errors = 0;
    let warnings = 0;
    let notes = 0;
    for (const diagnostic of this.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      else if (diagnostic.severity === 'warning') warnings++;
      else notes++;
    }
    return { errors, warnings, notes };
  }
}

/** The severity a kind has (leaks of still-reachable blocks are notes; see leak-report.ts). */
export function severityOf(kind: DiagnosticKind): 'error' | 'warning' {
  return WARNING_KINDS.has(kind) ? 'warning' : 'error';
}

/** `prog.s:14: error: use after free: ...` (the position falls back to the PC when there is no source line). */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where =
    diagnostic.line !== null ? `${diagnostic.file ?? 'program'}:${diagnostic.line}` : `${diagnostic.file ?? 'program'}: 0x${(diagnostic.pc >>> 0).toString(16).padStart(8, '0')}`;
  return `${where}: ${diagnostic.severity}: ${diagnostic.message}`;
}

export type KindListResult = { ok: true; kinds: DiagnosticKind[] } | { ok: false; error: string };

/**
 * Parses a comma-separated list of kinds (`--no-check=leak,uninitialized-read`).
 * `all` names every kind and `warnings` the three warning kinds.
 */
export function parseKindList(text: string): KindListResult {
  const kinds: DiagnosticKind[] = [];
  for (const raw of text.split(',')) {
    if (raw.trim() === '') continue;
    const named = kindsNamed(raw);
    if (named === undefined) return { ok: false, error: `unknown check: ${unknownKindMessage(raw)}` };
    kinds.push(...named);
  }
  if (kinds.length === 0) return { ok: false, error: 'name the checks to switch off, e.g. --no-check=leak' };
  return { ok: true, kinds: [...new Set(kinds)] };
}
