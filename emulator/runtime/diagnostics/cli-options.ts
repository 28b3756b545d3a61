/**
 * The memory options `sherwood run` and `sherwood heap` share: the buddy
 * heap's size, minimum block, quarantine and redzone, and which diagnostics are off
 * (`--no-check=KIND,...`) or on beyond the defaults (`--check=KIND,...`).
 * Each takes its value as `--flag VALUE` or `--flag=VALUE`; a bad value is a
 * plain-words error, never an exception.
 */
import { checkHeapOptions } from '../heap/options.js';
import { parseByteSize } from '../heap/options.js';
import { parseKindList } from './collector.js';
import type { DiagnosticKind } from './types.js';

export interface MemoryOptions {
  heap: { size?: number; minimumBlock?: number; quarantine?: number; redzone?: number };
  /** Kinds switched off. */
  disabled: DiagnosticKind[];
  /** Kinds switched on even when the program's source allows them (`@ sherwood: allow KIND`). */
  enabled: DiagnosticKind[];
  /** `--no-check=all`: run without the checker. */
  off: boolean;
}

export const MEMORY_OPTIONS_USAGE = `  --heap-size SIZE   the Buddy System heap behind malloc: a power of two from
                     4K to 64M (default 1M)
  --min-block SIZE   the smallest block: a power of two, 8 or more (default 16)
  --quarantine N     keep the last N freed blocks from reuse (default 0: off),
                     to catch more uses after free
  --redzone SIZE     add SIZE bytes after every request when its block is
                     chosen (default 0: off; at most 4K), so an overflow just
                     past a power-of-two request lands in its own block
  --no-check=KINDS   switch diagnostics off (comma-separated: leak, double-free,
                     invalid-free, use-after-free, heap-overflow, stack-overflow,
                     sp-misaligned, callee-saved-clobbered, stack-imbalance,
                     uninitialized-read, misaligned-access, write-to-text;
                     'warnings' for the last three, 'all' for every one)
  --check=KINDS      switch on diagnostics the program's source switches off
                     with a comment line '@ sherwood: allow KIND, ...'
`;

const VALUE_FLAGS = new Set(['--heap-size', '--min-block', '--quarantine', '--redzone', '--no-check', '--check']);

export type MemoryOptionsResult = { ok: true; options: MemoryOptions; rest: string[] } | { ok: false; error: string };

/** Takes the memory options out of `args` (up to a `--`); the other arguments come back in order. */
export function takeMemoryOptions(args: readonly string[]): MemoryOptionsResult {
  const options: MemoryOptions = { heap: {}, disabled: [], enabled: [], off: false };
  const rest: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const argument = args[index];
    if (argument === '--') {
      rest.push(...args.slice(index));
      break;
    }
    const equals = argument.indexOf('=');
    const flag = equals > 0 ? argument.slice(0, equals) : argument;
    if (!VALUE_FLAGS.has(flag)) {
      rest.push(argument);
      continue;
    }
    let value: string | undefined = equals > 0 ? argument.slice(equals + 1) : args[++index];
    if (value === undefined) return { ok: false, error: `${flag} needs a value` };
    value = value.trim();
    const problem = apply(options, flag, value);
    if (problem !== null) return { ok: false, error: problem };
  }
  const heapProblem = checkHeapOptions({ base: 0, ...options.heap });
  if (heapProblem !== null) return { ok: false, error: heapProblem };
  return { ok: true, options, rest };
}

function apply(options: MemoryOptions, flag: string, value: string): string | null {
  switch (flag) {
    case '--heap-size':
    case '--min-block': {
      const size = parseByteSize(value);
      if (!size.ok) return `${flag}: ${size.error}`;
      if (flag === '--heap-size') options.heap.size = size.bytes;
      else options.heap.minimumBlock = size.bytes;
      return null;
    }
    case '--redzone': {
      const size = parseByteSize(value);
      if (!size.ok) return `--redzone: ${size.error}`;
      options.heap.redzone = size.bytes;
      return null;
    }
    case '--quarantine':
      if (!/^\d+$/.test(value)) return `--quarantine takes a whole number of frees, not '${value}'`;
      options.heap.quarantine = Number(value);
      return null;
    default: {
      const kinds = parseKindList(value);
      if (!kinds.ok) return `${flag}: ${kinds.error}`;
      if (flag === '--check') options.enabled.push(...kinds.kinds);
      else {
        options.disabled.push(...kinds.kinds);
        if (value.split(',').some((name) => name.trim().toLowerCase() === 'all')) options.off = true;
      }
      return null;
    }
  }
}
