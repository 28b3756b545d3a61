/**
 * The C program that runs every scanf case with glibc's fscanf over an
 * fmemopen stream (a FILE like stdin whose input ends), printing one line per
 * case: the return value, the first 16 bytes of each destination (all start
 * as '#') in hex, and the input left unread, in hex.
 */
import { cLiteral } from './glibc.js';
import { destinationCount, type ScanfCase } from './scanf-cases.js';

export const DESTINATION_BYTES = 16;
export const DESTINATION_FILL = 0x23;

export interface ScanfExpectation {
  result: number;
  destinations: string[];
  rest: string;
}

export function scanfProgram(cases: readonly ScanfCase[]): string {
  const lines = [
    '#include <stdio.h>',
    '#include <string.h>',
    'static unsigned char destination[8][64];',
    'static void dump(const unsigned char *bytes, int count) { for (int i = 0; i < count; i++) printf("%02x", bytes[i]); }',
    `static FILE *open_input(const char *text, size_t length) { memset(destination, ${DESTINATION_FILL}, sizeof destination); return length ? fmemopen((void *)text, length, "r") : fopen("/dev/null", "r"); }`,
    'static void finish(FILE *file, int result, int count) {',
    '  printf("%d", result);',
    `  for (int i = 0; i < count; i++) { putchar(' '); dump(destination[i], ${DESTINATION_BYTES}); }`,
    '  printf(" |");',
    '  for (int c; (c = fgetc(file)) != EOF;) printf("%02x", c);',
    '  putchar(10); fclose(file);',
    '}',
    'int main(void) {',
    '  FILE *file;',
  ];
  for (const testCase of cases) {
    const count = destinationCount(testCase.format);
    const pointers = Array.from({ length: count }, (_, index) => `, destination[${index}]`).join('');
    lines.push(`  file = open_input(${cLiteral(testCase.input)}, ${testCase.input.length}); finish(file, fscanf(file, ${cLiteral(testCase.format)}${pointers}), ${count});`);
  }
  lines.push('  return 0;', '}', '');
  return lines.join('\n');
}

export function parseScanfOutput(stdout: string): ScanfExpectation[] {
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [head, restHex] = line.split('|');
      const [result, ...destinations] = head.trim().split(' ');
      return { result: Number(result), destinations, rest: Buffer.from(restHex, 'hex').toString('latin1') };
    });
}
