/**
 * Multiply and divide rows: MUL MLA MLS, the long multiplies UMULL UMLAL
 * SMULL SMLAL, and SDIV UDIV.
 */
import type { Instruction, InstructionRow } from './types';
import {
  SAME_HALVES,
  conditionBits,
  encoded,
  instruction,
  isRegister,
  registerAt,
  rejectPc,
  registerOperand,
  setFlagsBit,
} from './operands';

function allRegisters(instruction: Instruction, counts: readonly number[]): boolean {
  const { operands } = instruction;
  if (!counts.includes(operands.length)) return false;
  for (const operand of operands) if (!isRegister(operand)) return false;
  return true;
}

interface MultiplyForm {
  name: string;
  bits: number;
  setFlags: boolean;
  accumulate: boolean;
  doc: string;
}

const SHORT_FORMS: readonly MultiplyForm[] = [
  { name: 'mul', bits: 0x0000_0090, setFlags: true, accumulate: false, doc: 'Multiply: Rd = (Rm * Rs), low 32 bits.' },
  { name: 'mla', bits: 0x0020_0090, setFlags: true, accumulate: true, doc: 'Multiply accumulate: Rd = Rm * Rs + Ra, low 32 bits.' },
  { name: 'mls', bits: 0x0060_0090, setFlags: false, accumulate: true, doc: 'Multiply and subtract: Rd = Ra - Rm * Rs, low 32 bits.' },
];

/** MUL Rd, Rm, Rs / MLA Rd, Rm, Rs, Ra / MLS Rd, Rm, Rs, Ra: Rd in 19:16, Ra in 15:12, Rs in 11:8, Rm in 3:0. */
function shortRow(form: MultiplyForm): InstructionRow {
  const { name, bits } = form;
  return {
    id: name,
    class: 'multiply',
    mnemonics: [name],
    allowsSetFlags: form.setFlags,
    conditional: true,
    syntax: form.accumulate ? `${name}${form.setFlags ? '{s}' : ''}{<c>} <Rd>, <Rm>, <Rs>, <Ra>` : `${name}{s}{<c>} <Rd>, <Rm>{, <Rs>}`,
    doc: form.doc,
    bits,
    mask: form.setFlags ? 0x0fe0_00f0 : 0x0ff0_00f0,
    accepts(instruction) {
      return allRegisters(instruction, form.accumulate ? [4] : [2, 3]);
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const rd = registerAt(instruction, 0);
      const rm = registerAt(instruction, 1);
      // `mul rd, rm` multiplies into rd: `mul rd, rm, rd`.
      const rs = instruction.operands.length === 2 ? rd : registerAt(instruction, 2);
      const ra = form.accumulate ? registerAt(instruction, 3) : 0;
      return encoded(
        conditionBits(instruction.condition) | bits | (instruction.setFlags ? 1 << 20 : 0) | (rd << 16) | (ra << 12) | (rs << 8) | rm,
      );
    },
    decode(word) {
      const operands = [registerOperand((word >>> 16) & 15), registerOperand(word & 15), registerOperand((word >>> 8) & 15)];
      if (form.accumulate) operands.push(registerOperand((word >>> 12) & 15));
      return instruction(name, word, form.setFlags && setFlagsBit(word), operands);
    },
  };
}

const LONG_FORMS: readonly MultiplyForm[] = [
  { name: 'umull', bits: 0x0080_0090, setFlags: true, accumulate: false, doc: 'Unsigned long multiply: RdHi:RdLo = Rn * Rm (64-bit result).' },
  { name: 'umlal', bits: 0x00a0_0090, setFlags: true, accumulate: true, doc: 'Unsigned long multiply accumulate: RdHi:RdLo += Rn * Rm.' },
  { name: 'smull', bits: 0x00c0_0090, setFlags: true, accumulate: false, doc: 'Signed long multiply: RdHi:RdLo = Rn * Rm (64-bit result).' },
  { name: 'smlal', bits: 0x00e0_0090, setFlags: true, accumulate: true, doc: 'Signed long multiply accumulate: RdHi:RdLo += Rn * Rm.' },
  { name: 'umaal', bits: 0x0040_0090, setFlags: false, accumulate: true, doc: 'Unsigned multiply accumulate accumulate long: RdHi:RdLo = Rn * Rm + RdLo + RdHi.' },
];

/** UMULL RdLo, RdHi, Rn, Rm: RdHi in 19:16, RdLo in 15:12, Rm in 11:8, Rn in 3:0. */
function longRow(form: MultiplyForm): InstructionRow {
  const { name, bits } = form;
  return {
    id: name,
    class: 'multiply',
    mnemonics: [name],
    allowsSetFlags: form.setFlags,
    conditional: true,
    syntax: `${name}${form.setFlags ? '{s}' : ''}{<c>} <RdLo>, <RdHi>, <Rn>, <Rm>`,
    doc: form.doc,
    bits,
    mask: form.setFlags ? 0x0fe0_00f0 : 0x0ff0_00f0,
    accepts(instruction) {
      return allRegisters(instruction, [4]);
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const low = registerAt(instruction, 0);
      const high = registerAt(instruction, 1);
      const rn = registerAt(instruction, 2);
      const rm = registerAt(instruction, 3);
      return encoded(
        conditionBits(instruction.condition) | bits | (instruction.setFlags ? 1 << 20 : 0) | (high << 16) | (low << 12) | (rm << 8) | rn,
        low === high ? SAME_HALVES : undefined,
      );
    },
    decode(word) {
      return instruction(name, word, form.setFlags && setFlagsBit(word), [
        registerOperand((word >>> 12) & 15),
        registerOperand((word >>> 16) & 15),
        registerOperand(word & 15),
        registerOperand((word >>> 8) & 15),
      ]);
    },
  };
}

/** SDIV/UDIV Rd, Rn, Rm: Rd in 19:16, Rm in 11:8, Rn in 3:0. */
function divideRow(name: 'sdiv' | 'udiv'): InstructionRow {
  const bits = name === 'sdiv' ? 0x0710_f010 : 0x0730_f010;
  return {
    id: name,
    class: 'multiply',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rd>, <Rn>, <Rm>`,
    doc: name === 'sdiv' ? 'Signed divide: Rd = Rn / Rm, rounded toward zero (0 when Rm is 0).' : 'Unsigned divide: Rd = Rn / Rm (0 when Rm is 0).',
    bits,
    mask: 0x0ff0_f0f0,
    accepts(instruction) {
      return allRegisters(instruction, [2, 3]);
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const rd = registerAt(instruction, 0);
      const two = instruction.operands.length === 2;
      const rn = two ? rd : registerAt(instruction, 1);
      const rm = registerAt(instruction, two ? 1 : 2);
      return encoded(conditionBits(instruction.condition) | bits | (rd << 16) | (rm << 8) | rn);
    },
    decode(word) {
      return instruction(name, word, false, [
        registerOperand((word >>> 16) & 15),
        registerOperand(word & 15),
        registerOperand((word >>> 8) & 15),
      ]);
    },
  };
}

export const multiplyRows: InstructionRow[] = [
  ...SHORT_FORMS.map(shortRow),
  ...LONG_FORMS.map(longRow),
  divideRow('sdiv'),
  divideRow('udiv'),
];
