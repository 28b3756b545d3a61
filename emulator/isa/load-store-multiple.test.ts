import { describe, expect, it } from 'vitest';
import { encodeWithRows, findLoadStoreRow, objdumpText, parseLoadStore } from './load-store-test-support';

const ADDRESS = 0x10000;

function word(text: string): number {
  const result = encodeWithRows(parseLoadStore(text), ADDRESS);
  if (!result.ok) throw new Error(`${text}: ${result.error.message}`);
  return result.word;
}

function disassemble(value: number): string {
  const row = findLoadStoreRow(value);
  return row ? objdumpText(row.decode(value, ADDRESS)) : '.word';
}

describe('stack names are the addressing modes GNU as maps them to', () => {
  it.each([
    ['ldmfd', 'ldmia'], ['ldm', 'ldmia'], ['ldmed', 'ldmib'], ['ldmfa', 'ldmda'], ['ldmea', 'ldmdb'],
    ['stmea', 'stmia'], ['stm', 'stmia'], ['stmfa', 'stmib'], ['stmed', 'stmda'], ['stmfd', 'stmdb'],
  ])('%s = %s', (alias, mode) => {
    for (const operands of ['r0, {r1, r2}', 'sp!, {r4-r11, lr}', 'r3, {pc}^', 'r12!, {r0}']) {
      expect(word(`${alias} ${operands}`)).toBe(word(`${mode} ${operands}`));
    }
  });

  it('keeps the condition: ldmeqia (divided) and ldmiaeq (unified) are the same word', () => {
    expect(word('ldmeqia r0, {r1}')).toBe(word('ldmiaeq r0, {r1}'));
    expect(word('ldmiaeq r0, {r1}') >>> 28).toBe(0);
  });
});

describe('push and pop', () => {
  it('are stmdb sp! / ldmia sp! for two or more registers, for every such list', () => {
    for (let mask = 0; mask < 0x10000; mask++) {
      if ((mask & (mask - 1)) === 0) continue;
      const list = { kind: 'registerList', mask } as const;
      const push = encodeWithRows({ mnemonic: 'push', condition: 'al', setFlags: false, operands: [list] }, ADDRESS);
      const stmdb = encodeWithRows({ mnemonic: 'stmdb', condition: 'al', setFlags: false, operands: [{ kind: 'register', register: 13, writeback: true }, list] }, ADDRESS);
      const pop = encodeWithRows({ mnemonic: 'pop', condition: 'al', setFlags: false, operands: [list] }, ADDRESS);
      const ldmia = encodeWithRows({ mnemonic: 'ldmia', condition: 'al', setFlags: false, operands: [{ kind: 'register', register: 13, writeback: true }, list] }, ADDRESS);
      if (!push.ok || !stmdb.ok || !pop.ok || !ldmia.ok) throw new Error(`mask ${mask.toString(16)} refused`);
      if (push.word !== stmdb.word || pop.word !== ldmia.word) throw new Error(`mask ${mask.toString(16)} differs`);
      const back = findLoadStoreRow(push.word)?.decode(push.word, ADDRESS);
      if (back?.mnemonic !== 'push' || back.operands[0].kind !== 'registerList' || back.operands[0].mask !== mask) {
        throw new Error(`push mask ${mask.toString(16)} decodes as ${back && objdumpText(back)}`);
      }
    }
  });

  it('of one register are str rt, [sp, #-4]! / ldr rt, [sp], #4, except push {sp}', () => {
    for (let register = 0; register < 16; register++) {
      const name = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'][register];
      expect(word(`pop {${name}}`)).toBe(word(`ldr ${name}, [sp], #4`));
      if (register === 13) expect(word('push {sp}')).toBe(word('stmdb sp!, {sp}'));
      else expect(word(`push {${name}}`)).toBe(word(`str ${name}, [sp, #-4]!`));
    }
  });

  it('decode the way objdump prints them', () => {
    expect(disassemble(word('push {r4}'))).toBe('push {r4}');
    expect(disassemble(word('pop {r4}'))).toBe('pop {r4}');
    expect(disassemble(word('ldr r4, [sp], #4'))).toBe('pop {r4}');
    expect(disassemble(word('stmfd sp!, {r4}'))).toBe('stmfd sp!, {r4}');
    expect(disassemble(word('ldmia sp!, {r4}'))).toBe('ldmfd sp!, {r4}');
    expect(disassemble(word('push {sp}'))).toBe('stmfd sp!, {sp}');
    expect(disassemble(word('popne {r4, pc}'))).toBe('popne {r4, pc}');
    expect(disassemble(word('ldmia r0, {r1, r2}'))).toBe('ldm r0, {r1, r2}');
    expect(disassemble(word('stmia r0, {r1, r2}'))).toBe('stm r0, {r1, r2}');
    expect(disassemble(word('stmia r0!, {r1, r2}'))).toBe('stmia r0!, {r1, r2}');
    expect(disassemble(word('stmfd r0, {r1}^'))).toBe('stmdb r0, {r1}^');
    expect(disassemble(word('ldmfd sp!, {r0-r3}^'))).toBe('ldm sp!, {r0, r1, r2, r3}^');
  });
});
