/**
 * Signed halfword multiplies (ARMv5TE DSP, emitted by gcc -Os for 16-bit
 * arithmetic): SMUL<x><y>, SMLA<x><y>, SMLAL<x><y>, SMULW<y>, SMLAW<y>.
 * <x> picks the bottom (b) or top (t) half of Rn, <y> the half of Rm.
 *
 * Layout: cond 0001 0 op 0 | Rd (19:16) | Ra (15:12) | Rm (11:8) | 1 y x 0 | Rn.
 */
import type { InstructionRow } from './types';
import { SAME_HALVES, conditionBits, encoded, instruction, isRegister, registerAt, registerOperand, rejectPc } from './operands';

const HALVES = ['b', 't'] as const;

interface HalfwordForm {
  /** Mnemonic stem before the half letters. */
  stem: 'smul' | 'smla' | 'smlal' | 'smulw' | 'smlaw';
  /** Bits 22:21. */
  op: number;
  /** Whether the x letter (half of Rn) is part of the mnemonic; the W forms have only y. */
  bothHalves: boolean;
  /** Bit 5 for the W forms (SMULW has 1, SMLAW 0). */
  wideBit?: number;
  /** Register operands as written (3 or 4). */
  count: number;
  doc: string;
}

const FORMS: readonly HalfwordForm[] = [
  { stem: 'smla', op: 0, bothHalves: true, count: 4, doc: 'Signed 16x16 multiply accumulate: Rd = Rn.half * Rm.half + Ra (sets Q on overflow).' },
  { stem: 'smlaw', op: 1, bothHalves: false, wideBit: 0, count: 4, doc: 'Signed 32x16 multiply accumulate: Rd = (Rn * Rm.half) >> 16 + Ra.' },
  { stem: 'smulw', op: 1, bothHalves: false, wideBit: 1, count: 3, doc: 'Signed 32x16 multiply: Rd = (Rn * Rm.half) >> 16.' },
  { stem: 'smlal', op: 2, bothHalves: true, count: 4, doc: 'Signed 16x16 multiply accumulate long: RdHi:RdLo += Rn.half * Rm.half.' },
  { stem: 'smul', op: 3, bothHalves: true, count: 3, doc: 'Signed 16x16 multiply: Rd = Rn.half * Rm.half.' },
];

function halfwordRow(form: HalfwordForm, x: number, y: number): InstructionRow {
  const name = form.bothHalves ? `${form.stem}${HALVES[x]}${HALVES[y]}` : `${form.stem}${HALVES[y]}`;
  const halfBits = (y << 6) | ((form.bothHalves ? x : (form.wideBit ?? 0)) << 5);
  const bits = 0x0100_0080 | (form.op << 21) | halfBits;
  const long = form.stem === 'smlal';
  return {
    id: name,
    class: 'multiply',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: long
      ? `${name}{<c>} <RdLo>, <RdHi>, <Rn>, <Rm>`
      : form.count === 4
        ? `${name}{<c>} <Rd>, <Rn>, <Rm>, <Ra>`
        : `${name}{<c>} <Rd>, <Rn>, <Rm>`,
    doc: form.doc,
    bits,
    // The three-register forms have Ra (15:12) should-be-zero: objdump only
    // reads them as SMUL/SMULW when it is, so the table does the same.
    mask: form.count === 3 ? 0x0ff0_f0f0 : 0x0ff0_00f0,
    accepts(instruction) {
      const { operands } = instruction;
      if (operands.length !== form.count) return false;
      for (const operand of operands) if (!isRegister(operand)) return false;
      return true;
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const rn = registerAt(instruction, long ? 2 : 1);
      const rm = registerAt(instruction, long ? 3 : 2);
      // SMLAL<x><y> RdLo, RdHi: RdHi in 19:16, RdLo in 15:12; the others Rd in 19:16, Ra in 15:12.
      const high = long ? registerAt(instruction, 1) : registerAt(instruction, 0);
      const low = long ? registerAt(instruction, 0) : form.count === 4 ? registerAt(instruction, 3) : 0;
      return encoded(
        conditionBits(instruction.condition) | bits | (high << 16) | (low << 12) | (rm << 8) | rn,
        long && high === low ? SAME_HALVES : undefined,
      );
    },
    decode(word) {
      const top = registerOperand((word >>> 16) & 15);
      const bottom = registerOperand((word >>> 12) & 15);
      const rn = registerOperand(word & 15);
      const rm = registerOperand((word >>> 8) & 15);
      const operands = long ? [bottom, top, rn, rm] : form.count === 4 ? [top, rn, rm, bottom] : [top, rn, rm];
      return instruction(name, word, false, operands);
    },
  };
}

function buildRows(): InstructionRow[] {
  const rows: InstructionRow[] = [];
  for (const form of FORMS) {
    for (let y = 0; y < 2; y++) {
      if (!form.bothHalves) rows.push(halfwordRow(form, 0, y));
      else for (let x = 0; x < 2; x++) rows.push(halfwordRow(form, x, y));
    }
  }
  return rows;
}

export const halfwordMultiplyRows: InstructionRow[] = buildRows();
