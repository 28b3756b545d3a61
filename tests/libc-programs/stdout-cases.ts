/**
 * Stdout buffering cases: random sequences of fputs (one xsputn), putchar and
 * raw write(1) markers, under full buffering (stdout is a pipe) and line
 * buffering (setvbuf _IOLBF), ending with exit(). The bytes a pipe sees show
 * exactly when glibc flushed.
 */
import { cLiteral } from './glibc.js';
import { SeededRandom } from './random.js';

/** ['s', text] fputs, ['c', byte] putchar, ['w', text] write(1, ...). */
export type StdoutOperation = ['s', string] | ['c', number] | ['w', string];

export interface StdoutCase {
  mode: 'full' | 'line';
  operations: StdoutOperation[];
}

export function generateStdoutCases(): StdoutCase[] {
  const random = new SeededRandom(0x5eed_0011);
  const cases: StdoutCase[] = [];
  for (let index = 0; index < 24; index++) {
    const operations: StdoutOperation[] = [];
    const count = 5 + random.below(40);
    for (let step = 0; step < count; step++) {
      const choice = random.below(10);
      if (choice < 5) {
        const length = random.pick([1, 2, 5, 30, 100, 1000, 4000, 4096, 5000, 9000]);
        let text = '';
        for (let position = 0; position < length; position++) text += random.chance(0.02) ? '\n' : String.fromCharCode(97 + random.below(26));
        operations.push(['s', text]);
      } else if (choice < 8) operations.push(['c', random.chance(0.2) ? 10 : 65 + random.below(26)]);
      else operations.push(['w', `<${step}>`]);
    }
    cases.push({ mode: index % 2 === 0 ? 'full' : 'line', operations });
  }
  return cases;
}

/** One C program per case (a process each: buffering state must start fresh). */
export function stdoutProgram(testCase: StdoutCase): string {
  const lines = ['#include <stdio.h>', '#include <unistd.h>', '#include <stdlib.h>', 'int main(void) {'];
  if (testCase.mode === 'line') lines.push('  setvbuf(stdout, NULL, _IOLBF, 0);');
  for (const operation of testCase.operations) {
    if (operation[0] === 's') lines.push(`  fputs(${cLiteral(operation[1])}, stdout);`);
    else if (operation[0] === 'c') lines.push(`  putchar(${operation[1]});`);
    else lines.push(`  write(1, ${cLiteral(operation[1])}, ${operation[1].length});`);
  }
  lines.push('  exit(0);', '}', '');
  return lines.join('\n');
}

/** The golden form of a run's stdout: where each write(1) marker landed, and the total length. */
export function markerPositions(stdout: string): { length: number; markers: [string, number][] } {
  return { length: stdout.length, markers: [...stdout.matchAll(/<\d+>/g)].map((match) => [match[0], match.index ?? -1]) };
}
