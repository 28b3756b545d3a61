/**
 * A growable byte buffer reused across calls, so formatting a line of output
 * allocates nothing once the buffer has grown to fit.
 */
export class ByteBuilder {
  private buffer: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buffer = new Uint8Array(capacity);
  }

  clear(): void {
    this.length = 0;
  }

  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  push(byte: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  repeat(byte: number, count: number): void {
    if (count <= 0) return;
    this.reserve(count);
    this.buffer.fill(byte, this.length, this.length + count);
    this.length += count;
  }

  /** Appends an ASCII string (digits, prefixes, "(null)"). */
  ascii(text: string): void {
    this.reserve(text.length);
    for (let index = 0; index < text.length; index++) this.buffer[this.length++] = text.charCodeAt(index) & 0xff;
  }

  bytes(source: Uint8Array, start = 0, end = source.length): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.buffer.set(source.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** A view of the content; valid until the next change. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }

  /** A copy of the content that the caller may keep. */
  toBytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}
