import { describe, expect, it } from 'vitest';
import {
  conditionBits,
  conditionOf,
  decodeImmediateShift,
  decodeModifiedImmediate,
  encodeImmediateShift,
  encodeModifiedImmediate,
  rotateRight,
} from './operands';
import { CONDITIONS } from './types';

describe('modified immediates', () => {
  it('decodes every 12-bit field to a value that encodes back to an equivalent field', () => {
    for (let field = 0; field < 0x1000; field++) {
      const value = decodeModifiedImmediate(field);
      const chosen = encodeModifiedImmediate(value);
      expect(chosen).toBeDefined();
      expect(decodeModifiedImmediate(chosen ?? 0)).toBe(value);
    }
  });

  it('picks the smallest rotation, as GNU as does', () => {
    expect(encodeModifiedImmediate(0)).toBe(0);
    expect(encodeModifiedImmediate(0xff)).toBe(0xff);
    expect(encodeModifiedImmediate(0x3fc)).toBe(0xfff); // 0xff ror 30
    expect(encodeModifiedImmediate(0xff000000)).toBe(0x4ff);
    expect(encodeModifiedImmediate(0xf000000f)).toBe(0x2ff);
    expect(encodeModifiedImmediate(0x80000000)).toBe(0x102);
    expect(encodeModifiedImmediate(0x10000)).toBe(0x801);
    // 4 = 1 ror 30 = 4 ror 0: rotation 0 wins.
    expect(encodeModifiedImmediate(4)).toBe(4);
  });

  it('rejects values with no encoding and normalises negatives', () => {
    for (const value of [0x101, 0x102, 0xffff, 0x12345678, 0x1fe00001]) expect(encodeModifiedImmediate(value)).toBeUndefined();
    expect(encodeModifiedImmediate(-256)).toBeUndefined(); // 0xffffff00
    expect(encodeModifiedImmediate(-0x1000000)).toBe(0x4ff); // 0xff000000
  });

  it('agrees with a brute-force search over random values', () => {
    let state = 7;
    for (let sample = 0; sample < 20_000; sample++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      const value = sample % 2 ? state : rotateRight(state & 0xff, (state >>> 8) & 30);
      let expected: number | undefined;
      for (let rotation = 0; rotation < 16 && expected === undefined; rotation++) {
        const byte = rotateRight(value, 32 - 2 * rotation); // value rotated left by 2 * rotation
        if (byte <= 0xff) expected = byte | (rotation << 8);
      }
      expect(encodeModifiedImmediate(value)).toBe(expected);
    }
  });
});

describe('shifts', () => {
  it('encodes GNU as amounts and rejects the rest', () => {
    expect(encodeImmediateShift('lsl', 0, 2)).toBe(0);
    expect(encodeImmediateShift('lsl', 31, 2)).toBe((31 << 7) | 0);
    expect(encodeImmediateShift('lsr', 32, 2)).toBe(1 << 5);
    expect(encodeImmediateShift('asr', 32, 2)).toBe(2 << 5);
    expect(encodeImmediateShift('ror', 0, 2)).toBe(0);
    expect(encodeImmediateShift('rrx', 0, 2)).toBe(3 << 5);
    for (const [type, amount] of [['lsl', 32], ['ror', 32], ['lsr', 33], ['asr', -1], ['lsl', 1.5]] as const) {
      const result = encodeImmediateShift(type, amount, 2);
      expect(typeof result).toBe('object');
      if (typeof result === 'object' && !result.ok) {
        expect(result.error.message).toContain('out of range');
        expect(result.error.operandIndex).toBe(2);
      }
    }
  });

  it('decodes the zero-amount encodings as the architecture defines them', () => {
    expect(decodeImmediateShift(0, 0)).toBeUndefined();
    expect(decodeImmediateShift(1, 0)).toEqual({ type: 'lsr', amount: 32 });
    expect(decodeImmediateShift(2, 0)).toEqual({ type: 'asr', amount: 32 });
    expect(decodeImmediateShift(3, 0)).toEqual({ type: 'rrx' });
    expect(decodeImmediateShift(3, 5)).toEqual({ type: 'ror', amount: 5 });
  });
});

describe('conditions', () => {
  it('round-trips every condition through the cond field', () => {
    for (const condition of CONDITIONS) expect(conditionOf(conditionBits(condition))).toBe(condition);
    expect(conditionOf(0xf000_0000)).toBe('al');
  });
});
