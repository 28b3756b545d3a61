/**
 * <string.h> and <stdlib.h> functions as pure functions over guest memory.
 * Each returns what the C function returns (a number: a length, an address, a
 * comparison), or a LibcFault where the C function would crash. Comparisons
 * return the difference of the first differing bytes as unsigned chars, as
 * glibc's strncmp and memcmp do on ARM. (glibc's strcmp is subtler when the
 * two strings sit at different addresses mod 4: the registry uses
 * strcmp-armv7.ts; strcmp here is the plain byte-difference version.)
 */
import { memoryFault, type LibcFault, type LibcMemory } from './memory.js';

export type LibcResult = number | LibcFault;

export function isFault(result: LibcResult): result is LibcFault {
  return typeof result !== 'number';
}

export function strlen(memory: LibcMemory, address: number): LibcResult {
  for (let length = 0; ; length++) {
    const byte = memory.readByte((address + length) >>> 0);
    if (byte === 0) return length;
    if (byte < 0) return memoryFault('strlen', 'read', address + length);
  }
}

export function strcmp(memory: LibcMemory, first: number, second: number): LibcResult {
  return strncmpNamed(memory, first, second, 0xffffffff, 'strcmp');
}

export function strncmp(memory: LibcMemory, first: number, second: number, count: number): LibcResult {
  return strncmpNamed(memory, first, second, count >>> 0, 'strncmp');
}

function strncmpNamed(memory: LibcMemory, first: number, second: number, count: number, name: string): LibcResult {
  for (let index = 0; index < count; index++) {
    const a = memory.readByte((first + index) >>> 0);
    if (a < 0) return memoryFault(name, 'read', first + index);
    const b = memory.readByte((second + index) >>> 0);
    if (b < 0) return memoryFault(name, 'read', second + index);
    if (a !== b) return a - b;
    if (a === 0) return 0;
  }
  return 0;
}

/** Copies the string at `source` (with its NUL) to `destination`; returns `destination`. */
export function strcpy(memory: LibcMemory, destination: number, source: number, name = 'strcpy'): LibcResult {
  for (let index = 0; ; index++) {
    const byte = memory.readByte((source + index) >>> 0);
    if (byte < 0) return memoryFault(name, 'read', source + index);
    if (!memory.writeByte((destination + index) >>> 0, byte)) return memoryFault(name, 'write', destination + index);
    if (byte === 0) return destination >>> 0;
  }
}

/** Copies at most `count` bytes, padding with NULs to `count`; returns `destination`. */
export function strncpy(memory: LibcMemory, destination: number, source: number, count: number): LibcResult {
  let index = 0;
  count >>>= 0;
  for (; index < count; index++) {
    const byte = memory.readByte((source + index) >>> 0);
    if (byte < 0) return memoryFault('strncpy', 'read', source + index);
    if (byte === 0) break;
    if (!memory.writeByte((destination + index) >>> 0, byte)) return memoryFault('strncpy', 'write', destination + index);
  }
  for (; index < count; index++) {
    if (!memory.writeByte((destination + index) >>> 0, 0)) return memoryFault('strncpy', 'write', destination + index);
  }
  return destination >>> 0;
}

export function strcat(memory: LibcMemory, destination: number, source: number): LibcResult {
  const length = strlen(memory, destination);
  if (isFault(length)) return memoryFault('strcat', 'read', length.address);
  const copied = strcpy(memory, destination + length, source, 'strcat');
  return isFault(copied) ? copied : destination >>> 0;
}

/** Appends at most `count` bytes of `source` and a NUL; returns `destination`. */
export function strncat(memory: LibcMemory, destination: number, source: number, count: number): LibcResult {
  const length = strlen(memory, destination);
  if (isFault(length)) return memoryFault('strncat', 'read', length.address);
  const end = destination + length;
  let index = 0;
  for (count >>>= 0; index < count; index++) {
    const byte = memory.readByte((source + index) >>> 0);
    if (byte < 0) return memoryFault('strncat', 'read', source + index);
    if (byte === 0) break;
    if (!memory.writeByte((end + index) >>> 0, byte)) return memoryFault('strncat', 'write', end + index);
  }
  if (!memory.writeByte((end + index) >>> 0, 0)) return memoryFault('strncat', 'write', end + index);
  return destination >>> 0;
}

/** The address of the first `character` in the string (the NUL counts), or 0. */
export function strchr(memory: LibcMemory, address: number, character: number): LibcResult {
  const wanted = character & 0xff;
  for (let index = 0; ; index++) {
    const byte = memory.readByte((address + index) >>> 0);
    if (byte < 0) return memoryFault('strchr', 'read', address + index);
    if (byte === wanted) return (address + index) >>> 0;
    if (byte === 0) return 0;
  }
}

/** The address of the last `character` in the string (the NUL counts), or 0. */
export function strrchr(memory: LibcMemory, address: number, character: number): LibcResult {
  const wanted = character & 0xff;
  let found = 0;
  for (let index = 0; ; index++) {
    const byte = memory.readByte((address + index) >>> 0);
    if (byte < 0) return memoryFault('strrchr', 'read', address + index);
    if (byte === wanted) found = (address + index) >>> 0;
    if (byte === 0) return found;
  }
}

/** The address of the first occurrence of `needle` in `haystack`, or 0. */
export function strstr(memory: LibcMemory, haystack: number, needle: number): LibcResult {
  const needleLength = strlen(memory, needle);
  if (isFault(needleLength)) return memoryFault('strstr', 'read', needleLength.address);
  for (let start = 0; ; start++) {
    let index = 0;
    for (; index < needleLength; index++) {
      const byte = memory.readByte((haystack + start + index) >>> 0);
      if (byte < 0) return memoryFault('strstr', 'read', haystack + start + index);
      if (byte !== memory.readByte((needle + index) >>> 0)) break;
    }
    if (index === needleLength) return (haystack + start) >>> 0;
    const byte = memory.readByte((haystack + start) >>> 0);
    if (byte < 0) return memoryFault('strstr', 'read', haystack + start);
    if (byte === 0) return 0;
  }
}

/** The address of the first `character` in `count` bytes, or 0. */
export function memchr(memory: LibcMemory, address: number, character: number, count: number): LibcResult {
  const wanted = character & 0xff;
  count >>>= 0;
  for (let index = 0; index < count; index++) {
    const byte = memory.readByte((address + index) >>> 0);
    if (byte < 0) return memoryFault('memchr', 'read', address + index);
    if (byte === wanted) return (address + index) >>> 0;
  }
  return 0;
}

/** memcpy and memmove: both copy as if through a temporary, so overlapping copies are safe. Returns `destination`. */
export function memmove(memory: LibcMemory, destination: number, source: number, count: number, name = 'memmove'): LibcResult {
  count >>>= 0;
  destination >>>= 0;
  source >>>= 0;
  if (destination <= source || destination >= source + count) {
    for (let index = 0; index < count; index++) {
      const byte = memory.readByte((source + index) >>> 0);
      if (byte < 0) return memoryFault(name, 'read', source + index);
      if (!memory.writeByte((destination + index) >>> 0, byte)) return memoryFault(name, 'write', destination + index);
    }
  } else {
    for (let index = count - 1; index >= 0; index--) {
      const byte = memory.readByte((source + index) >>> 0);
      if (byte < 0) return memoryFault(name, 'read', source + index);
      if (!memory.writeByte((destination + index) >>> 0, byte)) return memoryFault(name, 'write', destination + index);
    }
  }
  return destination;
}

export function memcpy(memory: LibcMemory, destination: number, source: number, count: number): LibcResult {
  return memmove(memory, destination, source, count, 'memcpy');
}

export function memset(memory: LibcMemory, destination: number, value: number, count: number): LibcResult {
  count >>>= 0;
  const byte = value & 0xff;
  for (let index = 0; index < count; index++) {
    if (!memory.writeByte((destination + index) >>> 0, byte)) return memoryFault('memset', 'write', destination + index);
  }
  return destination >>> 0;
}

export function memcmp(memory: LibcMemory, first: number, second: number, count: number): LibcResult {
  count >>>= 0;
  for (let index = 0; index < count; index++) {
    const a = memory.readByte((first + index) >>> 0);
    if (a < 0) return memoryFault('memcmp', 'read', first + index);
    const b = memory.readByte((second + index) >>> 0);
    if (b < 0) return memoryFault('memcmp', 'read', second + index);
    if (a !== b) return a - b;
  }
  return 0;
}

function isSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

/**
 * strtol on 32 bits: whitespace, sign, base prefix (base 0 or 16), digits;
 * saturates at LONG_MIN/LONG_MAX. Returns the value and, in `end`, the
 * address just past the number (the string itself when there is none).
 */
export function strtol(memory: LibcMemory, address: number, base: number, end: { address: number } | null = null, name = 'strtol'): LibcResult {
  let index = 0;
  let byte = memory.readByte(address >>> 0);
  while (isSpace(byte)) byte = memory.readByte((address + ++index) >>> 0);
  let negative = false;
  if (byte === 45 || byte === 43) {
    negative = byte === 45;
    byte = memory.readByte((address + ++index) >>> 0);
  }
  if ((base === 0 || base === 16) && byte === 48) {
    const next = memory.readByte((address + index + 1) >>> 0);
    const after = memory.readByte((address + index + 2) >>> 0);
    if ((next | 0x20) === 120 && digitOf(after) < 16) {
      base = 16;
      index += 2;
      byte = after;
    } else if (base === 0) base = 8;
  }
  if (base === 0) base = 10;
  if (base < 2 || base > 36) {
    if (end) end.address = address >>> 0;
    return 0;
  }
  let magnitude = 0;
  let digits = 0;
  for (;;) {
    if (byte < 0) return memoryFault(name, 'read', address + index);
    const digit = digitOf(byte);
    if (digit >= base) break;
    if (magnitude <= 0x100000000) magnitude = magnitude * base + digit;
    digits++;
    byte = memory.readByte((address + ++index) >>> 0);
  }
  if (end) end.address = digits === 0 ? address >>> 0 : (address + index) >>> 0;
  if (negative) return magnitude > 0x80000000 ? -0x80000000 : -magnitude | 0;
  return magnitude > 0x7fffffff ? 0x7fffffff : magnitude;
}

function digitOf(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 97 && byte <= 122) return byte - 87;
  if (byte >= 65 && byte <= 90) return byte - 55;
  return 99;
}

/** atoi: (int) strtol(s, NULL, 10). */
export function atoi(memory: LibcMemory, address: number): LibcResult {
  return strtol(memory, address, 10, null, 'atoi');
}

export function abs(value: number): number {
  return value < 0 ? -value | 0 : value | 0;
}

/** <ctype.h> in the C locale, returning glibc's class-table bits (isdigit('5') is 2048, not 1). */
export const ctype = {
  isdigit: (c: number): number => (c >= 48 && c <= 57 ? 2048 : 0),
  isalpha: (c: number): number => ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1024 : 0),
  isalnum: (c: number): number => ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 8 : 0),
  isspace: (c: number): number => (c === 32 || (c >= 9 && c <= 13) ? 8192 : 0),
  isupper: (c: number): number => (c >= 65 && c <= 90 ? 256 : 0),
  islower: (c: number): number => (c >= 97 && c <= 122 ? 512 : 0),
  toupper: (c: number): number => (c >= 97 && c <= 122 ? c - 32 : c),
  tolower: (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c),
} as const;
