/**
 * Positional printf arguments (`%2$d %1$s`, `%1$*2$d`), as glibc handles
 * them: the types of all arguments are worked out from the whole format
 * first, the arguments are read in order 1..n with those types (AAPCS
 * placement depends on them), then the format is formatted as if its
 * conversions took the arguments in the order they name them.
 */
import { ValueArgumentReader, type ArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';

/** What an argument position holds: a 32-bit value or a 64-bit one (long long, double). */
const enum Kind {
  Unknown = 0,
  Word = 1,
  Double = 2,
}

/** Upper bound on positions (glibc's NL_ARGMAX is 4096). */
const MAXIMUM_POSITION = 4096;

/** True when the format's first conversion is positional (`%` digits `$`). */
export function isPositional(format: Uint8Array, formatEnd: number): boolean {
  for (let index = 0; index < formatEnd; index++) {
    if (format[index] !== 37) continue;
    let cursor = index + 1;
    if (format[cursor] === 37) {
      index = cursor;
      continue;
    }
    const start = cursor;
    while (cursor < formatEnd && format[cursor] >= 48 && format[cursor] <= 57) cursor++;
    return cursor > start && cursor < formatEnd && format[cursor] === 36;
  }
  return false;
}

function readNumber(format: Uint8Array, index: number, end: number): [number, number] {
  let value = 0;
  while (index < end && format[index] >= 48 && format[index] <= 57) {
    value = Math.min(value * 10 + format[index] - 48, 0x7fffffff);
    index++;
  }
  return [value, index];
}

/** A `n$` at `index`: the position and the index after '$', or null. */
function position(format: Uint8Array, index: number, end: number): [number, number] | null {
  const [value, after] = readNumber(format, index, end);
  if (after === index || after >= end || format[after] !== 36 || value === 0) return null;
  return [value, after + 1];
}

interface Rewritten {
  format: Uint8Array;
  values: (number | bigint)[];
}

/**
 * Turns a positional format into a plain one plus its arguments in the order
 * the plain format takes them. Returns null when a position is out of range.
 */
export function rewritePositional(format: Uint8Array, formatEnd: number, args: ArgumentReader): Rewritten | null {
  const kinds = new Uint8Array(MAXIMUM_POSITION + 1);
  const order: number[] = [];
  const plain = new ByteBuilder(formatEnd);
  let highest = 0;
  const use = (where: number, kind: Kind): void => {
    order.push(where);
    if (kinds[where] === Kind.Unknown) kinds[where] = kind;
    if (where > highest) highest = where;
  };
  let index = 0;
  while (index < formatEnd) {
    const byte = format[index];
    plain.push(byte);
    index++;
    if (byte !== 37) continue;
    if (index < formatEnd && format[index] === 37) {
      plain.push(37);
      index++;
      continue;
    }
    const argument = position(format, index, formatEnd);
    if (argument) index = argument[1];
    while (index < formatEnd && '-+ #0\'I'.includes(String.fromCharCode(format[index]))) plain.push(format[index++]);
    for (const part of ['width', 'precision']) {
      if (part === 'precision') {
        if (index >= formatEnd || format[index] !== 46) break;
        plain.push(format[index++]);
      }
      if (index < formatEnd && format[index] === 42) {
        plain.push(format[index++]);
        const star = position(format, index, formatEnd);
        if (!star || star[0] > MAXIMUM_POSITION) return null;
        index = star[1];
        use(star[0], Kind.Word);
      } else while (index < formatEnd && format[index] >= 48 && format[index] <= 57) plain.push(format[index++]);
    }
    let wide = false;
    while (index < formatEnd && 'hlLqjzZt'.includes(String.fromCharCode(format[index]))) {
      const letter = format[index];
      if (letter === 76 || letter === 113 || letter === 106 || (letter === 108 && format[index + 1] === 108)) wide = true;
      plain.push(format[index++]);
      if (letter === 108 && wide && format[index] === 108) plain.push(format[index++]);
    }
    if (index >= formatEnd) break;
    const conversion = format[index++];
    plain.push(conversion);
    if (!argument || argument[0] > MAXIMUM_POSITION) {
      if (argument) return null;
      continue;
    }
    if ('fFeEgGaA'.includes(String.fromCharCode(conversion))) use(argument[0], Kind.Double);
    else if ('diuxXo'.includes(String.fromCharCode(conversion))) use(argument[0], wide ? Kind.Double : Kind.Word);
    else if ('cspn'.includes(String.fromCharCode(conversion))) use(argument[0], Kind.Word);
  }
  const values: (number | bigint)[] = [0];
  for (let where = 1; where <= highest; where++) values.push(kinds[where] === Kind.Double ? args.uint64() : args.uint32());
  return { format: plain.toBytes(), values: order.map((where) => values[where]) };
}

/** A reader over the rewritten values, sharing the original reader's memory and fault. */
export function positionalReader(rewritten: Rewritten, args: ArgumentReader): ArgumentReader {
  return new ValueArgumentReader(rewritten.values, args.memory);
}
