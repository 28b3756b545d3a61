/**
 * strcmp cases: string pairs placed at every pair of offsets 0..7 in two
 * 16-byte-aligned buffers (filled with 0x55 and 0x66 around the strings),
 * because glibc's ARMv7 strcmp result depends on the relative alignment and
 * on the bytes that share a word with the strings' ends.
 */
import { cLiteral } from './glibc.js';
import { SeededRandom } from './random.js';

export const STRCMP_FILL_FIRST = 0x55;
export const STRCMP_FILL_SECOND = 0x66;
export const STRCMP_OFFSETS = 8;

export function generateStrcmpPairs(): [string, string][] {
  const pairs: [string, string][] = [
    ['apple', 'apricot'], ['abc', 'abd'], ['a', 'abc'], ['abcdefgh', 'abcdefgz'], ['abcdefghij', 'abcdefghia'], ['x', 'y'],
    ['hello', 'help'], ['ab', 'a'], ['', ''], ['', 'a'], ['same string', 'same string'], ['\xff', 'a'], ['abc\xe9', 'abc\x01'],
    ['longer string here', 'longer string there'], ['quit', 'quit\n'], ['0123456789', '012345678'],
  ];
  const random = new SeededRandom(0x5eed_0007);
  const alphabet = 'ab\x7f\x80\xfe ';
  while (pairs.length < 40) {
    const base = Array.from({ length: random.below(12) + 1 }, () => alphabet[random.below(alphabet.length)]).join('');
    let other = base;
    if (random.chance(0.8)) {
      const cut = random.below(base.length + 1);
      other = base.slice(0, cut) + Array.from({ length: random.below(4) }, () => alphabet[random.below(alphabet.length)]).join('');
    }
    pairs.push([base, other]);
  }
  return pairs;
}

export function strcmpProgram(pairs: readonly [string, string][]): string {
  const lines = [
    '#include <stdio.h>',
    '#include <string.h>',
    'static char first[64] __attribute__((aligned(16)));',
    'static char second[64] __attribute__((aligned(16)));',
    'static void run(const char *a, const char *b) {',
    `  for (int i = 0; i < ${STRCMP_OFFSETS}; i++) for (int j = 0; j < ${STRCMP_OFFSETS}; j++) {`,
    `    memset(first, ${STRCMP_FILL_FIRST}, 64); memset(second, ${STRCMP_FILL_SECOND}, 64);`,
    '    strcpy(first + i, a); strcpy(second + j, b);',
    '    printf("%d ", strcmp(first + i, second + j));',
    '  }',
    '  putchar(10);',
    '}',
    'int main(void) {',
    ...pairs.map(([a, b]) => `  run(${cLiteral(a)}, ${cLiteral(b)});`),
    '  return 0;',
    '}',
    '',
  ];
  return lines.join('\n');
}
