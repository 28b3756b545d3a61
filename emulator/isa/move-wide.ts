/**
 * MOVW and MOVT (16-bit constants, with `#:lower16:` / `#:upper16:`), and ADR
 * (a label's address as ADD/SUB rd, pc, #offset). Data-processing class.
 */
import type { InstructionRow } from './types';
import {
  checkRange,
  conditionBits,
  encodeModifiedImmediate,
  encoded,
  failure,
  hex,
  immediateAt,
  immediateOperand,
  instruction,
  isAddress,
  isImmediate,
  isRegister,
  pcNotAllowed,
  registerAt,
  registerName,
  registerOperand,
} from './operands';
import { decodeImmediateForm } from './data-processing';

function wideMoveRow(top: boolean): InstructionRow {
  const name = top ? 'movt' : 'movw';
  const bits = top ? 0x0340_0000 : 0x0300_0000;
  return {
    id: name,
    class: 'data-processing',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rd>, #<imm16>`,
    doc: top
      ? 'Move top: write a 16-bit constant to the upper half of Rd, keeping the lower half.'
      : 'Move wide: Rd = a 16-bit constant (upper half cleared).',
    bits,
    mask: 0x0ff0_0000,
    accepts(instruction) {
      return instruction.operands.length === 2 && isRegister(instruction.operands[0]) && isImmediate(instruction.operands[1]);
    },
    encode(instruction) {
      const rd = registerAt(instruction, 0);
      if (rd === 15) return pcNotAllowed(0);
      const operand = instruction.operands[1];
      let value: number;
      if (operand.kind === 'immediate' && operand.relocation === 'lower16') value = operand.value & 0xffff;
      else if (operand.kind === 'immediate' && operand.relocation === 'upper16') value = (operand.value >>> 16) & 0xffff;
      else {
        const checked = checkRange(operand.kind === 'immediate' ? operand.value : 0, 0, 0xffff, 1, `${name} immediate`);
        if (typeof checked !== 'number') return checked;
        value = checked;
      }
      return encoded(conditionBits(instruction.condition) | bits | ((value & 0xf000) << 4) | (rd << 12) | (value & 0xfff));
    },
    decode(word) {
      const value = ((word >>> 4) & 0xf000) | (word & 0xfff);
      return instruction(name, word, false, [registerOperand((word >>> 12) & 15), immediateOperand(value)]);
    },
  };
}

/**
 * ADR: `adr rd, label` is ADD/SUB rd, pc, #offset with pc = address + 8.
 * objdump shows the word as that add/sub, so the row decodes to it, and the
 * add-immediate row (higher priority) owns the word when decoding.
 */
const adrRow: InstructionRow = {
  id: 'adr',
  class: 'data-processing',
  mnemonics: ['adr'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'adr{<c>} <Rd>, <label>',
  doc: 'Address of a label: Rd = pc + offset (assembled as add/sub rd, pc, #offset).',
  bits: 0x028f_0000,
  mask: 0x0fff_0000,
  priority: -1,
  accepts(instruction) {
    return instruction.operands.length === 2 && isRegister(instruction.operands[0]) && isAddress(instruction.operands[1]);
  },
  encode(instruction, context) {
    const rd = registerAt(instruction, 0);
    const offset = (immediateAt(instruction, 1) - ((context.address + 8) >>> 0)) | 0;
    const subtract = offset < 0;
    const field = encodeModifiedImmediate(subtract ? -offset : offset);
    if (field === undefined) {
      return failure(
        `adr cannot reach ${hex(immediateAt(instruction, 1))}: the distance ${offset < 0 ? '-' : ''}${hex(Math.abs(offset))} from pc is not a rotated 8-bit immediate`,
        1,
        `use \`ldr ${registerName(rd)}, =label\` to load an address that is far away or oddly spaced`,
      );
    }
    return encoded(conditionBits(instruction.condition) | (subtract ? 0x024f_0000 : 0x028f_0000) | (rd << 12) | field);
  },
  decode(word) {
    return decodeImmediateForm(4, word);
  },
};

export const moveWideRows: InstructionRow[] = [wideMoveRow(false), wideMoveRow(true), adrRow];
