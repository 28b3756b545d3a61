/**
 * The scanf family, following glibc 2.36's vfscanf step by step: whitespace
 * directives, literal characters, %d %i %u %x %X %o %p %c %s %[...] %n %%,
 * %f %e %g %a (scanf-float.ts),
 * widths, `*` suppression, the hh h l ll j z t L q lengths, strtol-style
 * saturation, and the return value (assignments made, or EOF when input ends
 * before the first one).
 *
 * Restartable: the scan walks the input by offset and changes nothing until
 * it is finished. If it needs a byte that has not arrived yet it returns
 * 'needs-input' having consumed no input and written no memory, so the
 * runtime can stop with "waiting for input" and call it again later.
 */
import type { ArgumentReader } from './arguments.js';
import { memoryFault, writeInteger, writeInteger64, type LibcFault } from './memory.js';
import { floatBits, scanFloat } from './scanf-float.js';
import { parseSet, saturate32, saturate64, setTable } from './scanf-parts.js';
import { END_OF_INPUT, INPUT_PENDING, type ScanInput } from './stdin.js';

export type ScanOutcome =
  | { kind: 'done'; count: number }
  | { kind: 'needs-input' }
  | { kind: 'fault'; fault: LibcFault };

const NEEDS_INPUT: ScanOutcome = { kind: 'needs-input' };

/** A store the scan will make once it has finished. */
interface PendingStore {
  address: number;
  /** 1, 2, 4 or 8 for integers; 0 for a byte run copied from the input. */
  size: number;
  value: number;
  wide: bigint;
  from: number;
  to: number;
  terminate: boolean;
  /** Bytes per character for a run: 1, or 4 for %lc %ls %l[ (wchar_t). */
  characterSize: number;
}

const pending: PendingStore[] = [];
let pendingCount = 0;

function nextStore(address: number): PendingStore {
  if (pendingCount === pending.length) pending.push({ address: 0, size: 0, value: 0, wide: 0n, from: 0, to: 0, terminate: false, characterSize: 1 });
  const store = pending[pendingCount++];
  store.address = address;
  return store;
}

function isSpace(byte: number): boolean {
  return byte === 32 || (byte >= 9 && byte <= 13);
}

function digitValue(byte: number): number {
  if (byte >= 48 && byte <= 57) return byte - 48;
  if (byte >= 97 && byte <= 102) return byte - 87;
  if (byte >= 65 && byte <= 70) return byte - 55;
  return 99;
}

const enum Size {
  Default = 4,
  Char = 1,
  Short = 2,
  LongLong = 8,
}

/**
 * Scans `input` under `format`. Pointers to store into come from `args`.
 * `functionName` names the caller in fault messages.
 */
export function scanFormat(format: Uint8Array, input: ScanInput, args: ArgumentReader, functionName = 'scanf', formatEnd = format.length): ScanOutcome {
  pendingCount = 0;
  let position = 0;
  let done = 0;
  let skipSpace = false;
  let inputFailed = false;
  let index = 0;

  scan: while (index < formatEnd) {
    const formatByte = format[index++];
    if (formatByte !== 37) {
      if (isSpace(formatByte)) {
        skipSpace = true;
        continue;
      }
      let byte = input.byteAt(position);
      if (byte === INPUT_PENDING) return NEEDS_INPUT;
      if (byte === END_OF_INPUT) {
        inputFailed = true;
        break;
      }
      position++;
      if (skipSpace) {
        while (isSpace(byte)) {
          byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
          if (byte === END_OF_INPUT) {
            inputFailed = true;
            break scan;
          }
          position++;
        }
        skipSpace = false;
      }
      if (byte !== formatByte) {
        position--;
        break;
      }
      continue;
    }

    // A conversion: flags, width, length, letter.
    let suppress = false;
    while (index < formatEnd && (format[index] === 42 || format[index] === 39 || format[index] === 73)) {
      if (format[index] === 42) suppress = true;
      index++;
    }
    let width = 0;
    while (index < formatEnd && format[index] >= 48 && format[index] <= 57) {
      width = Math.min(width * 10 + format[index] - 48, 0x7fffffff);
      index++;
    }
    if (width === 0) width = -1;
    let size: Size = Size.Default;
    let wide = false;
    switch (index < formatEnd ? format[index] : 0) {
      case 104:
        index++;
        if (index < formatEnd && format[index] === 104) {
          index++;
          size = Size.Char;
        } else size = Size.Short;
        break;
      case 108:
        index++;
        if (index < formatEnd && format[index] === 108) {
          index++;
          size = Size.LongLong;
        } else wide = true;
        break;
      case 76: case 113: case 106:
        index++;
        size = Size.LongLong;
        break;
      case 122: case 90: case 116:
        index++;
        break;
    }
    if (index >= formatEnd) break;
    const conversion = format[index++];

    // Every conversion but %[ %c %n skips leading whitespace; so does any after a whitespace directive.
    if (skipSpace || (conversion !== 91 && conversion !== 99 && conversion !== 110)) {
      for (;;) {
        const byte = input.byteAt(position);
        if (byte === INPUT_PENDING) return NEEDS_INPUT;
        if (byte < 0 || !isSpace(byte)) break;
        position++;
      }
      skipSpace = false;
    }

    switch (conversion) {
      case 37: { // %%
        const byte = input.byteAt(position);
        if (byte === INPUT_PENDING) return NEEDS_INPUT;
        if (byte === END_OF_INPUT) {
          inputFailed = true;
          break scan;
        }
        if (byte !== 37) break scan;
        position++;
        break;
      }
      case 110: { // %n
        if (!suppress) {
          const store = nextStore(args.pointer());
          store.size = size;
          store.value = position;
          store.wide = BigInt(position);
        }
        break;
      }
      case 99: { // %c
        const count = width < 0 ? 1 : width;
        const first = input.byteAt(position);
        if (first === INPUT_PENDING) return NEEDS_INPUT;
        if (first === END_OF_INPUT) {
          inputFailed = true;
          break scan;
        }
        const from = position;
        while (position - from < count) {
          const byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
          if (byte === END_OF_INPUT) break;
          position++;
        }
        if (!suppress) {
          const store = nextStore(args.pointer());
          store.size = 0;
          store.from = from;
          store.to = position;
          store.terminate = false;
          store.characterSize = wide ? 4 : 1;
          done++;
        }
        break;
      }
      case 115: case 91: { // %s %[
        if (conversion === 91) {
          index = parseSet(format, index, formatEnd);
          if (index < 0) break scan;
        }
        const first = input.byteAt(position);
        if (first === INPUT_PENDING) return NEEDS_INPUT;
        if (first === END_OF_INPUT) {
          inputFailed = true;
          break scan;
        }
        const from = position;
        while (width < 0 || position - from < width) {
          const byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
          if (byte === END_OF_INPUT) break;
          if (conversion === 115 ? isSpace(byte) : setTable[byte] === 0) break;
          position++;
        }
        if (position === from) break scan; // %[ matched nothing
        if (!suppress) {
          const store = nextStore(args.pointer());
          store.size = 0;
          store.from = from;
          store.to = position;
          store.terminate = true;
          store.characterSize = wide ? 4 : 1;
          done++;
        }
        break;
      }
      case 100: case 105: case 117: case 120: case 88: case 111: case 112: { // d i u x X o p
        let base = conversion === 100 || conversion === 117 ? 10 : conversion === 105 ? 0 : conversion === 111 ? 8 : 16;
        const signed = conversion === 100 || conversion === 105;
        if (conversion === 112) size = Size.Default;
        let byte = input.byteAt(position);
        if (byte === INPUT_PENDING) return NEEDS_INPUT;
        if (byte === END_OF_INPUT) {
          inputFailed = true;
          break scan;
        }
        let negative = false;
        let collected = 0;
        if (byte === 45 || byte === 43) {
          negative = byte === 45;
          collected++;
          position++;
          if (width > 0) width--;
          byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
        }
        let digits = 0;
        if (width !== 0 && byte === 48) {
          if (width > 0) width--;
          digits++;
          collected++;
          position++;
          byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
          if (width !== 0 && (byte | 0x20) === 120) {
            if (base === 0) base = 16;
            if (base === 16) {
              if (width > 0) width--;
              position++;
              byte = input.byteAt(position);
              if (byte === INPUT_PENDING) return NEEDS_INPUT;
            }
          } else if (base === 0) base = 8;
        }
        if (base === 0) base = 10;
        let magnitude = 0;
        let big = 0n;
        const bigBase = BigInt(base);
        while (byte >= 0 && width !== 0) {
          const digit = digitValue(byte);
          if (digit >= base) break;
          if (size === Size.LongLong) big = big < 1n << 64n ? big * bigBase + BigInt(digit) : big;
          else if (magnitude <= 0x1_0000_0000) magnitude = magnitude * base + digit;
          digits++;
          collected++;
          if (width > 0) width--;
          position++;
          byte = input.byteAt(position);
          if (byte === INPUT_PENDING) return NEEDS_INPUT;
        }
        if (digits === 0) break scan; // no number: a matching failure (a sign, if any, stays consumed)
        void collected;
        if (!suppress) {
          const store = nextStore(args.pointer());
          store.size = size;
          if (size === Size.LongLong) store.wide = saturate64(big, negative, signed);
          else store.value = saturate32(magnitude, negative, signed);
          done++;
        }
        break;
      }
      case 102: case 70: case 101: case 69: case 103: case 71: case 97: case 65: { // f F e E g G a A
        const found = scanFloat(input, position, width);
        if (found.position === INPUT_PENDING) return NEEDS_INPUT;
        if (found.result === 'end') {
          inputFailed = true;
          break scan;
        }
        position = found.position;
        if (found.result === 'mismatch') break scan;
        if (!suppress) {
          const store = nextStore(args.pointer());
          const double = wide || size === Size.LongLong; // %lf, %Lf (long double is double on ARM)
          store.size = double ? 8 : 4;
          store.wide = found.bits;
          store.value = double ? 0 : floatBits(found.bits);
          done++;
        }
        break;
      }
      default:
        break scan; // an unknown conversion is a matching failure
    }
  }

  if (index >= formatEnd && skipSpace && !inputFailed) {
    // A whitespace directive at the end of the format eats all whitespace that follows.
    for (;;) {
      const byte = input.byteAt(position);
      if (byte === INPUT_PENDING) return NEEDS_INPUT;
      if (byte < 0 || !isSpace(byte)) break;
      position++;
    }
  }

  const fault = commit(input, args, functionName);
  input.consume(position);
  if (fault) return { kind: 'fault', fault };
  return { kind: 'done', count: inputFailed && done === 0 ? -1 : done };
}

function commit(input: ScanInput, args: ArgumentReader, functionName: string): LibcFault | null {
  if (args.fault) return args.fault;
  const memory = args.memory;
  for (let storeIndex = 0; storeIndex < pendingCount; storeIndex++) {
    const store = pending[storeIndex];
    if (store.size === 0) {
      const step = store.characterSize;
      let address = store.address;
      for (let offset = store.from; offset < store.to; offset++, address = (address + step) >>> 0) {
        if (!writeInteger(memory, address, input.byteAt(offset), step)) return memoryFault(functionName, 'write', address);
      }
      if (store.terminate && !writeInteger(memory, address, 0, step)) return memoryFault(functionName, 'write', address);
    } else if (store.size === 8) {
      if (!writeInteger64(memory, store.address, store.wide)) return memoryFault(functionName, 'write', store.address);
    } else if (!writeInteger(memory, store.address, store.value, store.size)) {
      return memoryFault(functionName, 'write', store.address);
    }
  }
  return null;
}
