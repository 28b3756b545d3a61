/**
 * The scanf cases compared with glibc: formats (conversions, widths, lengths,
 * suppression, literals, whitespace, sets) crossed with inputs (signs, bases,
 * overflow, early end of input, mismatches). Deterministic (seeded).
 */
import { SeededRandom } from './random.js';

export interface ScanfCase {
  format: string;
  input: string;
}

const FORMATS = [
  '%d', '%i', '%u', '%x', '%X', '%o', '%p', '%c', '%s', '%%', '%n',
  '%d %d', '%d%d', '%d,%d', '%d , %d', '%3d%d', '%2s%s', '%5c', '%*d %d', '%d%n %d%n',
  '%hhd', '%hhu', '%hd', '%hu', '%ld', '%lu', '%lld', '%llu', '%llx', '%lli', '%jd', '%zu', '%td', '%Ld', '%qd',
  '%i %i %i', '%x%x', '%2x%x', '%1d%1d%1d', '%0d', '%10s', '%[a-z]', '%[^\n]', '%[^,],%d', '%[]a]', '%3[0-9]%s',
  '%d\n', '%d ', ' %c', '%c%c%c', 'x%d', 'abc%d', '%dabc', '%d%%', '%% %d', '%s %s %s', '%d%s', '%s%d',
  '%4d', '%*s %s', '%*c%c', '%hhi', '%hx', '%*[^\n]%n', '%y', '%d %y %d', '%[-a]', '%[a-c-e]', '%3c', '%lc',
];

const FLOAT_FORMATS = ['%f', '%lf', '%e', '%g', '%E', '%a', '%Lf', '%3f', '%5lf', '%lf%lf', '%f %d', '%*f %f', '%lf,%lf', '%2lf', '%4lf'];

const FLOAT_INPUTS = [
  '3.14', '-2.5e3', '1e', '1e+', '1e-2x', '.5', '.', '-', '+.', 'nan', 'NaN(1)', '-nan', 'inf', 'infinity', 'INFINITE', 'infx', '-inf',
  'nax', 'in', '0x1.8p3', '0x', '0x.8', '-0x1p-2', '0xz', '1.5.5', '1e5x', '  42', '0.1', '1e400', '1e-400', '123456789012345678901234567890',
  '0', '-0', '00x1', '7 8', '2.5,3.5', '0.30000000000000004', '1.17549435e-38', '3.4028235e38', '5e-324', 'x',
];

const INPUTS = [
  '', ' ', '\n', '42', '  42', '-42', '+42', '0', '-0', '0x1f', '0X1F', '017', '08', '0x', '0xg', '-', '+', '-x', 'abc',
  '12 34', '12,34', '12 , 34', '1 2 3', '123456', '2147483647', '2147483648', '-2147483648', '-2147483649',
  '4294967295', '4294967296', '99999999999', '-1', '255', '256', '-129', '65536', '9223372036854775807',
  '9223372036854775808', '-9223372036854775809', '18446744073709551616', 'ffffffff', 'deadbeef', 'hello world',
  'hi', 'a,b', 'x12', 'abc5', '5abc', '5%', '% 5', 'one two three', '7seven', '\t\n 99', '42\n', '42 \n x',
  'abcdefghijklmnopq', 'az09', ']]a', '-a-', 'abcde', '0x7fffffffffffffff', '1e5', '3.5', '12345678901234567890',
];

export function generateScanfCases(): ScanfCase[] {
  const random = new SeededRandom(0x5eed_0005);
  const cases: ScanfCase[] = [];
  for (const format of FORMATS) {
    const inputs = new Set<string>();
    while (inputs.size < 12) inputs.add(random.pick(INPUTS));
    for (const input of inputs) cases.push({ format, input });
  }
  for (const format of FLOAT_FORMATS) {
    const inputs = new Set<string>();
    while (inputs.size < 14) inputs.add(random.pick(FLOAT_INPUTS));
    for (const input of inputs) cases.push({ format, input });
  }
  for (const input of FLOAT_INPUTS) cases.push({ format: '%lf', input });
  for (let repeat = 0; repeat < 150; repeat++) {
    const format = `${random.pick(FORMATS)} ${random.pick(FORMATS)}`;
    const input = `${random.pick(INPUTS)}${random.pick([' ', '', '\n', ','])}${random.pick(INPUTS)}`;
    cases.push({ format, input });
  }
  return cases;
}

/** How many pointers the format needs: one per conversion that is not %% and not suppressed with `*`. */
export function destinationCount(format: string): number {
  let count = 0;
  for (const match of format.matchAll(/%(\*?)[0-9]*(?:hh|h|ll|l|j|z|t|L|q|Z)?(\[\^?\]?[^\]]*\]|.)/gs)) {
    if (match[1] !== '*' && match[2] !== '%') count++;
  }
  return count;
}
