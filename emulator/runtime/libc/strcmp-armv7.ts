/**
 * strcmp exactly as glibc 2.36 does it on ARMv7 (the Arm optimized-routines
 * strcmp.S). When both strings have the same address mod 4 it returns the
 * difference of the first differing bytes (or of the NUL and its partner).
 * When they do not, the word-at-a-time loops end in a "tail" that locates the
 * first difference to the *bit*, so the result mixes neighbouring bits
 * (strcmp("apple", "apricot") can be -2, -101 or -127 depending on where
 * the strings sit). The sign is always right; this port makes the value
 * right too, by reading the same aligned words the real code reads.
 */
import { memoryFault, type LibcFault, type LibcMemory } from './memory.js';

/** Thrown-free word reads: on failure `failedAddress` is set and 0 returned. */
let failedAddress = -1;

function word(memory: LibcMemory, address: number): number {
  address >>>= 0;
  const b0 = memory.readByte(address);
  const b1 = memory.readByte((address + 1) >>> 0);
  const b2 = memory.readByte((address + 2) >>> 0);
  const b3 = memory.readByte((address + 3) >>> 0);
  if ((b0 | b1 | b2 | b3) < 0) {
    if (failedAddress < 0) failedAddress = address;
    return 0;
  }
  return (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
}

function byte(memory: LibcMemory, address: number): number {
  const value = memory.readByte(address >>> 0);
  if (value < 0) {
    if (failedAddress < 0) failedAddress = address >>> 0;
    return 0;
  }
  return value;
}

function reverse(value: number): number {
  return (((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24)) >>> 0;
}

/** uadd8 + sel with ip = 0xffffffff: each byte of `difference` where `data` has a nonzero byte, else 0xff. */
function select(data: number, difference: number): number {
  let result = 0;
  for (let shift = 0; shift < 32; shift += 8) {
    const part = ((data >>> shift) & 0xff) !== 0 ? (difference >>> shift) & 0xff : 0xff;
    result |= part << shift;
  }
  return result >>> 0;
}

function leadingZeros(value: number): number {
  return Math.clz32(value);
}

/** The misaligned-path epilogue: first difference or NUL located to the bit. */
function tail(first: number, second: number): number {
  const reversedFirst = reverse(first);
  const reversedSecond = reverse(second);
  const syndrome = select(reversedFirst, (reversedFirst ^ reversedSecond) >>> 0);
  const shift = leadingZeros(syndrome);
  const shiftedFirst = shift >= 32 ? 0 : (reversedFirst << shift) >>> 0;
  const shiftedSecond = shift >= 32 ? 0 : (reversedSecond << shift) >>> 0;
  return ((shiftedFirst >>> 24) - (shiftedSecond >>> 24)) | 0;
}

/** The word-aligned comparison paths: the byte difference at the first difference or NUL. */
function bytewise(memory: LibcMemory, first: number, second: number): number {
  for (let index = 0; ; index++) {
    const a = byte(memory, first + index);
    const b = byte(memory, second + index);
    if (failedAddress >= 0) return 0;
    if (a !== b || a === 0) return a - b;
  }
}

/** s1 is word aligned at `first`, s2 is not (offset 1, 2 or 3 in its word). */
function misaligned(memory: LibcMemory, first: number, second: number): number {
  let r0 = first;
  let r2 = word(memory, r0);
  r0 += 4;
  const offset = second & 3;
  let r1 = second & ~3;
  let r3 = word(memory, r1);
  r1 += 4;
  for (let guard = 0; failedAddress < 0 && guard < 0x40000000; guard++) {
    if (offset === 1) {
      const low = r2 & 0x00ffffff;
      const difference = (low ^ (r3 >>> 8)) >>> 0;
      const syndrome = select(r2, difference);
      if (difference !== 0) return tail(r2, r3 >>> 8);
      if (syndrome !== 0) {
        if ((syndrome & 0x00ffffff) !== 0) return 0;
        return -byte(memory, r1) | 0;
      }
      r3 = word(memory, r1);
      r1 += 4;
      if (((low ^ r2) >>> 0) !== ((r3 << 24) >>> 0)) return tail(r2 >>> 24, r3 & 0xff);
      r2 = word(memory, r0);
      r0 += 4;
    } else if (offset === 2) {
      const low = r2 & 0xffff;
      const difference = (low ^ (r3 >>> 16)) >>> 0;
      const syndrome = select(r2, difference);
      if (difference !== 0) return tail(r2, r3 >>> 16);
      if (syndrome !== 0) {
        if ((syndrome & 0xffff) !== 0) return 0;
        const half = byte(memory, r1) | (byte(memory, r1 + 1) << 8);
        return tail(r2 >>> 16, half);
      }
      r3 = word(memory, r1);
      r1 += 4;
      if (((low ^ r2) >>> 0) !== ((r3 << 16) >>> 0)) return tail(r2 >>> 16, r3 & 0xffff);
      r2 = word(memory, r0);
      r0 += 4;
    } else {
      const low = r2 & 0xff;
      const difference = (low ^ (r3 >>> 24)) >>> 0;
      const syndrome = select(r2, difference);
      if (difference !== 0) return tail(r2, r3 >>> 24);
      if (syndrome !== 0) {
        if ((syndrome & 0xff) !== 0) return 0;
        r3 = word(memory, r1);
        return tail(r2 >>> 8, r3 & 0x00ffffff);
      }
      r3 = word(memory, r1);
      r1 += 4;
      if (((low ^ r2) >>> 0) !== ((r3 << 8) >>> 0)) return tail(r2 >>> 8, r3 & 0x00ffffff);
      r2 = word(memory, r0);
      r0 += 4;
    }
  }
  return 0;
}

/** strcmp(first, second) with glibc's ARMv7 result; a LibcFault where it would crash. */
export function strcmpArmv7(memory: LibcMemory, first: number, second: number): number | LibcFault {
  failedAddress = -1;
  first >>>= 0;
  second >>>= 0;
  const a = byte(memory, first);
  const b = byte(memory, second);
  if (failedAddress >= 0) return memoryFault('strcmp', 'read', failedAddress);
  if (a === 0 || a !== b) return a - b;
  let result: number;
  if (((first ^ second) & 3) === 0) result = bytewise(memory, first, second);
  else {
    // Compare single bytes until s1 is word aligned (its first byte is already known to match).
    const lead = first & 3;
    result = NaN;
    if (lead !== 0) {
      for (let index = 1; index < 4 - lead && Number.isNaN(result); index++) {
        const x = byte(memory, first + index);
        const y = byte(memory, second + index);
        if (x !== y || y === 0) result = x - y;
      }
      if (Number.isNaN(result)) result = misaligned(memory, (first & ~3) + 4, second + (4 - lead));
    } else result = misaligned(memory, first, second);
  }
  if (failedAddress >= 0) return memoryFault('strcmp', 'read', failedAddress);
  return result | 0;
}
