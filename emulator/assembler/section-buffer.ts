/**
 * One section being assembled: a growable byte buffer, its alignment, the
 * source-map entries of what was emitted into it (by offset, in order), and
 * the literal pool waiting for the next `.ltorg` or the end of the section.
 */
import type { SectionFlags } from './layout';
import type { LiteralTable } from './pending';

export const KIND_CODE = 0;
export const KIND_DATA = 1;
export const KIND_LITERAL = 2;

/** The A32 NOP `as` pads code with under -march=armv7ve. */
export const NOP_WORD = 0xe320f000;

/** Bytes one source-map entry can take: a header and five 5-byte varints. */
const MAP_ENTRY_MAXIMUM = 26;

/** Append a 32-bit integer as a zigzag varint; returns the new end. */
function writeVarint(stream: Uint8Array, at: number, value: number): number {
  let zigzag = ((value << 1) ^ (value >> 31)) >>> 0;
  while (zigzag >= 0x80) {
    stream[at++] = (zigzag & 0x7f) | 0x80;
    zigzag >>>= 7;
  }
  stream[at++] = zigzag;
  return at;
}

/** One decoded entry of a section's source-map stream (reused by readMapEntry). */
export interface MapEntry {
  offset: number;
  size: number;
  kind: number;
  file: number;
  line: number;
  column: number;
  /** Where the next entry starts in the stream. */
  next: number;
}

function readVarint(stream: Uint8Array, entry: MapEntry): number {
  let at = entry.next;
  let zigzag = 0;
  let shift = 0;
  for (;;) {
    const byte = stream[at++];
    zigzag += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80 || shift > 28) break;
  }
  entry.next = at;
  const unsigned = zigzag >>> 0;
  return (unsigned >>> 1) ^ -(unsigned & 1);
}

/** Decode the entry at `entry.next`, given the previous entry in `entry` (start from emptyMapEntry()). */
export function readMapEntry(stream: Uint8Array, entry: MapEntry): void {
  const header = stream[entry.next++];
  const end = (entry.offset + entry.size) | 0;
  entry.kind = header & 3;
  entry.offset = (header & 4) !== 0 ? end : readVarint(stream, entry);
  entry.size = (header & 8) !== 0 ? 4 : readVarint(stream, entry);
  if ((header & 16) === 0) entry.file = readVarint(stream, entry);
  entry.line = (entry.line + readVarint(stream, entry)) | 0;
  entry.column = readVarint(stream, entry);
}

export function emptyMapEntry(): MapEntry {
  return { offset: 0, size: 0, kind: 0, file: 0, line: 0, column: 0, next: 0 };
}

/**
 * The largest byte buffer of the last finished assembly, kept for the next:
 * the program gets copies of the bytes, and a buffer whose pages are already
 * mapped costs a memset where a fresh one costs a page fault per 4 KiB.
 */
let spareBytes: Uint8Array | undefined;
const NO_BYTES = new Uint8Array(0);

function takeBytes(minimum: number): Uint8Array {
  const spare = spareBytes;
  if (spare === undefined || spare.length < minimum) return new Uint8Array(minimum);
  spareBytes = undefined;
  spare.fill(0);
  return spare;
}

/** After the program has copied the bytes out: keep the largest buffer for the next assembly. */
export function recycleSectionBytes(sections: readonly SectionBuffer[]): void {
  for (const section of sections) {
    const bytes = section.bytes;
    section.bytes = NO_BYTES;
    if (spareBytes !== undefined && bytes.length <= spareBytes.length) continue;
    spareBytes = bytes;
  }
}

export class SectionBuffer {
  readonly id: number;
  readonly name: string;
  flags: SectionFlags;
  bytes: Uint8Array;
  size = 0;
  alignment = 1;
  /**
   * Source-map entries (offset, size, kind, file, line, column, each kept as
   * a 32-bit integer) as a byte stream: a header byte, then zigzag varints of
   * what the previous entry does not imply. A typical instruction takes three
   * bytes where six 32-bit numbers took 24, and the stream outlives the
   * assembly (the program reads it on first use), so it is fresh memory.
   */
  mapStream: Uint8Array;
  mapLength = 0;
  mapCount = 0;
  private mapEnd = 0;
  private mapFile = 0;
  private mapLine = 0;
  /** Instructions were assembled here: `as` then pads the section's end to a whole word. */
  hasCode = false;
  /** Literal-table indices waiting for the next pool, and the keys that share them. */
  pool: number[] = [];
  /** Known constants by their 32-bit value (`value | 0`). */
  poolValues = new Map<number, number>();
  /** Expressions not yet known, by their text without spaces. */
  poolTexts = new Map<string, number>();

  /**
   * `expectedStatements` sizes the buffers up front: growing by doubling
   * touches every page twice, and fresh pages are what a large file pays for.
   */
  constructor(id: number, name: string, flags: SectionFlags, expectedStatements = 64) {
    this.id = id;
    this.name = name;
    this.flags = flags;
    const statements = Math.max(64, Math.min(expectedStatements, 1 << 22));
    this.bytes = takeBytes(statements * 4);
    this.mapStream = new Uint8Array(statements * 4);
  }

  /** Grow by `count` bytes (zero-filled); returns the offset of the first. */
  reserve(count: number): number {
    const offset = this.size;
    const needed = offset + count;
    if (needed > this.bytes.length) {
      let capacity = this.bytes.length * 2;
      while (capacity < needed) capacity *= 2;
      const grown = new Uint8Array(capacity);
      grown.set(this.bytes.subarray(0, offset));
      this.bytes = grown;
    }
    this.size = needed;
    return offset;
  }

  writeWord(offset: number, value: number): void {
    const bytes = this.bytes;
    bytes[offset] = value;
    bytes[offset + 1] = value >>> 8;
    bytes[offset + 2] = value >>> 16;
    bytes[offset + 3] = value >>> 24;
  }

  /** Write `size` (1..8) bytes of `value`, little-endian; 8 sign-extends 32-bit values unless `high` is given. */
  writeValue(offset: number, size: number, value: number, high?: number): void {
    const bytes = this.bytes;
    const low = value | 0;
    for (let index = 0; index < size && index < 4; index++) bytes[offset + index] = low >>> (index * 8);
    if (size > 4) {
      const top = high ?? (value < 0 ? -1 : Math.floor(value / 4294967296));
      for (let index = 4; index < size; index++) bytes[offset + index] = top >>> ((index - 4) * 8);
    }
  }

  map(offset: number, size: number, kind: number, file: number, line: number, column: number): void {
    offset |= 0;
    size |= 0;
    file |= 0;
    line |= 0;
    if (this.mapLength + MAP_ENTRY_MAXIMUM > this.mapStream.length) {
      const grown = new Uint8Array(this.mapStream.length * 2 + MAP_ENTRY_MAXIMUM);
      grown.set(this.mapStream.subarray(0, this.mapLength));
      this.mapStream = grown;
    }
    const stream = this.mapStream;
    let at = this.mapLength;
    const header = (kind & 3) | (offset === this.mapEnd ? 4 : 0) | (size === 4 ? 8 : 0) | (file === this.mapFile ? 16 : 0);
    stream[at++] = header;
    if ((header & 4) === 0) at = writeVarint(stream, at, offset);
    if ((header & 8) === 0) at = writeVarint(stream, at, size);
    if ((header & 16) === 0) at = writeVarint(stream, at, file);
    at = writeVarint(stream, at, (line - this.mapLine) | 0);
    at = writeVarint(stream, at, column | 0);
    this.mapLength = at;
    this.mapEnd = (offset + size) | 0;
    this.mapFile = file;
    this.mapLine = line;
    this.mapCount++;
  }

  /** Pad to a multiple of `alignment` the way `as` does: NOPs in code (after zero bytes up to a word), else `fill`. */
  align(alignment: number, fill: number, fillSize = 1, maximum = -1): void {
    if (alignment > this.alignment) this.alignment = alignment;
    const padding = (alignment - (this.size % alignment)) % alignment;
    if (padding === 0 || (maximum >= 0 && padding > maximum)) return;
    const offset = this.reserve(padding);
    if (this.flags.execute && fill === -1) {
      let cursor = offset;
      while (cursor % 4 !== 0 && cursor < offset + padding) this.bytes[cursor++] = 0;
      while (cursor + 4 <= offset + padding) {
        this.writeWord(cursor, NOP_WORD);
        cursor += 4;
      }
      return;
    }
    if (fill === -1 || fill === 0) return;
    for (let cursor = offset; cursor < offset + padding; cursor += fillSize) {
      this.writeValue(cursor, Math.min(fillSize, offset + padding - cursor), fill);
    }
  }

  /** Place the pending literals here (aligned to 4), as `.ltorg` does. */
  flushPool(literals: LiteralTable): void {
    const pool = this.pool;
    if (pool.length === 0) return;
    this.align(4, -1);
    for (let index = 0; index < pool.length; index++) {
      const entry = pool[index];
      const offset = this.reserve(4);
      literals.offset[entry] = offset;
      if (literals.known[entry] === 1) this.writeWord(offset, literals.value[entry]);
      this.map(offset, 4, KIND_LITERAL, literals.file[entry], literals.line[entry], literals.column[entry]);
    }
    this.pool = [];
    this.poolValues.clear();
    this.poolTexts.clear();
  }
}
