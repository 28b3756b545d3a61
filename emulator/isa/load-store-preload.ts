/**
 * Preload hints: PLD (data), PLDW (data, for writing; multiprocessing
 * extensions, accepted by `-march=armv7ve`) and PLI (instructions). They
 * tell the memory system an address will be used soon and have no other
 * effect. Unconditional (cond = 0b1111), offset addresses only.
 *
 *   1111 01I1 UR01 Rn 1111 ...   PLD (R = 1), PLDW (R = 0)
 *   1111 01I0 U101 Rn 1111 ...   PLI
 * with I = 0: imm12, I = 1: imm5 type 0 Rm (as the word/byte forms).
 */
import type { EncodeContext, EncodeResult, Instruction, InstructionRow } from './types';
import { encoded, failure, instruction } from './operands';
import {
  BIT_P,
  decodeImmediateAddress,
  decodeRegisterAddress,
  encodeImmediateAddress,
  encodeLabelAddress,
  encodeRegisterAddress,
  hasImmediateOffset,
  hasRegisterOffset,
  isMemory,
  type MemoryOperand,
} from './memory-operands';

const UNCONDITIONAL = 0xf000_0000;

interface PreloadForm {
  mnemonic: 'pld' | 'pldw' | 'pli';
  /** Bits 27:20 with I = 0 (the immediate form). */
  bits: number;
  doc: string;
}

const FORMS: readonly PreloadForm[] = [
  { mnemonic: 'pld', bits: 0x0550_f000, doc: 'Preload data: hint that the address will be read soon (no other effect).' },
  { mnemonic: 'pldw', bits: 0x0510_f000, doc: 'Preload data for writing: hint that the address will be written soon (no other effect).' },
  { mnemonic: 'pli', bits: 0x0450_f000, doc: 'Preload instructions: hint that code at the address will run soon (no other effect).' },
];

/** Bit 25: register offset. */
const BIT_REGISTER = 1 << 25;

function offsetOnly(form: PreloadForm, memory: MemoryOperand): EncodeResult | undefined {
  if (memory.indexing === 'offset') return undefined;
  return failure(
    memory.indexing === 'pre'
      ? `${form.mnemonic} cannot write back its base register`
      : `${form.mnemonic} cannot use a post-indexed address`,
    0,
    `write \`${form.mnemonic} [rn, #offset]\` or \`${form.mnemonic} [rn, rm]\``,
  );
}

/** P is part of the opcode here (set for PLD/PLDW, clear for PLI), not an indexing bit. */
function place(form: PreloadForm, addressBits: number, register: boolean): number {
  return UNCONDITIONAL | form.bits | (register ? BIT_REGISTER : 0) | (addressBits & ~BIT_P & ~0xf000);
}

function immediateRow(form: PreloadForm): InstructionRow {
  const { mnemonic } = form;
  return {
    id: `${mnemonic}-immediate`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: false,
    syntax: `${mnemonic} [<Rn>{, #+/-<imm12>}]  |  ${mnemonic} <label>`,
    doc: form.doc,
    bits: form.bits,
    mask: 0x0f70_f000,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      const address = operands[0];
      return operands.length === 1 && ((isMemory(address) && hasImmediateOffset(address)) || address.kind === 'address');
    },
    encode(instruction: Instruction, context: EncodeContext): EncodeResult {
      const operand = instruction.operands[0];
      let addressBits: number | EncodeResult;
      if (operand.kind === 'address') {
        addressBits = encodeLabelAddress(operand.value, context.address, mnemonic, 4095, 0);
      } else if (operand.kind === 'memory') {
        const indexingError = offsetOnly(form, operand);
        if (indexingError) return indexingError;
        addressBits = encodeImmediateAddress(operand, mnemonic, 4095, 0);
      } else {
        return failure(`${mnemonic} expects an address`, 0);
      }
      if (typeof addressBits !== 'number') return addressBits;
      return encoded(place(form, addressBits, false));
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [decodeImmediateAddress(word, 4095, 'offset')]);
    },
  };
}

function registerRow(form: PreloadForm): InstructionRow {
  const { mnemonic } = form;
  return {
    id: `${mnemonic}-register`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: false,
    syntax: `${mnemonic} [<Rn>, +/-<Rm>{, <shift> #<n>}]`,
    doc: form.doc,
    bits: form.bits | BIT_REGISTER,
    mask: 0x0f70_f010,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      const address = operands[0];
      return operands.length === 1 && isMemory(address) && hasRegisterOffset(address);
    },
    encode(instruction: Instruction): EncodeResult {
      const memory = instruction.operands[0] as MemoryOperand;
      const indexingError = offsetOnly(form, memory);
      if (indexingError) return indexingError;
      const addressBits = encodeRegisterAddress(memory, mnemonic, true, 0);
      if (typeof addressBits !== 'number') return addressBits;
      return encoded(place(form, addressBits, true));
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [decodeRegisterAddress(word, true, 'offset')]);
    },
  };
}

/** PLD, PLDW and PLI, immediate/label and register forms. */
export const preloadRows: InstructionRow[] = FORMS.flatMap((form) => [immediateRow(form), registerRow(form)]);
