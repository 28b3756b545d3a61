/** The C program that prints glibc's answer for each printf case, as `N:` + bytes + '\n' records. */
import { cLiteral } from './glibc.js';
import type { PrintfArgument, PrintfCase } from './printf-cases.js';

function cArgument(argument: PrintfArgument): string {
  switch (argument[0]) {
    case 'i':
      return `(int)0x${(argument[1] >>> 0).toString(16)}u`;
    case 'u':
      return `0x${(argument[1] >>> 0).toString(16)}u`;
    case 'p':
      return `(void *)0x${(argument[1] >>> 0).toString(16)}u`;
    case 'l':
      return `(long long)0x${BigInt.asUintN(64, BigInt(argument[1])).toString(16)}ull`;
    case 's':
      return cLiteral(argument[1]);
    case 'w':
      return `(const int[]){${[...argument[1]].map((character) => character.charCodeAt(0)).join(', ')}, 0}`;
    case 'n':
      return '(char *)0';
    case 'd':
      return `bits(0x${argument[1]}ull)`;
  }
}

export function printfProgram(cases: readonly PrintfCase[]): string {
  const lines = [
    '#include <stdio.h>',
    '#include <string.h>',
    'static char buffer[1 << 16];',
    'static double bits(unsigned long long value) { double result; memcpy(&result, &value, 8); return result; }',
    'static void emit(int count) { printf("%d:", count); if (count > 0) fwrite(buffer, 1, count, stdout); putchar(10); }',
    'int main(void) {',
  ];
  for (const testCase of cases) {
    const args = testCase.args.map(cArgument);
    lines.push(`  emit(sprintf(buffer, ${[cLiteral(testCase.format), ...args].join(', ')}));`);
  }
  lines.push('  return 0;', '}', '');
  return lines.join('\n');
}
