/** Validation of BuddyHeap options: a plain-words reason for each unusable value. */
import type { BuddyHeapOptions } from './types.js';

const MINIMUM_HEAP = 4096;
const MAXIMUM_HEAP = 64 * 1024 * 1024;

const isPowerOfTwo = (value: number): boolean => Number.isInteger(value) && value > 0 && (value & (value - 1)) === 0;

/** Checks options; returns a plain-words reason, or null when they are usable. */
export function checkHeapOptions(options: BuddyHeapOptions): string | null {
  if (typeof options !== 'object' || options === null) return 'the heap options must be an object';
  if (options.step !== undefined && typeof options.step !== 'function') return 'the step option must be a function returning the step number';
  if (options.resolveSite !== undefined && typeof options.resolveSite !== 'function') return 'the resolveSite option must be a function';
  const size = options.size ?? 1 << 20;
  const minimum = options.minimumBlock ?? 16;
  if (!Number.isInteger(options.base) || options.base < 0 || options.base % 8 !== 0) return `the heap base ${String(options.base)} must be a non-negative multiple of 8`;
  if (!isPowerOfTwo(size) || size < MINIMUM_HEAP || size > MAXIMUM_HEAP) return `the heap size ${String(size)} must be a power of two from 4 KiB to 64 MiB`;
  if (options.base + size > 0x1_0000_0000) return 'the heap must end at or below address 0xffffffff';
  if (!isPowerOfTwo(minimum) || minimum < 8 || minimum > size) return `the minimum block ${String(minimum)} must be a power of two from 8 bytes to the heap size`;
  const quarantine = options.quarantine ?? 0;
  if (!Number.isInteger(quarantine) || quarantine < 0 || quarantine > 1 << 20) return `the quarantine ${String(quarantine)} must be a whole number of frees from 0 to 1048576`;
  const redzone = options.redzone ?? 0;
  if (!Number.isInteger(redzone) || redzone < 0 || redzone > 4096) return `the redzone ${String(redzone)} must be a whole number of bytes from 0 to 4096`;
  const events = options.eventCapacity ?? 1024;
  if (!Number.isInteger(events) || events < 0 || events > 1 << 24) return `the event capacity ${String(events)} must be a whole number from 0 to 16777216`;
  return null;
}

export type ByteSizeResult = { ok: true; bytes: number } | { ok: false; error: string };

/** Reads a size as the CLI flags give it (`--heap-size 64K`, `--min-block 32`): bytes, or K/KiB/KB and M/MiB/MB (powers of 1024). */
export function parseByteSize(text: string): ByteSizeResult {
  const match = /^\s*(\d+)\s*(k|kb|kib|m|mb|mib|b)?\s*$/i.exec(String(text));
  if (!match) return { ok: false, error: `"${String(text)}" is not a size; write bytes, or a number with K or M (e.g. 64K, 1M)` };
  const unit = (match[2] ?? 'b').toLowerCase();
  const scale = unit.startsWith('m') ? 1 << 20 : unit.startsWith('k') ? 1024 : 1;
  const bytes = Number(match[1]) * scale;
  if (!Number.isSafeInteger(bytes)) return { ok: false, error: `"${text}" is too large` };
  return { ok: true, bytes };
}
