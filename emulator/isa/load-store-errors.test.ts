import { describe, expect, it } from 'vitest';
import type { Instruction, Operand } from './types';
import { LOAD_STORE_ROWS, encodeWithRows, parseLoadStore } from './load-store-test-support';

const ADDRESS = 0x10000;
const labels = { near: ADDRESS + 8 + 4095, far: ADDRESS + 8 + 4096, back: ADDRESS + 8 - 4096, half: ADDRESS + 8 + 256, odd: ADDRESS + 8 + 3 };

function encode(text: string) {
  return encodeWithRows(parseLoadStore(text, labels), ADDRESS);
}

describe('errors GNU as also refuses, in plain words', () => {
  const cases: [string, string, number | undefined][] = [
    ['ldr r0, [r1, #4096]', 'offset 4096 is out of range for ldr: -4095..4095', 1],
    ['ldrb r0, [r1, #-4096]', 'offset -4096 is out of range for ldrb: -4095..4095', 1],
    ['ldrh r0, [r1, #256]', 'offset 256 is out of range for ldrh: -255..255', 1],
    ['ldrd r0, r1, [r1, #-256]', 'offset -256 is out of range for ldrd: -255..255', 2],
    ['ldr r0, far', 'the label is 4096 bytes from pc (this instruction + 8); ldr reaches only -4095..4095', 1],
    ['ldr r0, back', 'the label is -4096 bytes from pc', 1],
    ['ldrsh r0, half', 'ldrsh reaches only -255..255', 1],
    ['ldr r0, [pc, #4]!', 'pc cannot be the base register of ldr with writeback', 1],
    ['str r0, [pc], #4', 'pc cannot be the base register of str with writeback', 1],
    ['ldrh r0, [pc], r1', 'pc cannot be the base register of ldrh with writeback', 1],
    ['ldr r0, [r1, pc]', 'pc cannot be the offset register', 1],
    ['ldr r0, [r1, r2, lsl r3]', 'cannot shift its offset by a register', 1],
    ['ldr r0, [r1, r2, lsl #32]', 'shift amount 32 is out of range for lsl', 1],
    ['ldr r0, [r1, r2, ror #32]', 'shift amount 32 is out of range for ror', 1],
    ['ldrh r0, [r1, r2, lsl #1]', 'ldrh cannot shift its offset register', 1],
    ['ldrb pc, [r1]', 'pc cannot be the data register of ldrb', 0],
    ['strh pc, [r1]', 'pc cannot be the data register of strh', 0],
    ['ldrt pc, [r1]', 'pc cannot be the data register of ldrt', 0],
    ['ldr pc, [pc, #3]', 'needs an offset that is a multiple of 4', 1],
    ['ldr pc, odd', 'needs an offset that is a multiple of 4', 1],
    ['ldrt r0, [r1, #4]', 'ldrt needs a post-indexed address', 1],
    ['ldrbt r0, [r1, r2]!', 'ldrbt needs a post-indexed address', 1],
    ['ldrht r0, [r1, #2]', 'ldrht needs a post-indexed address', 1],
    ['ldrt r0, near', 'ldrt needs a post-indexed address', 1],
    ['ldrd r1, r2, [r3]', 'ldrd needs an even first register; r1 is odd', 0],
    ['ldrd r0, r2, [r3]', 'r0 must be followed by r1', 1],
    ['strd lr, pc, [r3]', 'strd cannot use the pair lr, pc', 0],
    ['ldm pc, {r0}', 'pc cannot be the base register of ldm', 0],
    ['stmdb pc!, {r0, r1}', 'pc cannot be the base register of stmdb', 0],
    ['push {r4}^', 'push cannot take `^`', 0],
    ['ldrex r0, [r1, #4]', 'ldrex takes only a base register address [rn]', 1],
    ['ldrexb r0, [r1, #0]', 'ldrexb takes only a base register address [rn]', 1],
    ['ldrex r0, [pc]', 'pc cannot be the base register of ldrex', 1],
    ['strex r1, r0, [r1]', 'the status register r1 of strex must differ', 0],
    ['strexd r1, r0, r1, [r2]', 'the status register r1 of strexd must differ', 0],
    ['ldrexd r1, r2, [r3]', 'ldrexd needs an even first register', 0],
    ['strex pc, r0, [r1]', 'pc cannot be a data register of strex', 0],
    ['swp r0, r1, [r1]', 'the base register r1 of swp must differ from both data registers', 2],
    ['swpb r0, pc, [r2]', 'pc cannot be a data register of swpb', 1],
    ['pld [r1, #4]!', 'pld cannot write back its base register', 0],
    ['pli [r1], #4', 'pli cannot use a post-indexed address', 0],
    ['pld [r1, #4096]', 'offset 4096 is out of range for pld: -4095..4095', 0],
    ['pldw [r1, pc]', 'pc cannot be the offset register', 0],
    ['pop {r4, r5}^', 'pop cannot take `^`', 0],
  ];
  it.each(cases)('%s', (text, message, operandIndex) => {
    const result = encode(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(message);
    expect(result.error.operandIndex).toBe(operandIndex);
  });

  it('offers a hint for out-of-range labels and offsets', () => {
    for (const text of ['ldr r0, far', 'ldrh r0, half', 'ldr r0, [r1, #5000]']) {
      const result = encode(text);
      expect(!result.ok && result.error.hint).toBeTruthy();
    }
  });

  it('refuses an empty register list', () => {
    const empty: Operand = { kind: 'registerList', mask: 0 };
    for (const instruction of [
      { mnemonic: 'push', condition: 'al', setFlags: false, operands: [empty] },
      { mnemonic: 'ldm', condition: 'al', setFlags: false, operands: [{ kind: 'register', register: 0 }, empty] },
    ] satisfies Instruction[]) {
      const result = encodeWithRows(instruction, ADDRESS);
      expect(!result.ok && result.error.message).toBe('the register list is empty');
    }
  });
});

describe('warnings where GNU as warns but assembles', () => {
  it.each([
    ['ldr r0, [r0, #4]!', 'r0 is both the destination and the written-back base register'],
    ['str r1, [r1], #4', 'r1 is both the source and the written-back base register'],
    ['strt r0, [r0]', 'r0 is both the source'],
    ['ldrd r0, r1, [r1, #8]!', 'r1 is both the second data register'],
    ['ldrd r0, r1, [r2, r1]', 'the offset register r1 is also loaded by ldrd'],
    ['ldrd r2, r3, [r2], r3', 'also loaded by ldrd; the result is unpredictable; r2 is both the destination'],
    ['ldm r0!, {r0, r1}', 'r0 is written back and also loaded'],
    ['stm r1!, {r0, r1}', 'not the lowest register'],
    ['ldm r0!, {r1}^', 'writing back the base with `^`'],
    ['pop {sp}', 'pop {sp}'],
    ['pop {r0, sp}', 'sp is written back and also loaded'],
    ['push {r0, sp}', 'not the lowest register'],
  ])('%s', (text, message) => {
    const result = encode(text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warning?.message).toContain(message);
  });

  it.each(['stm r0!, {r0, r1}', 'push {sp}', 'ldm r0!, {r1, pc}^', 'ldrd r0, r1, [r0, r2]', 'strd r0, r1, [r2, r0]', 'ldr r0, [r1, r0]!'])(
    'no warning for %s',
    (text) => {
      const result = encode(text);
      expect(result.ok && result.warning).toBeUndefined();
    },
  );
});

describe('no input throws', () => {
  function random(seed: number): () => number {
    let state = seed;
    return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  }

  it('encodes 100,000 malformed instructions to values, never exceptions', () => {
    const next = random(99);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const numbers = [0, -0, 1, -1, 4095, 4096, -4096, 255, 256, 2 ** 32, -(2 ** 31), NaN, Infinity, 0.5, 1e300];
    const operand = (): Operand => {
      const kind = pick(['register', 'memory', 'registerList', 'address', 'immediate', 'literal', 'shift'] as const);
      const register = pick([0, 1, 13, 14, 15, 16, -1, 99, NaN]);
      switch (kind) {
        case 'register':
          return { kind, register, writeback: next() < 0.5 };
        case 'memory':
          return {
            kind,
            base: register,
            indexing: pick(['offset', 'pre', 'post'] as const),
            offset: pick([
              undefined,
              { kind: 'immediate', value: pick(numbers), subtract: next() < 0.5 },
              { kind: 'register', register: pick([0, 15, 20, NaN]), subtract: next() < 0.5, shift: pick([undefined, { type: pick(['lsl', 'lsr', 'asr', 'ror', 'rrx'] as const), amount: pick(numbers) }, { type: 'lsl', register: 3 }]) },
            ] as const),
          };
        case 'registerList':
          return { kind, mask: pick([0, 1, 0xffff, 0x10000, -1, 0x8000, NaN, 0x2000]), userMode: next() < 0.3 };
        case 'shift':
          return { kind, shift: { type: 'lsl', amount: 2 } };
        default:
          return { kind, value: pick(numbers) };
      }
    };
    const mnemonics = [...new Set(LOAD_STORE_ROWS.flatMap((row) => row.mnemonics))];
    let encoded = 0;
    const odd: string[] = [];
    for (let i = 0; i < 100_000; i++) {
      const count = Math.floor(next() * 4);
      const operands = Array.from({ length: count }, operand);
      const instruction: Instruction = { mnemonic: pick(mnemonics), condition: 'al', setFlags: false, operands };
      const result = encodeWithRows(instruction, pick(numbers));
      if (result.ok) {
        encoded++;
        if (result.word >>> 0 !== result.word) odd.push(`word ${result.word} for ${JSON.stringify(instruction)}`);
      } else if (typeof result.error.message !== 'string' || result.error.message === '') odd.push(`no message for ${JSON.stringify(instruction)}`);
    }
    expect(odd).toEqual([]);
    expect(encoded).toBeGreaterThan(0);
  });
});

describe('immediate offset sign conventions the parser may use', () => {
  const load = (offset: { value: number; subtract: boolean }, mnemonic = 'ldr'): number => {
    const result = encodeWithRows(
      { mnemonic, condition: 'al', setFlags: false, operands: [{ kind: 'register', register: 0 }, { kind: 'memory', base: 1, offset: { kind: 'immediate', ...offset }, indexing: 'offset' }] },
      ADDRESS,
    );
    if (!result.ok) throw new Error(result.error.message);
    return result.word;
  };

  it.each(['ldr', 'ldrh'])('%s: #-4 as a negative value or as subtract gives the same word; #-0 keeps U = 0', (mnemonic) => {
    expect(load({ value: -4, subtract: false }, mnemonic)).toBe(load({ value: 4, subtract: true }, mnemonic));
    expect(load({ value: -0, subtract: false }, mnemonic)).toBe(load({ value: 0, subtract: true }, mnemonic));
    expect(load({ value: -0, subtract: false }, mnemonic) & (1 << 23)).toBe(0);
    expect(load({ value: 0, subtract: false }, mnemonic) & (1 << 23)).not.toBe(0);
  });
});
