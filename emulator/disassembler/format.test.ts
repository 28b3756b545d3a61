/**
 * objdump's text and the reassemblable text for hand-built instructions, in
 * every shape a row's decoder may hand over (so these hold whatever the
 * table's current conventions are). Expected strings are objdump's own
 * output for the same words (see golden/corpus.s).
 */
import { describe, expect, it } from 'vitest';
import type { Instruction, Operand } from '../isa/types';
import { formatDecoded, formatForAssembler, formatInstruction } from './index';

const r = (register: number, writeback?: boolean): Operand => ({ kind: 'register', register, ...(writeback ? { writeback } : {}) });
const imm = (value: number): Operand => ({ kind: 'immediate', value });
const op = (mnemonic: string, operands: Operand[], extra: Partial<Instruction> = {}): Instruction => ({ mnemonic, condition: 'al', setFlags: false, operands, ...extra });
const names = (address: number): string => (address === 0x10164 ? 'lab' : address === 0x10054 ? '_start' : `_start+0x${(address - 0x10054).toString(16)}`);

describe('formatInstruction', () => {
  it('puts S before the condition and names registers as objdump does', () => {
    expect(formatInstruction(op('add', [r(0), r(1), imm(5)], { setFlags: true, condition: 'eq' }), 0)).toBe('addseq\tr0, r1, #5');
    expect(formatInstruction(op('mov', [r(11), r(12)]), 0)).toBe('mov\tfp, ip');
    expect(formatInstruction(op('mov', [r(13), r(14)]), 0)).toBe('mov\tsp, lr');
    expect(formatInstruction(op('mov', [r(9), r(10)]), 0)).toBe('mov\tr9, sl');
  });

  it('adds the hex comment for immediates outside -16..32', () => {
    expect(formatInstruction(op('add', [r(0), r(1), imm(4096)]), 0)).toBe('add\tr0, r1, #4096\t@ 0x1000');
    expect(formatInstruction(op('add', [r(0), r(1), imm(0xff000000)]), 0)).toBe('add\tr0, r1, #-16777216\t@ 0xff000000');
    expect(formatInstruction(op('mov', [r(0), imm(32)]), 0)).toBe('mov\tr0, #32');
    expect(formatInstruction(op('mov', [r(0), imm(33)]), 0)).toBe('mov\tr0, #33\t@ 0x21');
    expect(formatInstruction(op('movw', [r(0), imm(0x1234)]), 0)).toBe('movw\tr0, #4660\t@ 0x1234');
  });

  it('prints MOV with a shift as the shift mnemonic, and mov r0, r0 as nop', () => {
    const shifted = (shift: Operand) => op('mov', [r(0), r(1), shift]);
    expect(formatInstruction(shifted({ kind: 'shift', shift: { type: 'lsl', amount: 2 } }), 0)).toBe('lsl\tr0, r1, #2');
    expect(formatInstruction(shifted({ kind: 'shift', shift: { type: 'lsl', register: 2 } }), 0)).toBe('lsl\tr0, r1, r2');
    expect(formatInstruction(shifted({ kind: 'shift', shift: { type: 'rrx' } }), 0)).toBe('rrx\tr0, r1');
    expect(formatInstruction(shifted({ kind: 'shift', shift: { type: 'lsl', amount: 0 } }), 0)).toBe('mov\tr0, r1');
    expect(formatInstruction(op('mov', [r(0), r(0)]), 0)).toBe('nop\t\t\t@ (mov r0, r0)');
    expect(formatInstruction(op('mov', [r(0), r(0)], { condition: 'eq' }), 0)).toBe('moveq\tr0, r0');
    expect(formatForAssembler(op('mov', [r(0), r(0)]), 0)).toBe('mov\tr0, r0');
    expect(formatInstruction(op('nop', []), 0)).toBe('nop\t{0}');
    expect(formatForAssembler(op('nop', []), 0)).toBe('nop');
  });

  it('prints shifted register operands', () => {
    expect(formatInstruction(op('add', [r(0), r(1), r(2), { kind: 'shift', shift: { type: 'lsl', amount: 3 } }]), 0)).toBe('add\tr0, r1, r2, lsl #3');
    expect(formatInstruction(op('add', [r(0), r(1), r(2), { kind: 'shift', shift: { type: 'ror', register: 3 } }]), 0)).toBe('add\tr0, r1, r2, ror r3');
    expect(formatInstruction(op('add', [r(0), r(1), r(2), { kind: 'shift', shift: { type: 'rrx' } }]), 0)).toBe('add\tr0, r1, r2, rrx');
    expect(formatInstruction(op('sxtb', [r(0), r(1), { kind: 'shift', shift: { type: 'ror', amount: 8 } }]), 0)).toBe('sxtb\tr0, r1, ror #8');
    expect(formatInstruction(op('sxtb', [r(0), r(1), { kind: 'shift', shift: { type: 'ror', amount: 0 } }]), 0)).toBe('sxtb\tr0, r1');
  });

  it('prints memory operands with objdump\'s offsets and comments', () => {
    const load = (memory: Extract<Operand, { kind: 'memory' }>) => formatInstruction(op('ldr', [r(0), memory]), 0x10158, names);
    expect(load({ kind: 'memory', base: 1, indexing: 'offset' })).toBe('ldr\tr0, [r1]');
    expect(load({ kind: 'memory', base: 1, indexing: 'offset', offset: { kind: 'immediate', value: 0, subtract: false } })).toBe('ldr\tr0, [r1]');
    expect(load({ kind: 'memory', base: 1, indexing: 'offset', offset: { kind: 'immediate', value: 0, subtract: true } })).toBe('ldr\tr0, [r1, #-0]');
    expect(load({ kind: 'memory', base: 1, indexing: 'pre', offset: { kind: 'immediate', value: 64, subtract: false } })).toBe('ldr\tr0, [r1, #64]!\t@ 0x40');
    expect(load({ kind: 'memory', base: 1, indexing: 'post', offset: { kind: 'immediate', value: 4, subtract: true } })).toBe('ldr\tr0, [r1], #-4');
    expect(load({ kind: 'memory', base: 1, indexing: 'offset', offset: { kind: 'immediate', value: 64, subtract: true } })).toBe('ldr\tr0, [r1, #-64]\t@ 0xffffffc0');
    expect(load({ kind: 'memory', base: 1, indexing: 'post', offset: { kind: 'register', register: 2, subtract: true, shift: { type: 'asr', amount: 2 } } })).toBe('ldr\tr0, [r1], -r2, asr #2');
    expect(load({ kind: 'memory', base: 15, indexing: 'offset', offset: { kind: 'immediate', value: 4, subtract: false } })).toBe('ldr\tr0, [pc, #4]\t@ 10164 <lab>');
    expect(formatInstruction(op('ldr', [r(0), { kind: 'address', value: 0x10164 }]), 0x10158, names)).toBe('ldr\tr0, [pc, #4]\t@ 10164 <lab>');
    expect(formatInstruction(op('ldr', [r(0), { kind: 'address', value: 0x10164 }]), 0x10158)).toBe('ldr\tr0, [pc, #4]\t@ 0x10164');
  });

  it('prints halfword and dual loads with pc as objdump does (one register for LDRD)', () => {
    const pcRelative: Operand = { kind: 'memory', base: 15, indexing: 'pre', offset: { kind: 'immediate', value: 64, subtract: false } };
    expect(formatInstruction(op('ldrh', [r(0), pcRelative]), 0x10094, names)).toBe('ldrh\tr0, [pc, #64]\t@ 100dc <_start+0x88>');
    expect(formatInstruction(op('ldrd', [r(0), r(1), { kind: 'memory', base: 2, indexing: 'offset' }]), 0)).toBe('ldrd\tr0, [r2]');
    expect(formatForAssembler(op('ldrd', [r(0), r(1), { kind: 'memory', base: 2, indexing: 'offset' }]), 0)).toBe('ldrd\tr0, r1, [r2]');
  });

  it('chooses objdump\'s LDM/STM spellings', () => {
    const list = (mask: number, userMode?: boolean): Operand => ({ kind: 'registerList', mask, ...(userMode ? { userMode } : {}) });
    expect(formatInstruction(op('stmdb', [r(13, true), list(0x4010)]), 0)).toBe('push\t{r4, lr}');
    expect(formatInstruction(op('stmdb', [r(13, true), list(0x0010)]), 0)).toBe('stmfd\tsp!, {r4}');
    expect(formatInstruction(op('ldmia', [r(13, true), list(0x8010)]), 0)).toBe('pop\t{r4, pc}');
    expect(formatInstruction(op('ldm', [r(13, true), list(0x0010)]), 0)).toBe('ldmfd\tsp!, {r4}');
    expect(formatInstruction(op('ldmia', [r(0), list(0x0006)]), 0)).toBe('ldm\tr0, {r1, r2}');
    expect(formatInstruction(op('stmia', [r(0), list(0x0002)]), 0)).toBe('stm\tr0, {r1}');
    expect(formatInstruction(op('stmia', [r(0, true), list(0x0006)]), 0)).toBe('stmia\tr0!, {r1, r2}');
    expect(formatInstruction(op('stmfd', [r(0, true), list(0x0002)]), 0)).toBe('stmdb\tr0!, {r1}');
    expect(formatInstruction(op('ldmdb', [r(0), list(0x0002, true)]), 0)).toBe('ldmdb\tr0, {r1}^');
    expect(formatInstruction(op('push', [list(0x0010)]), 0)).toBe('push\t{r4}\t\t@ (str r4, [sp, #-4]!)');
    expect(formatInstruction(op('pop', [list(0x0010)], { condition: 'ne' }), 0)).toBe('popne\t{r4}\t\t@ (ldrne r4, [sp], #4)');
    expect(formatDecoded(op('push', [list(0x0010)]), 0xe92d0010, 0)).toBe('stmfd\tsp!, {r4}');
    expect(formatForAssembler(op('push', [list(0x0010)]), 0)).toBe('push\t{r4}');
  });

  it('prints branch targets with symbols, and relative targets for the assembler', () => {
    expect(formatInstruction(op('b', [{ kind: 'address', value: 0x10164 }]), 0x10194, names)).toBe('b\t10164 <lab>');
    expect(formatInstruction(op('bl', [{ kind: 'address', value: 0x10064 }], { condition: 'eq' }), 0x10194, names)).toBe('bleq\t10064 <_start+0x10>');
    expect(formatInstruction(op('blx', [{ kind: 'address', value: 0x100e4 }]), 0x100c0)).toBe('blx\t0x100e4');
    expect(formatForAssembler(op('b', [{ kind: 'address', value: 0x10164 }]), 0x10194)).toBe('b\t.-48');
    expect(formatForAssembler(op('bl', [{ kind: 'address', value: 0x10200 }]), 0x10100)).toBe('bl\t.+256');
  });

  it('prints ADR as objdump\'s add/sub from pc', () => {
    expect(formatInstruction(op('adr', [r(0), { kind: 'address', value: 0x10164 }]), 0x101c8)).toBe('sub\tr0, pc, #108\t@ 0x6c');
    expect(formatInstruction(op('adr', [r(0), { kind: 'address', value: 0x10010 }]), 0x10000)).toBe('add\tr0, pc, #8');
  });

  it('prints system instructions as objdump does', () => {
    expect(formatInstruction(op('svc', [imm(0)]), 0)).toBe('svc\t0x00000000');
    expect(formatInstruction(op('svc', [imm(5)], { condition: 'eq' }), 0)).toBe('svceq\t0x00000005');
    expect(formatForAssembler(op('svc', [imm(0x123456)]), 0)).toBe('svc\t#0x123456');
    expect(formatInstruction(op('bkpt', [imm(0x12)]), 0)).toBe('bkpt\t0x0012');
    const psr = (name: 'apsr' | 'cpsr' | 'spsr', fields: string): Operand => ({ kind: 'statusRegister', name, fields });
    expect(formatInstruction(op('mrs', [r(0), psr('apsr', '')]), 0)).toBe('mrs\tr0, CPSR');
    expect(formatInstruction(op('mrs', [r(0), psr('spsr', '')]), 0)).toBe('mrs\tr0, SPSR');
    expect(formatInstruction(op('msr', [psr('apsr', 'nzcvq'), r(0)]), 0)).toBe('msr\tCPSR_f, r0');
    expect(formatInstruction(op('msr', [psr('apsr', 'nzcvqg'), r(0)]), 0)).toBe('msr\tCPSR_fs, r0');
    expect(formatInstruction(op('msr', [psr('cpsr', 'fsxc'), r(0)]), 0)).toBe('msr\tCPSR_fsxc, r0');
    expect(formatInstruction(op('msr', [psr('apsr', 'g'), r(0)]), 0)).toBe('msr\tCPSR_s, r0');
    expect(formatForAssembler(op('msr', [psr('apsr', 'nzcvq'), r(0)]), 0)).toBe('msr\tapsr_nzcvq, r0');
    expect(formatInstruction(op('msr', [psr('apsr', 'nzcvq'), imm(0xf0000000)]), 0)).toBe('msr\tCPSR_f, #-268435456\t@ 0xf0000000');
  });

  it('writes a rotated immediate with an explicit rotation where objdump does', () => {
    const instruction = op('mov', [r(0), imm(1)]);
    expect(formatDecoded(instruction, 0xe3a00104, 0)).toBe('mov\tr0, #4, 2');
    expect(formatDecoded(op('cmn', [r(3), imm(0xec000000)], { condition: 'cc' }), 0x337cf4ec, 0)).toBe('cmncc\tr3, #236, 8\t@ 0xec000000');
    expect(formatForAssembler(instruction, 0, 0xe3a00104)).toBe('mov\tr0, #4, 2');
    expect(formatForAssembler(instruction, 0)).toBe('mov\tr0, #1');
  });

  it('prints an invalid bit field as objdump does', () => {
    expect(formatInstruction(op('bfi', [r(4), r(1), imm(28), imm(-26)], { condition: 'mi' }), 0)).toBe('bfimi\tr4, r1, (invalid: 28:1)');
    expect(formatInstruction(op('bfc', [r(0), imm(3), imm(4)]), 0)).toBe('bfc\tr0, #3, #4');
  });
});

describe('barriers', () => {
  it('names the option as objdump does', () => {
    expect(formatInstruction(op('dmb', [imm(11)]), 0)).toBe('dmb\tish');
    expect(formatInstruction(op('dsb', []), 0)).toBe('dsb\tsy');
    expect(formatInstruction(op('isb', []), 0)).toBe('isb\tsy');
    expect(formatInstruction(op('isb', [imm(5)]), 0)).toBe('isb\t#5');
    expect(formatInstruction(op('dmb', [imm(12)]), 0)).toBe('dmb\t#12');
    expect(formatForAssembler(op('dmb', [imm(11)]), 0)).toBe('dmb\t#11');
    expect(formatForAssembler(op('dsb', []), 0)).toBe('dsb');
  });
});
