/**
 * The program's standard input as the C library sees it: bytes that have
 * arrived so far, a read position, and whether the input has ended (end of the
 * --stdin file, or Ctrl-D in the console). A reader that needs a byte that has
 * not arrived yet gets INPUT_PENDING and consumes nothing, so the built-in
 * that asked can report "waiting for input" and be called again, from the
 * start, once more input arrives. End of input is sticky, as in glibc 2.28+.
 */
import type { LibcMemory } from './memory.js';

/** No byte at this offset yet; more input may still arrive. */
export const INPUT_PENDING = -2;
/** The input has ended before this offset. */
export const END_OF_INPUT = -1;

/** Bytes a scanner walks through by offset from the current position, consuming only when it is done. */
export interface ScanInput {
  /** The byte at `offset` bytes past the read position (0..255), END_OF_INPUT or INPUT_PENDING. */
  byteAt(offset: number): number;
  /** Moves the read position forward by `count` bytes. */
  consume(count: number): void;
}

export class StdinStream implements ScanInput {
  private buffer = new Uint8Array(256);
  private start = 0;
  private end = 0;
  private ended = false;

  /** Adds bytes the user typed or the --stdin file holds. Ignored after end(). */
  append(bytes: Uint8Array | string): void {
    if (this.ended) return;
    const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    if (this.end + data.length > this.buffer.length) {
      const live = this.end - this.start;
      let capacity = this.buffer.length;
      while (capacity < live + data.length) capacity *= 2;
      const next = capacity === this.buffer.length ? this.buffer : new Uint8Array(capacity);
      next.set(this.buffer.subarray(this.start, this.end), 0);
      this.buffer = next;
      this.start = 0;
      this.end = live;
    }
    this.buffer.set(data, this.end);
    this.end += data.length;
  }

  /** Marks the end of input: readers past the last byte now see END_OF_INPUT instead of waiting. */
  close(): void {
    this.ended = true;
  }

  get isClosed(): boolean {
    return this.ended;
  }

  /** Bytes available to read now. */
  get available(): number {
    return this.end - this.start;
  }

  /** True when a read now would have to wait for more input. */
  get waiting(): boolean {
    return this.start === this.end && !this.ended;
  }

  byteAt(offset: number): number {
    const index = this.start + offset;
    if (index < this.end) return this.buffer[index];
    return this.ended ? END_OF_INPUT : INPUT_PENDING;
  }

  consume(count: number): void {
    this.start = Math.min(this.end, this.start + count);
    if (this.start === this.end) this.start = this.end = 0;
  }

  /**
   * The read(2) view: copies up to `limit` available bytes into `target` and
   * consumes them. Returns the count, 0 at end of input, or INPUT_PENDING.
   */
  read(target: Uint8Array, limit = target.length): number {
    const count = Math.min(limit, this.end - this.start);
    if (count === 0) return this.ended ? 0 : INPUT_PENDING;
    target.set(this.buffer.subarray(this.start, this.start + count));
    this.consume(count);
    return count;
  }

  /** getchar(): see takeByte(). */
  readByte(): number {
    return takeByte(this);
  }
}

/** getchar(): the next byte, END_OF_INPUT, or INPUT_PENDING (nothing consumed). */
export function takeByte(input: ScanInput): number {
  const byte = input.byteAt(0);
  if (byte >= 0) input.consume(1);
  return byte;
}

/**
 * How many bytes fgets(buffer, size) takes now: up to size-1 bytes, through
 * the first newline. INPUT_PENDING when neither a newline, size-1 bytes nor
 * the end of input is in sight; 0 at end of input with nothing read.
 */
export function lineLength(input: ScanInput, size: number): number {
  const limit = size - 1;
  let count = 0;
  while (count < limit) {
    const byte = input.byteAt(count);
    if (byte === INPUT_PENDING) return INPUT_PENDING;
    if (byte === END_OF_INPUT) return count;
    count++;
    if (byte === 10) return count;
  }
  return count;
}

/** A C string in guest memory as scanner input (sscanf): its NUL is the end of input. */
export class StringInput implements ScanInput {
  private memory: LibcMemory | null = null;
  private address = 0;
  /** The first unreadable address met, or -1: sscanf on a bad pointer crashes in C. */
  faultAddress = -1;

  reset(memory: LibcMemory, address: number): this {
    this.memory = memory;
    this.address = address >>> 0;
    this.faultAddress = -1;
    return this;
  }

  byteAt(offset: number): number {
    const address = (this.address + offset) >>> 0;
    const byte = this.memory ? this.memory.readByte(address) : -1;
    if (byte < 0) {
      if (this.faultAddress < 0) this.faultAddress = address;
      return END_OF_INPUT;
    }
    return byte === 0 ? END_OF_INPUT : byte;
  }

  consume(count: number): void {
    this.address = (this.address + count) >>> 0;
  }
}
