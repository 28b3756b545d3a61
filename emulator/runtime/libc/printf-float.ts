/**
 * The floating-point conversions of printf (f F e E g G a A) as glibc prints
 * them: from the exact binary value, rounded half-to-even (glibc honours the
 * current rounding mode, which is round-to-nearest). A double argument is
 * passed like a 64-bit integer in variadic calls, so it arrives as its bits.
 */
import type { ByteBuilder } from './byte-builder.js';

interface Decoded {
  negative: boolean;
  /** 'finite' | 'infinite' | 'nan' */
  kind: 0 | 1 | 2;
  mantissa: bigint;
  /** value = mantissa * 2^exponent */
  exponent: number;
}

const decoded: Decoded = { negative: false, kind: 0, mantissa: 0n, exponent: 0 };

function decode(bits: bigint): void {
  decoded.negative = (bits >> 63n) === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  if (biased === 0x7ff) {
    decoded.kind = fraction === 0n ? 1 : 2;
    return;
  }
  decoded.kind = 0;
  if (biased === 0) {
    decoded.mantissa = fraction;
    decoded.exponent = -1074;
  } else {
    decoded.mantissa = fraction | (1n << 52n);
    decoded.exponent = biased - 1075;
  }
}

/** The exact value as numerator × 10^-scale. */
function exactValue(): { numerator: bigint; scale: number } {
  const { mantissa, exponent } = decoded;
  if (exponent >= 0) return { numerator: mantissa << BigInt(exponent), scale: 0 };
  return { numerator: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

/** The exact value as decimal digits × 10^-scale ('0' for zero). */
function exactDecimal(): { digits: string; scale: number } {
  const { numerator, scale } = exactValue();
  return numerator === 0n ? { digits: '0', scale: 0 } : { digits: numerator.toString(), scale };
}

/** Rounds a digit string to `keep` digits, half to even; returns the digits (maybe one longer after a carry). */
function roundDigits(digits: string, keep: number): string {
  if (keep >= digits.length) return digits + '0'.repeat(keep - digits.length);
  if (keep < 0) return '';
  const head = keep === 0 ? 0n : BigInt(digits.slice(0, keep));
  const first = digits.charCodeAt(keep) - 48;
  let roundUp = false;
  if (first > 5) roundUp = true;
  else if (first === 5) {
    let restNonZero = false;
    for (let index = keep + 1; index < digits.length; index++) {
      if (digits.charCodeAt(index) !== 48) {
        restNonZero = true;
        break;
      }
    }
    roundUp = restNonZero || (head & 1n) === 1n;
  }
  const rounded = roundUp ? head + 1n : head;
  const text = rounded.toString();
  if (keep === 0) return rounded === 0n ? '' : text;
  return text.length < keep ? '0'.repeat(keep - text.length) + text : text;
}

/** Fixed notation with `precision` fraction digits. */
function fixed(precision: number, alternate: boolean): string {
  const { numerator, scale } = exactValue();
  let scaled: bigint;
  if (scale <= precision) scaled = numerator * 10n ** BigInt(precision - scale);
  else {
    const divisor = 10n ** BigInt(scale - precision);
    scaled = numerator / divisor;
    const twice = (numerator % divisor) * 2n;
    if (twice > divisor || (twice === divisor && (scaled & 1n) === 1n)) scaled += 1n;
  }
  let text = scaled.toString();
  if (text.length <= precision) text = '0'.repeat(precision - text.length + 1) + text;
  const integerPart = text.slice(0, text.length - precision);
  return precision > 0 || alternate ? integerPart + '.' + text.slice(text.length - precision) : integerPart;
}

/** Scientific notation: the significant digits (precision + 1 of them) and the decimal exponent. */
function scientificParts(precision: number): { significand: string; exponent: number } {
  const { digits, scale } = exactDecimal();
  if (digits === '0') return { significand: '0'.repeat(precision + 1), exponent: 0 };
  let exponent = digits.length - 1 - scale;
  let significand = roundDigits(digits, precision + 1);
  if (significand.length > precision + 1) {
    significand = significand.slice(0, precision + 1);
    exponent++;
  }
  return { significand, exponent };
}

function scientificText(significand: string, exponent: number, alternate: boolean, upper: boolean): string {
  let text = significand[0];
  if (significand.length > 1 || alternate) text += '.' + significand.slice(1);
  const magnitude = Math.abs(exponent);
  text += (upper ? 'E' : 'e') + (exponent < 0 ? '-' : '+') + (magnitude < 10 ? '0' : '') + magnitude;
  return text;
}

function stripZeros(text: string): string {
  if (text.indexOf('.') < 0) return text;
  let end = text.length;
  while (text.charCodeAt(end - 1) === 48) end--;
  if (text.charCodeAt(end - 1) === 46) end--;
  return text.slice(0, end);
}

function general(precision: number, alternate: boolean, upper: boolean): string {
  const significant = precision === 0 ? 1 : precision;
  const { significand, exponent } = scientificParts(significant - 1);
  if (exponent < significant && exponent >= -4) {
    const text = fixed(significant - 1 - exponent, alternate);
    return alternate ? text : stripZeros(text);
  }
  if (alternate) return scientificText(significand, exponent, true, upper);
  const digits = significand.replace(/0+$/, '') || '0';
  return scientificText(digits, exponent, false, upper);
}

function hexadecimal(precision: number, alternate: boolean, upper: boolean): string {
  const { mantissa, exponent } = decoded;
  if (mantissa === 0n) {
    const zeros = precision > 0 ? '.' + '0'.repeat(precision) : alternate ? '.' : '';
    return (upper ? '0X0' : '0x0') + zeros + (upper ? 'P+0' : 'p+0');
  }
  const normal = mantissa >= 1n << 52n;
  let lead = normal ? 1n : 0n;
  let fraction = mantissa & 0xfffffffffffffn;
  const binaryExponent = normal ? exponent + 52 : -1022;
  let fractionDigits = 13;
  if (precision >= 0 && precision < 13) {
    const drop = BigInt((13 - precision) * 4);
    const remainder = fraction & ((1n << drop) - 1n);
    const half = 1n << (drop - 1n);
    fraction >>= drop;
    const odd = precision === 0 ? (lead & 1n) === 1n : (fraction & 1n) === 1n;
    if (remainder > half || (remainder === half && odd)) {
      fraction += 1n;
      if (precision === 0) {
        fraction = 0n;
        lead += 1n;
      } else if (fraction >> BigInt(precision * 4) !== 0n) {
        fraction &= (1n << BigInt(precision * 4)) - 1n;
        lead += 1n;
      }
    }
    fractionDigits = precision;
  }
  let fractionText = fractionDigits > 0 ? fraction.toString(16).padStart(fractionDigits, '0') : '';
  if (precision < 0) fractionText = fractionText.replace(/0+$/, '');
  else if (precision > 13) fractionText += '0'.repeat(precision - 13);
  let text = '0x' + lead.toString(16);
  if (fractionText.length > 0 || alternate) text += '.' + fractionText;
  text += 'p' + (binaryExponent < 0 ? '-' : '+') + Math.abs(binaryExponent);
  return upper ? text.toUpperCase() : text;
}

/** Appends one floating-point conversion of the double whose bits are `bits`. */
export function formatDouble(
  output: ByteBuilder,
  bits: bigint,
  conversion: number,
  precision: number,
  width: number,
  left: boolean,
  showSign: boolean,
  space: boolean,
  alternate: boolean,
  zeroPad: boolean,
): void {
  decode(bits);
  const upper = conversion === 70 || conversion === 69 || conversion === 71 || conversion === 65;
  let body: string;
  let numeric = true;
  if (decoded.kind !== 0) {
    body = decoded.kind === 1 ? 'inf' : 'nan';
    if (upper) body = body.toUpperCase();
    numeric = false;
  } else {
    switch (conversion) {
      case 102: case 70:
        body = fixed(precision < 0 ? 6 : precision, alternate);
        break;
      case 101: case 69: {
        const { significand, exponent } = scientificParts(precision < 0 ? 6 : precision);
        body = scientificText(significand, exponent, alternate, upper);
        break;
      }
      case 103: case 71:
        body = general(precision < 0 ? 6 : precision, alternate, upper);
        break;
      default:
        body = hexadecimal(precision, alternate, upper);
        break;
    }
  }
  const sign = decoded.negative ? '-' : showSign ? '+' : space ? ' ' : '';
  let fill = width - sign.length - body.length;
  if (!left && !(zeroPad && numeric)) {
    if (fill > 0) output.repeat(32, fill);
    fill = 0;
  }
  output.ascii(sign);
  let bodyStart = 0;
  if (!left && fill > 0) {
    if (conversion === 97 || conversion === 65) {
      output.ascii(body.slice(0, 2));
      bodyStart = 2;
    }
    output.repeat(48, fill);
    fill = 0;
  }
  output.ascii(bodyStart ? body.slice(bodyStart) : body);
  if (left && fill > 0) output.repeat(32, fill);
}
