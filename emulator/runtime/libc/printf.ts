/**
 * printf-family formatting with glibc's output, byte for byte: flags
 * (- + space # 0 '), width, precision, `*`, the conversions d i u x X o c s p
 * n % and f F e E g G a A, positional arguments (%2$d), and the lengths hh h l ll L q j z Z t (long is 32
 * bits on ARM; ll, L, q and j are 64). Checked against glibc 2.36 by the
 * goldens in tests/libc-programs/golden/printf.json.
 */
import type { ArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';
import { latin1Bytes, memoryFault, readWord, stringLength, writeInteger, writeInteger64, type LibcFault } from './memory.js';
import { formatDouble } from './printf-float.js';
import { isPositional, positionalReader, rewritePositional } from './printf-positional.js';

/** Widths and precisions beyond this make printf fail (-1) instead of filling host memory. */
export const MAXIMUM_FIELD_WIDTH = 1 << 24;

const PERCENT = 37;
const NULL_TEXT = latin1Bytes('(null)');
const NIL_TEXT = latin1Bytes('(nil)');
const DIGITS_LOWER = '0123456789abcdef';
const DIGITS_UPPER = '0123456789ABCDEF';

/** Length modifiers, as the size of the argument they select. */
const enum Length {
  Int,
  Char,
  Short,
  Long,
  LongLong,
}

/** Digits are written right to left into this scratch buffer; nothing is allocated per number. */
const work = new Uint8Array(80);
const WORK_END = work.length;

function digits32(value: number, base: number, upper: boolean): number {
  const table = upper ? DIGITS_UPPER : DIGITS_LOWER;
  let position = WORK_END;
  let rest = value >>> 0;
  do {
    const digit = rest % base;
    work[--position] = table.charCodeAt(digit);
    rest = (rest - digit) / base;
  } while (rest > 0);
  return position;
}

function digits64(value: bigint, base: number, upper: boolean): number {
  if (value <= 0xffffffffn) return digits32(Number(value), base, upper);
  const table = upper ? DIGITS_UPPER : DIGITS_LOWER;
  const bigBase = BigInt(base);
  let position = WORK_END;
  let rest = value;
  while (rest > 0n) {
    work[--position] = table.charCodeAt(Number(rest % bigBase));
    rest /= bigBase;
  }
  return position;
}

/** One parsed conversion specification. Reused across conversions. */
interface Specification {
  left: boolean;
  showSign: boolean;
  space: boolean;
  alternate: boolean;
  zeroPad: boolean;
  group: boolean;
  localeDigits: boolean;
  width: number;
  /** -1 when none was given. */
  precision: number;
}

const spec: Specification = { left: false, showSign: false, space: false, alternate: false, zeroPad: false, group: false, localeDigits: false, width: 0, precision: -1 };

/** Writes `count` copies of `byte`; the caller has checked count against MAXIMUM_FIELD_WIDTH. */
function pad(output: ByteBuilder, byte: number, count: number): void {
  if (count > 0) output.repeat(byte, count);
}

/**
 * An integer conversion: the digits already sit in work[start..WORK_END).
 * `isZero` and `negative` describe the value; `hexBase` adds the 0x/0X marker
 * when alternate; `octal` adds the leading 0 when alternate.
 */
function emitNumber(output: ByteBuilder, start: number, isZero: boolean, negative: boolean, signed: boolean, conversion: number, base: number): void {
  let precision = spec.precision;
  let padByte = spec.zeroPad && !spec.left ? 48 : 32;
  if (precision < 0) precision = 1;
  else padByte = 32;
  if (precision === 0 && isZero) {
    start = WORK_END;
    if (base === 8 && spec.alternate) work[--start] = 48;
  }
  const digitCount = WORK_END - start;
  let zeros = precision - digitCount;
  if (zeros <= 0) {
    zeros = 0;
    if (!isZero && spec.alternate && base === 8) work[--start] = 48;
  }
  const hexMarker = !isZero && spec.alternate && base === 16;
  const signByte = negative ? 45 : signed && spec.showSign ? 43 : signed && spec.space ? 32 : 0;
  const bodyLength = WORK_END - start + zeros + (hexMarker ? 2 : 0) + (signByte ? 1 : 0);
  const fill = spec.width - bodyLength;
  if (!spec.left && padByte === 32) pad(output, 32, fill);
  if (signByte) output.push(signByte);
  if (hexMarker) {
    output.push(48);
    output.push(conversion);
  }
  if (!spec.left && padByte === 48) pad(output, 48, fill);
  pad(output, 48, zeros);
  output.bytes(work, start, WORK_END);
  if (spec.left) pad(output, 32, fill);
}

function emitPadded(output: ByteBuilder, source: Uint8Array, start: number, end: number): void {
  const fill = spec.width - (end - start);
  if (!spec.left) pad(output, 32, fill);
  output.bytes(source, start, end);
  if (spec.left) pad(output, 32, fill);
}

/** Copies a guest C string into `output` with padding; false when the string is unreadable. */
function emitGuestString(output: ByteBuilder, address: number, args: ArgumentReader): boolean {
  const limit = spec.precision < 0 ? 0x7fffffff : spec.precision;
  const length = stringLength(args.memory, address, limit);
  if (length < 0) {
    let unreadable = address;
    while (args.memory.readByte(unreadable >>> 0) >= 0) unreadable++;
    lastPrintfFault = memoryFault('printf', 'read', unreadable);
    lastPrintfFault.message += ' (the string for %s)';
    return false;
  }
  const fill = spec.width - length;
  if (!spec.left) pad(output, 32, fill);
  for (let index = 0; index < length; index++) output.push(args.memory.readByte((address + index) >>> 0));
  if (spec.left) pad(output, 32, fill);
  return true;
}

/** glibc prints an unknown conversion back in a canonical spelling: flags, width, precision, letter (no length). */
function emitUnknown(output: ByteBuilder, conversion: number): void {
  output.push(PERCENT);
  if (spec.alternate) output.push(35);
  if (spec.group) output.push(39);
  if (spec.showSign) output.push(43);
  else if (spec.space) output.push(32);
  if (spec.left) output.push(45);
  else if (spec.zeroPad) output.push(48);
  if (spec.localeDigits) output.push(73);
  if (spec.width !== 0) output.ascii(String(spec.width));
  if (spec.precision !== -1) output.ascii('.' + spec.precision);
  output.push(conversion);
}

/** %ls: a wchar_t string (4 bytes a character), converted for the C locale; precision counts bytes. */
function emitWideString(output: ByteBuilder, address: number, args: ArgumentReader): PrintfFailure | null {
  const limit = spec.precision < 0 ? 0x7fffffff : spec.precision;
  let length = 0;
  for (; length < limit; length++) {
    const character = readWord(args.memory, (address + 4 * length) >>> 0);
    if (character === null) {
      lastPrintfFault = memoryFault('printf', 'read', address + 4 * length);
      return 'fault';
    }
    if (character === 0) break;
    if (character > 0x7f) return 'encoding';
  }
  const fill = spec.width - length;
  if (!spec.left) pad(output, 32, fill);
  for (let index = 0; index < length; index++) output.push(args.memory.readByte((address + 4 * index) >>> 0));
  if (spec.left) pad(output, 32, fill);
  return null;
}

/** Reads a decimal field at `format[index]`; returns the value (or -1 on overflow) and leaves the end in `cursor`. */
let cursor = 0;
function readDecimal(format: Uint8Array, index: number, end: number): number {
  let value = 0;
  while (index < end && format[index] >= 48 && format[index] <= 57) {
    value = value * 10 + (format[index] - 48);
    if (value > 0x7fffffff) value = 0x80000000;
    index++;
  }
  cursor = index;
  return value > 0x7fffffff ? -1 : value;
}

/** Why formatting failed; the C function returns -1 for these. */
export type PrintfFailure = 'incomplete' | 'overflow' | 'fault' | 'encoding';

export let lastPrintfFailure: PrintfFailure | null = null;
/** For a 'fault' failure: the memory access that failed (null when it was an argument read; see the reader's fault). */
export let lastPrintfFault: LibcFault | null = null;

/**
 * Formats into `output` (appending). Returns the number of bytes written, or
 * -1 as glibc does: the format ends inside a conversion ('incomplete'), a
 * width or precision is too large ('overflow'), a wide character is not
 * ASCII ('encoding': the C locale cannot convert it), or an argument could not be
 * read ('fault', see `args.fault` or the memory fault the caller records).
 */
export function formatPrintfInto(output: ByteBuilder, format: Uint8Array, args: ArgumentReader, formatEnd = format.length): number {
  if (isPositional(format, formatEnd)) {
    const rewritten = rewritePositional(format, formatEnd, args);
    if (args.fault) return fail('fault');
    if (rewritten === null) return fail('overflow');
    return formatPrintfInto(output, rewritten.format, positionalReader(rewritten, args));
  }
  const startLength = output.length;
  lastPrintfFailure = null;
  lastPrintfFault = null;
  let index = 0;
  while (index < formatEnd) {
    const byte = format[index];
    if (byte !== PERCENT) {
      let next = index + 1;
      while (next < formatEnd && format[next] !== PERCENT) next++;
      output.bytes(format, index, next);
      index = next;
      continue;
    }
    index++;
    spec.left = spec.showSign = spec.space = spec.alternate = spec.zeroPad = spec.group = spec.localeDigits = false;
    spec.width = 0;
    spec.precision = -1;
    flags: while (index < formatEnd) {
      switch (format[index]) {
        case 45: spec.left = true; break; // -
        case 43: spec.showSign = true; break; // +
        case 32: spec.space = true; break; // space
        case 35: spec.alternate = true; break; // #
        case 48: spec.zeroPad = true; break; // 0
        case 39: spec.group = true; break; // ' (grouping: none in the C locale)
        case 73: spec.localeDigits = true; break; // I
        default: break flags;
      }
      index++;
    }
    if (index < formatEnd && format[index] === 42) {
      const width = args.int32();
      index++;
      if (width < 0) {
        spec.left = true;
        spec.width = -width;
      } else spec.width = width;
    } else {
      spec.width = readDecimal(format, index, formatEnd);
      index = cursor;
    }
    if (index < formatEnd && format[index] === 46) {
      index++;
      if (index < formatEnd && format[index] === 42) {
        const precision = args.int32();
        index++;
        spec.precision = precision < 0 ? -1 : precision;
      } else {
        spec.precision = readDecimal(format, index, formatEnd);
        index = cursor;
        if (spec.precision < 0) return fail('overflow');
      }
    }
    if (spec.width < 0 || spec.width > MAXIMUM_FIELD_WIDTH || spec.precision > MAXIMUM_FIELD_WIDTH) {
      return fail('overflow');
    }
    let length = Length.Int;
    switch (index < formatEnd ? format[index] : 0) {
      case 104: // h, hh
        index++;
        if (index < formatEnd && format[index] === 104) {
          index++;
          length = Length.Char;
        } else length = Length.Short;
        break;
      case 108: // l, ll
        index++;
        if (index < formatEnd && format[index] === 108) {
          index++;
          length = Length.LongLong;
        } else length = Length.Long;
        break;
      case 76: case 113: case 106: // L q j
        index++;
        length = Length.LongLong;
        break;
      case 122: case 90: case 116: // z Z t
        index++;
        length = Length.Long;
        break;
    }
    if (index >= formatEnd) return fail('incomplete');
    const conversion = format[index++];
    switch (conversion) {
      case 100: case 105: { // d i
        if (length === Length.LongLong) {
          const value = args.int64();
          const negative = value < 0n;
          const start = digits64(negative ? -value : value, 10, false);
          emitNumber(output, start, value === 0n, negative, true, conversion, 10);
        } else {
          let value = args.int32();
          if (length === Length.Short) value = (value << 16) >> 16;
          else if (length === Length.Char) value = (value << 24) >> 24;
          const negative = value < 0;
          const start = digits32(negative ? -value : value, 10, false);
          emitNumber(output, start, value === 0, negative, true, conversion, 10);
        }
        break;
      }
      case 117: case 120: case 88: case 111: { // u x X o
        const base = conversion === 117 ? 10 : conversion === 111 ? 8 : 16;
        const upper = conversion === 88;
        if (length === Length.LongLong) {
          const value = args.uint64();
          emitNumber(output, digits64(value, base, upper), value === 0n, false, false, conversion, base);
        } else {
          let value = args.uint32();
          if (length === Length.Short) value &= 0xffff;
          else if (length === Length.Char) value &= 0xff;
          emitNumber(output, digits32(value, base, upper), value === 0, false, false, conversion, base);
        }
        break;
      }
      case 99: { // c, lc (a wide character: only ASCII converts in the C locale)
        const character = args.uint32();
        if (length === Length.Long && character > 0x7f) return fail('encoding');
        work[0] = character & 0xff;
        emitPadded(output, work, 0, 1);
        break;
      }
      case 115: { // s, ls
        const address = args.pointer();
        if (address !== 0 && length === Length.Long) {
          const result = emitWideString(output, address, args);
          if (result !== null) return fail(result);
        } else if (address === 0) {
          if (spec.precision === -1 || spec.precision >= 6) emitPadded(output, NULL_TEXT, 0, NULL_TEXT.length);
          else emitPadded(output, NULL_TEXT, 0, 0);
        } else if (!emitGuestString(output, address, args)) return fail('fault');
        break;
      }
      case 112: { // p
        const address = args.pointer();
        if (address === 0) {
          emitPadded(output, NIL_TEXT, 0, NIL_TEXT.length);
        } else {
          spec.alternate = true;
          emitNumber(output, digits32(address, 16, false), false, false, true, 120, 16);
        }
        break;
      }
      case 110: { // n
        const address = args.pointer();
        const count = output.length - startLength;
        const size = length === Length.Char ? 1 : length === Length.Short ? 2 : length === Length.LongLong ? 8 : 4;
        const written = size === 8 ? writeInteger64(args.memory, address, BigInt(count)) : writeInteger(args.memory, address, count, size);
        if (!written) {
          lastPrintfFault = memoryFault('printf', 'write', address);
          lastPrintfFault.message += ' (the int for %n)';
          return fail('fault');
        }
        break;
      }
      case PERCENT:
        output.push(PERCENT);
        break;
      case 102: case 70: case 101: case 69: case 103: case 71: case 97: case 65: { // f F e E g G a A
        const bits = args.uint64();
        formatDouble(output, bits, conversion, spec.precision, spec.width, spec.left, spec.showSign, spec.space, spec.alternate, spec.zeroPad);
        break;
      }
      default:
        emitUnknown(output, conversion);
        break;
    }
    if (args.fault) return fail('fault');
  }
  return output.length - startLength;
}

function fail(reason: PrintfFailure): number {
  lastPrintfFailure = reason;
  return -1;
}

const scratch = new ByteBuilder(512);

/** Formats a whole printf call; the bytes glibc's printf would write. */
export function formatPrintf(format: Uint8Array | string, args: ArgumentReader): Uint8Array {
  const bytes = typeof format === 'string' ? latin1Bytes(format) : format;
  scratch.clear();
  formatPrintfInto(scratch, bytes, args);
  return scratch.toBytes();
}
