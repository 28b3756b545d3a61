/** Pieces of scanf: %[...] sets and strtol-style saturation. */

/** The characters of a %[...] set, as a 256-entry membership table (reused). */
export const setTable = new Uint8Array(256);

/** Parses the set starting just after '['; returns the index after ']' or -1 when the format ends first. */
export function parseSet(format: Uint8Array, index: number, end: number): number {
  let negate = false;
  if (index < end && format[index] === 94) {
    negate = true;
    index++;
  }
  setTable.fill(0);
  if (index < end && (format[index] === 93 || format[index] === 45)) {
    // A ']' or '-' first in the set is a member, not the end or a range.
    setTable[format[index]] = 1;
    index++;
  }
  while (index < end && format[index] !== 93) {
    const byte = format[index];
    if (byte === 45 && index + 1 < end && format[index + 1] !== 93 && index > 0 && format[index - 1] <= format[index + 1]) {
      for (let member = format[index - 1]; member <= format[index + 1]; member++) setTable[member] = 1;
      index += 2;
      continue;
    }
    setTable[byte] = 1;
    index++;
  }
  if (index >= end) return -1;
  if (negate) for (let member = 0; member < 256; member++) setTable[member] ^= 1;
  return index + 1;
}

/** strtol / strtoul on 32 bits, then truncated to the stored size by the caller's store. */
export function saturate32(magnitude: number, negative: boolean, signed: boolean): number {
  if (signed) {
    if (negative) return magnitude > 0x80000000 ? -0x80000000 : -magnitude | 0;
    return magnitude > 0x7fffffff ? 0x7fffffff : magnitude;
  }
  if (magnitude > 0xffffffff) return 0xffffffff;
  return negative ? -magnitude >>> 0 : magnitude;
}

export function saturate64(magnitude: bigint, negative: boolean, signed: boolean): bigint {
  if (signed) {
    if (negative) return magnitude > 1n << 63n ? -(1n << 63n) : -magnitude;
    return magnitude > (1n << 63n) - 1n ? (1n << 63n) - 1n : magnitude;
  }
  if (magnitude > (1n << 64n) - 1n) return (1n << 64n) - 1n;
  return negative ? BigInt.asUintN(64, -magnitude) : magnitude;
}

