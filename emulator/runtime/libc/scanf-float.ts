/**
 * scanf's floating-point conversions (%f %e %g %a and their capitals) as
 * glibc 2.36's vfscanf reads them: it collects the characters that could
 * belong to a number (sign, digits, one '.', an exponent, "nan", "inf",
 * "infinity", hexadecimal "0x...p..."), consuming them, then converts the
 * longest valid prefix with strtod. Characters collected past that prefix
 * stay consumed ("1e" stores 1 and eats the 'e'), as in glibc.
 */
import { END_OF_INPUT, INPUT_PENDING, type ScanInput } from './stdin.js';

/** What scanFloat found: the input offset after it, and the value's bits when a number was read. */
export interface FloatScan {
  /** INPUT_PENDING when more input is needed; otherwise the new offset. */
  position: number;
  /** 'number': `bits` holds the double; 'mismatch': conversion failed; 'end': input ended first. */
  result: 'number' | 'mismatch' | 'end';
  bits: bigint;
}

const scan: FloatScan = { position: 0, result: 'mismatch', bits: 0n };
let text = '';

function lower(byte: number): number {
  return byte >= 65 && byte <= 90 ? byte + 32 : byte;
}

function isDigit(byte: number): boolean {
  return byte >= 48 && byte <= 57;
}

function isHexDigit(byte: number): boolean {
  return isDigit(byte) || (lower(byte) >= 97 && lower(byte) <= 102);
}

function doubleBits(value: number): bigint {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return view.getBigUint64(0, true);
}

/** strtod on the collected text: the bits of the longest valid prefix's value, or null when there is none. */
function convert(collected: string): bigint | null {
  const special = /^([+-]?)(nan|inf(inity)?)/i.exec(collected);
  if (special) {
    const negative = special[1] === '-';
    if (special[2].toLowerCase() === 'nan') return negative ? 0xfff8000000000000n : 0x7ff8000000000000n;
    return negative ? 0xfff0000000000000n : 0x7ff0000000000000n;
  }
  const hex = /^([+-]?)0x([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?\d+))?/i.exec(collected);
  if (hex && (hex[2] + (hex[3] ?? '')).length > 0) {
    const digits = hex[2] + (hex[3] ?? '');
    let value = Number(BigInt('0x' + digits)) * 2 ** (Number(hex[4] ?? '0') - 4 * (hex[3] ?? '').length);
    if (!Number.isFinite(value) && BigInt('0x' + digits) !== 0n) value = Infinity;
    return doubleBits(hex[1] === '-' ? -value : value);
  }
  const decimal = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(collected);
  if (!decimal) {
    // "0x" with no hex digits is the number 0 followed by an 'x' strtod leaves alone.
    const zero = /^([+-]?)0/.exec(collected);
    return zero ? doubleBits(zero[1] === '-' ? -0 : 0) : null;
  }
  return doubleBits(Number(decimal[0]));
}

/**
 * Reads a floating-point field at `position` (whitespace already skipped),
 * at most `width` characters (-1: no limit). The returned object is reused.
 */
export function scanFloat(input: ScanInput, start: number, width: number): FloatScan {
  let position = start;
  text = '';
  let byte = input.byteAt(position);
  const take = (): number => {
    text += String.fromCharCode(byte);
    position++;
    if (width > 0) width--;
    byte = width === 0 ? END_OF_INPUT : input.byteAt(position);
    return byte;
  };
  const finish = (result: FloatScan['result'], bits = 0n): FloatScan => {
    scan.position = position;
    scan.result = result;
    scan.bits = bits;
    return scan;
  };
  const needs = (): FloatScan => {
    scan.position = INPUT_PENDING;
    return scan;
  };
  if (byte === INPUT_PENDING) return needs();
  if (byte === END_OF_INPUT) return finish('end');
  if (byte === 45 || byte === 43) {
    const next = take();
    if (next === INPUT_PENDING) return needs();
    if (next === END_OF_INPUT) return finish('mismatch');
  }
  // "nan", "inf", "infinity": a wrong letter is consumed and the conversion fails.
  const word = lower(byte) === 110 ? 'nan' : lower(byte) === 105 ? 'inf' : '';
  if (word) {
    for (let letter = 0; letter < 3; letter++) {
      if (byte === INPUT_PENDING) return needs();
      if (byte < 0) return finish('mismatch');
      const matches = lower(byte) === word.charCodeAt(letter);
      text += String.fromCharCode(byte);
      position++;
      if (width > 0) width--;
      if (!matches) return finish('mismatch');
      byte = letter < 2 && width === 0 ? END_OF_INPUT : letter < 2 ? input.byteAt(position) : byte;
    }
    if (word === 'inf' && width !== 0) {
      byte = input.byteAt(position);
      if (byte === INPUT_PENDING) return needs();
      if (lower(byte) === 105) {
        for (const letter of 'inity') {
          if (byte === INPUT_PENDING) return needs();
          if (byte < 0 || width === 0) return finish('mismatch');
          const matches = lower(byte) === letter.charCodeAt(0);
          text += String.fromCharCode(byte);
          position++;
          if (width > 0) width--;
          if (!matches) return finish('mismatch');
          byte = input.byteAt(position);
        }
      }
    }
    return finish('number', convert(text) ?? 0n);
  }
  let hexadecimal = false;
  let gotDigit = false;
  let gotDot = false;
  let gotExponent = false;
  let exponentLetter = 101;
  // glibc tests the width after counting the character it is looking at, hence "more than one left".
  if ((width < 0 || width > 1) && byte === 48) {
    if (take() === INPUT_PENDING) return needs();
    if ((width < 0 || width > 1) && lower(byte) === 120) {
      hexadecimal = true;
      exponentLetter = 112;
      if (take() === INPUT_PENDING) return needs();
    } else gotDigit = true;
  }
  for (;;) {
    if (byte === INPUT_PENDING) return needs();
    if (byte < 0) break;
    const last = text.length > 0 ? lower(text.charCodeAt(text.length - 1)) : 0;
    if (isDigit(byte) || (!gotExponent && hexadecimal && isHexDigit(byte))) gotDigit = true;
    else if (gotExponent && last === exponentLetter && (byte === 45 || byte === 43)) {
      // a sign right after the exponent letter
    } else if (gotDigit && !gotExponent && lower(byte) === exponentLetter) {
      gotExponent = gotDot = true;
    } else if (byte === 46 && !gotDot) gotDot = true;
    else break;
    take();
  }
  if (text.length === 0 || (hexadecimal && text.length === 2)) return finish('mismatch');
  const bits = convert(text);
  return bits === null ? finish('mismatch') : finish('number', bits);
}

/** The bits of the float nearest to the double with bits `bits` (scanf's %f without l). */
export function floatBits(bits: bigint): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, bits, true);
  const value = view.getFloat64(0, true);
  if (Number.isNaN(value)) return bits >> 63n ? 0xffc00000 : 0x7fc00000;
  view.setFloat32(0, value, true);
  return view.getUint32(0, true);
}
