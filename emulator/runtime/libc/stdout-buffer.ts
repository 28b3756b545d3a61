/**
 * glibc's stdout buffer, so output reaches the console when it would under
 * Linux: 'full' buffering (stdout is a pipe or file: what qemu-arm does in
 * the golden runs) flushes in whole 4096-byte blocks, 'line' buffering (a
 * terminal) flushes at each newline and before stdin is read, 'none' writes
 * at once. exit() and returning from main flush it; a crash or a raw exit
 * system call loses whatever is still buffered, exactly as with glibc.
 * The logic follows _IO_new_file_xsputn and __overflow in libio/fileops.c.
 */
import type { LibcOutput } from './context.js';

export type BufferMode = 'full' | 'line' | 'none';

/** st_blksize of a pipe or a file on Linux: glibc's stdout buffer size there. */
export const PIPE_BUFFER_SIZE = 4096;

export class StdoutBuffer implements LibcOutput {
  readonly mode: BufferMode;
  private readonly buffer: Uint8Array;
  private used = 0;
  private readonly sink: (bytes: Uint8Array) => void;

  /** `sink` receives bytes when glibc would write(2) them; it must copy what it keeps. */
  constructor(sink: (bytes: Uint8Array) => void, mode: BufferMode = 'full', size = PIPE_BUFFER_SIZE) {
    this.sink = sink;
    this.mode = mode;
    this.buffer = new Uint8Array(Math.max(1, size));
  }

  /** Bytes written by the program and not yet passed to the sink. */
  get pending(): number {
    return this.used;
  }

  write(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.mode === 'none') {
      this.sink(bytes);
      return;
    }
    if (bytes.length === 1) {
      this.putByte(bytes[0]);
      return;
    }
    this.putBytes(bytes);
  }

  /** fflush(stdout), and what exit() does. */
  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  /** What a crash loses: the buffered bytes are dropped and returned (for a diagnostic). */
  discard(): Uint8Array {
    const lost = this.buffer.slice(0, this.used);
    this.used = 0;
    return lost;
  }

  /** glibc flushes line-buffered output when a read from the terminal has to wait for input. */
  beforeInputWait(): void {
    if (this.mode === 'line') this.flush();
  }

  /** putchar / putc: __overflow when the buffer is full; line buffering flushes at '\n'. */
  private putByte(byte: number): void {
    if (this.used === this.buffer.length) this.flush();
    this.buffer[this.used++] = byte;
    if (this.mode === 'line' && byte === 10) this.flush();
  }

  /** _IO_new_file_xsputn: fill, flush, write whole blocks directly, buffer the rest. */
  private putBytes(bytes: Uint8Array): void {
    const size = this.buffer.length;
    let count = size - this.used;
    let mustFlush = false;
    if (this.mode === 'line' && count >= bytes.length) {
      for (let index = bytes.length - 1; index >= 0; index--) {
        if (bytes[index] === 10) {
          count = index + 1;
          mustFlush = true;
          break;
        }
      }
    }
    let start = 0;
    let remaining = bytes.length;
    if (count > 0) {
      const taken = Math.min(count, remaining);
      this.buffer.set(bytes.subarray(0, taken), this.used);
      this.used += taken;
      start = taken;
      remaining -= taken;
    }
    if (remaining > 0 || mustFlush) {
      this.flush();
      const direct = remaining - (size >= 128 ? remaining % size : 0);
      if (direct > 0) {
        this.sink(bytes.subarray(start, start + direct));
        start += direct;
        remaining -= direct;
      }
      if (remaining === 0) return;
      if (this.mode === 'line') {
        // A line-buffered stream takes the rest a byte at a time through __overflow, flushing at each newline.
        for (let index = start; index < bytes.length; index++) this.putByte(bytes[index]);
      } else {
        this.buffer.set(bytes.subarray(start, start + remaining), 0);
        this.used = remaining;
      }
    }
  }
}
