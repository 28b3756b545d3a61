import { describe, expect, it } from 'vitest';
import { errors, hex, program } from './test-helpers';

/** The 32-bit value `.word expr` assembles to. */
function value(expression: string, prelude = ''): number {
  const bytes = hex(`${prelude}\n.data\n.word ${expression}\n`);
  return Buffer.from(bytes, 'hex').readUInt32LE(0);
}

describe('expressions', () => {
  it('uses GNU as operator ranks (bitwise above +, shifts with *)', () => {
    // Each expected value was produced by arm-linux-gnueabihf-as.
    expect(value('1 + 2 << 3')).toBe(17);
    expect(value('4 | 1 + 1')).toBe(6);
    expect(value('5 ^ 1 | 2')).toBe(6);
    expect(value('3 & 1 ^ 2')).toBe(3);
    expect(value('8 - 2 - 1')).toBe(5);
    expect(value('2 * (3 + 4)')).toBe(14);
  });

  it('yields -1 for true comparisons and 1 for logical operators', () => {
    expect(value('6 & 3 == 2')).toBe(0xffffffff);
    expect(value('1 + 2 == 3')).toBe(0xffffffff);
    expect(value('1 < 2 + 3')).toBe(0xffffffff);
    expect(value('2 > 3')).toBe(0);
    expect(value('2 > 1 && 0 || 3')).toBe(1);
    expect(value('1 <= 1')).toBe(0xffffffff);
    expect(value('1 >= 2')).toBe(0);
    expect(value('1 != 2')).toBe(0xffffffff);
  });

  it('divides toward zero and shifts right without sign for large constants', () => {
    expect(value('-7 / 2')).toBe(0xfffffffd);
    expect(value('-7 % 2')).toBe(0xffffffff);
    expect(value('0x80000000 >> 4')).toBe(0x08000000);
    expect(value('0xffffffff >> 1')).toBe(0x7fffffff);
    expect(value('-16 >> 2')).toBe(0xfffffffc);
  });

  it('applies unary operators', () => {
    expect(value('!0 + ~0')).toBe(0);
    expect(value('-(-5)')).toBe(5);
    expect(value('~0x0f')).toBe(0xfffffff0);
    expect(value('+3')).toBe(3);
  });

  it('evaluates character constants and symbols', () => {
    expect(value("'a' + 1")).toBe(98);
    expect(value('N * 2', '.equ N, 21')).toBe(42);
    expect(value('M', 'M = 3 + 4')).toBe(7);
  });

  it('resolves labels, label differences and the location counter', () => {
    const data = program('.data\nstart: .word 0\n.word . - start, end - start\nend:\n').sections[0];
    expect(Buffer.from(data.bytes).toString('hex')).toBe('00000000' + '04000000' + '0c000000');
  });

  it('reports division by zero and unbalanced parentheses with positions', () => {
    const [division] = errors('.data\n.word 1 / 0\n');
    expect(division).toMatchObject({ line: 2, column: 9, message: 'division by zero' });
    const [paren] = errors('.data\n.word (1 + 2\n');
    expect(paren.message).toBe("missing ')'");
    expect(paren.line).toBe(2);
  });

  it('reports an undefined symbol the way ld does', () => {
    const [undefinedSymbol] = errors('.data\n.word nowhere + 4\n');
    expect(undefinedSymbol).toMatchObject({ line: 2, column: 7, length: 7, message: 'undefined reference to `nowhere\'' });
  });

  it('reports a symbol defined in terms of itself', () => {
    const found = errors('.equ A, B + 1\n.equ B, A + 1\n.data\n.word A\n');
    expect(found.some((diagnostic) => /defined in terms of itself/.test(diagnostic.message))).toBe(true);
  });
});
