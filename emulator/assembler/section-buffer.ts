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
export const MAP_STRIDE = 6;

/** The A32 NOP `as` pads code with under -march=armv7ve. */
export const NOP_WORD = 0xe320f000;

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
  /** Source-map entries, MAP_STRIDE numbers each: offset, size, kind, file, line, column. */
  mapData: Int32Array;
  mapCount = 0;
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
    this.mapData = new Int32Array(statements * MAP_STRIDE);
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
    let data = this.mapData;
    const at = this.mapCount * MAP_STRIDE;
    if (at + MAP_STRIDE > data.length) {
      const grown = new Int32Array(data.length * 2);
      grown.set(data);
      this.mapData = data = grown;
    }
    data[at] = offset;
    data[at + 1] = size;
    data[at + 2] = kind;
    data[at + 3] = file;
    data[at + 4] = line;
    data[at + 5] = column;
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
