/**
 * The printf cases compared with glibc: every flag combination × width ×
 * precision for each integer, character, string and pointer conversion, every
 * length modifier, floating-point conversions, and the odd corners (unknown
 * conversions, a format ending in '%'). Deterministic (seeded).
 */
import { SeededRandom } from './random.js';

/** An argument: i int, u unsigned, l 64-bit, p pointer, s string (text), w wide string, n NULL string, d double (bits as hex). */
export type PrintfArgument = ['i' | 'u' | 'p', number] | ['l', string] | ['s', string] | ['w', string] | ['n', 0] | ['d', string];

export interface PrintfCase {
  format: string;
  args: PrintfArgument[];
}

const INT_VALUES = [0, 1, -1, 7, -7, 42, 255, 256, -128, 32767, -32768, 65535, 65536, 123456789, -123456789, 0x7fffffff, -0x80000000, 0x1234abcd | 0, 0xdeadbeef | 0, 8, 64];
const LONG_VALUES = ['0', '1', '-1', '4294967296', '-4294967296', '9223372036854775807', '-9223372036854775808', '1234567890123456789', '-98765432109876', '18446744073709551615', '255'];
const STRINGS = ['', 'a', 'hello', 'Hello, world!', 'tab\there', 'abcdefghijklmnop', '\u00e9\u00ff'];
const POINTERS = [0, 1, 0x10000, 0x7fff0000, 0xffffffff, 0x21000];
const DOUBLES = [0, -0, 1, -1, 0.5, 1.5, 2.5, 0.125, 3.14159265358979, -2.71828, 1e10, 1e-10, 123456.789, 1e300, 5e-324, 2.2250738585072014e-308, 0.1, 0.05, 9.9999, 99.5, 1e21, 1e-5, 100, Infinity, -Infinity, NaN, 6.02214076e23, 1 / 3];

function doubleBits(value: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value, true);
  return view.getBigUint64(0, true).toString(16);
}

function argumentFor(conversion: string, length: string, random: SeededRandom): PrintfArgument {
  if ('fFeEgGaA'.includes(conversion)) {
    const value = random.chance(0.7) ? random.pick(DOUBLES) : (random.next() - 0x80000000) / (random.below(100000) + 1);
    return ['d', doubleBits(value)];
  }
  if (conversion === 's') return random.chance(0.15) ? ['n', 0] : ['s', random.pick(STRINGS)];
  if (conversion === 'p') return ['p', random.pick(POINTERS)];
  if (conversion === 'c') return ['i', random.pick([65, 97, 48, 32, 0x141, 200, 10, -1])];
  if (length === 'll' || length === 'j' || length === 'L' || length === 'q') {
    return ['l', random.chance(0.8) ? random.pick(LONG_VALUES) : BigInt.asIntN(64, (BigInt(random.next()) << 32n) | BigInt(random.next())).toString()];
  }
  const value = random.chance(0.8) ? random.pick(INT_VALUES) : random.next() | 0;
  return conversion === 'd' || conversion === 'i' ? ['i', value] : ['u', value >>> 0];
}

const FLAG_CHARACTERS = ['-', '+', ' ', '#', '0'];

function flagCombination(mask: number): string {
  let flags = '';
  for (let bit = 0; bit < FLAG_CHARACTERS.length; bit++) if (mask & (1 << bit)) flags += FLAG_CHARACTERS[bit];
  return flags;
}

export function generatePrintfCases(): PrintfCase[] {
  const random = new SeededRandom(0x5eed_0003);
  const cases: PrintfCase[] = [];
  const widths = ['', '1', '6', '*'];
  const precisions = ['', '.', '.0', '.1', '.4', '.*'];
  for (const conversion of ['d', 'i', 'u', 'x', 'X', 'o', 'c', 's', 'p']) {
    for (let mask = 0; mask < 32; mask++) {
      for (const width of widths) {
        for (const precision of precisions) {
          const args: PrintfArgument[] = [];
          if (width === '*') args.push(['i', random.pick([0, 3, 9, -5, -12])]);
          if (precision === '.*') args.push(['i', random.pick([0, 2, 7, -1, 12])]);
          args.push(argumentFor(conversion, '', random));
          cases.push({ format: `[%${flagCombination(mask)}${width}${precision}${conversion}]`, args });
        }
      }
    }
  }
  for (const length of ['hh', 'h', 'l', 'll', 'j', 'z', 't', 'L', 'q', 'Z']) {
    for (const conversion of ['d', 'i', 'u', 'x', 'X', 'o']) {
      for (let repeat = 0; repeat < 12; repeat++) {
        const flags = flagCombination(random.below(32));
        const width = random.pick(['', '3', '10', '22']);
        const precision = random.pick(['', '', '.0', '.5', '.20']);
        cases.push({ format: `%${flags}${width}${precision}${length}${conversion}|`, args: [argumentFor(conversion, length, random)] });
      }
    }
  }
  for (const conversion of ['f', 'F', 'e', 'E', 'g', 'G', 'a', 'A']) {
    for (let repeat = 0; repeat < 80; repeat++) {
      const flags = flagCombination(random.below(32));
      const width = random.pick(['', '', '4', '12', '30']);
      const precision = random.pick(['', '', '.0', '.1', '.3', '.10', '.17']);
      cases.push({ format: `<%${flags}${width}${precision}${conversion}>`, args: [argumentFor(conversion, '', random)] });
    }
  }
  for (const value of DOUBLES) {
    for (const conversion of ['f', 'e', 'g', 'a']) cases.push({ format: `%${conversion} %.0${conversion}`, args: [['d', doubleBits(value)], ['d', doubleBits(value)]] });
  }
  const fixedCases: PrintfCase[] = [
    { format: 'plain text, no conversions\n', args: [] },
    { format: '100%% sure %%%c', args: [['i', 33]] },
    { format: '%5% and %-5% and %05%', args: [] },
    { format: 'unknown %y %5.2y %-#+ 07k|', args: [] },
    { format: 'trailing %', args: [] },
    { format: 'trailing %5', args: [] },
    { format: 'trailing %ll', args: [] },
    { format: '%d %lld %d %lld %d', args: [['i', 1], ['l', '2'], ['i', 3], ['l', '-4'], ['i', 5]] },
    { format: '%s=%d (%x) %c%c', args: [['s', 'x'], ['i', 10], ['u', 10], ['i', 111], ['i', 107]] },
    { format: '%.3s|%.10s|%-8.2s|', args: [['s', 'abcdef'], ['s', 'ab'], ['s', 'xyz']] },
    { format: '%.5s|%.6s|%8.3s|%-8s|', args: [['n', 0], ['n', 0], ['n', 0], ['n', 0]] },
    { format: '%10p|%-10p|%.3p|%010p|%+p|% p', args: [['p', 0], ['p', 0], ['p', 0], ['p', 0x1234], ['p', 0x1234], ['p', 0x1234]] },
    { format: '%hhd %hhu %hd %hu', args: [['i', 0x1ff], ['i', -1], ['i', 0x18000], ['i', -1]] },
    { format: '%#o %#.0o %#x %#.0x %#X', args: [['u', 0], ['u', 0], ['u', 0], ['u', 0], ['u', 255]] },
    { format: "%'d %'u %I5d", args: [['i', 1234567], ['u', 7654321], ['i', 42]] },
    { format: '%*.*d|%-*d|%*s', args: [['i', 8], ['i', 5], ['i', 42], ['i', 6], ['i', -3], ['i', -7], ['s', 'ab']] },
    { format: '%c%c%c', args: [['i', 0], ['i', 65], ['i', 0]] },
    { format: '%2$s %1$s!', args: [['s', 'world'], ['s', 'hello']] },
    { format: '%3$d %1$lld %2$d %1$lld', args: [['l', '-9000000000'], ['i', 7], ['i', 8]] },
    { format: '%1$*2$d|%1$-*2$d|%1$.*3$d|', args: [['i', 42], ['i', 6], ['i', 4]] },
    { format: '%2$.3f %1$c %2$e %%', args: [['i', 65], ['d', '400921fb54442d18']] },
    { format: '%1$s %1$.2s %2$#x %2$o', args: [['s', 'abcdef'], ['u', 255]] },
    { format: '%1$y %2$d', args: [['i', 1], ['i', 2]] },
    { format: '[%ls|%.3ls|%8ls|%-7lc|%lc]', args: [['w', 'hello'], ['w', 'hello'], ['w', 'hello'], ['i', 90], ['i', 0]] },
    { format: '[%ls]', args: [['w', 'A\u00e9B']] },
    { format: '[%.1ls]', args: [['w', 'A\u00e9B']] },
    { format: 'x[%lc]', args: [['i', 0xe9]] },
    { format: '[%ls|%.2ls]', args: [['n', 0], ['n', 0]] },
  ];
  cases.push(...fixedCases);
  return cases;
}
