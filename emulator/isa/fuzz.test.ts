/**
 * No input makes the table throw: random operand shapes (including junk
 * values) for every mnemonic, and random words through the decoder.
 */
import { describe, expect, it } from 'vitest';
import { MNEMONICS, decodeWord, encodeInstruction, parseMnemonic } from './table';
import { CONDITIONS, type Operand, type ShiftType } from './types';
import { seededWords as random } from '../testing/random';


describe('fuzz', () => {
  it('encodes 100,000 random instructions without throwing', () => {
    const next = random(11);
    const pick = <T>(items: readonly T[]): T => items[next() % items.length];
    const values = [0, 1, -1, 32, 33, 0xffff, 0x10000, 0x80000000, 0xffffffff, -0x80000000, 2 ** 40, -(2 ** 40), NaN, Infinity, 1.5, -0.5];
    const value = (): number => (next() % 3 === 0 ? pick(values) : next() - (next() % 2 ? 0 : 0x80000000));
    const operand = (): Operand => {
      switch (next() % 9) {
        case 0:
        case 1:
        case 2:
          return { kind: 'register', register: next() % 5 === 0 ? pick([-1, 16, 99]) : next() % 16 };
        case 3:
          return { kind: 'immediate', value: value(), ...(next() % 8 === 0 ? { relocation: pick(['lower16', 'upper16'] as const) } : {}) };
        case 4: {
          const type = pick<ShiftType>(['lsl', 'lsr', 'asr', 'ror', 'rrx']);
          return { kind: 'shift', shift: next() % 2 ? { type, amount: value() } : next() % 2 ? { type, register: next() % 17 } : { type } };
        }
        case 5:
          return { kind: 'address', value: value() };
        case 6:
          return { kind: 'statusRegister', name: pick(['apsr', 'cpsr', 'spsr'] as const), fields: pick(['', 'f', 'nzcvq', 'g', 'fsxc', 'xx', 'nzcvqg', 'q']) };
        case 7:
          return { kind: 'registerList', mask: next() & 0xffff };
        default:
          return { kind: 'memory', base: next() % 16, indexing: 'offset' };
      }
    };
    let encoded = 0;
    for (let sample = 0; sample < 100_000; sample++) {
      const mnemonic = pick(MNEMONICS);
      const operands: Operand[] = [];
      const count = next() % 6;
      for (let index = 0; index < count; index++) operands.push(operand());
      const instruction = { mnemonic, condition: pick(CONDITIONS), setFlags: next() % 4 === 0, operands };
      const result = encodeInstruction(instruction, { address: (next() & ~3) >>> 0 });
      if (result.ok) {
        encoded++;
        expect(result.word >>> 0).toBe(result.word);
      } else {
        expect(result.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(encoded).toBeGreaterThan(1000);
  });

  it('decodes 300,000 random words without throwing', () => {
    const next = random(12);
    let decoded = 0;
    for (let sample = 0; sample < 300_000; sample++) {
      const instruction = decodeWord(next(), (next() & ~3) >>> 0);
      if (instruction) decoded++;
    }
    expect(decoded).toBeGreaterThan(100_000);
  });

  it('reads random spellings without throwing', () => {
    const next = random(13);
    const letters = 'abcdeilmnoqrstuvxy0123456';
    for (let sample = 0; sample < 20_000; sample++) {
      let text = '';
      const length = next() % 10;
      for (let index = 0; index < length; index++) text += letters[next() % letters.length];
      expect(Array.isArray(parseMnemonic(text))).toBe(true);
    }
  });
});
