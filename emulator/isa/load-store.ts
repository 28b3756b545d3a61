/**
 * Single-register loads and stores: LDR STR LDRB STRB (12-bit immediate and
 * scaled register offsets, every indexing mode, PC-relative labels), the
 * unprivileged LDRT STRT LDRBT STRBT, and the one-register PUSH/POP that
 * GNU `as` assembles as `str rt, [sp, #-4]!` / `ldr rt, [sp], #4`.
 *
 * The halfword, signed-byte and doubleword forms (load-store-extra.ts) and the
 * preload hints PLD/PLDW/PLI (load-store-preload.ts) and the exclusive
 * LDREX/STREX family with SWP/SWPB (load-store-exclusive.ts) are part of
 * `loadStoreRows`.
 */
import type { EncodeContext, EncodeError, EncodeResult, Instruction, InstructionRow } from './types';
import { conditionBits, encoded, failure, instruction, registerOperand } from './operands';
import { extraLoadStoreRows } from './load-store-extra';
import { preloadRows } from './load-store-preload';
import { exclusiveRows } from './load-store-exclusive';
import {
  BIT_L,
  BIT_W,
  PC,
  SP,
  asPostIndexed,
  decodeImmediateAddress,
  decodeRegisterAddress,
  encodeImmediateAddress,
  encodeLabelAddress,
  encodeRegisterAddress,
  hasImmediateOffset,
  hasRegisterOffset,
  isMemory,
  isPlainRegister,
  isRegisterList,
  lowestRegister,
  registerCount,
  registerOf,
  sameAsBaseWarning,
  type MemoryOperand,
} from './memory-operands';

const BIT_B = 1 << 22;
/** Bit 25: register offset (I = 1 in the word/byte forms). */
const BIT_REGISTER = 1 << 25;

interface WordByteForm {
  mnemonic: string;
  load: boolean;
  byte: boolean;
  /** LDRT & co.: post-indexed only, P = 0 and W = 1. */
  unprivileged: boolean;
  doc: string;
}

const FORMS: readonly WordByteForm[] = [
  { mnemonic: 'ldr', load: true, byte: false, unprivileged: false, doc: 'Load a 32-bit word from memory into a register.' },
  { mnemonic: 'str', load: false, byte: false, unprivileged: false, doc: 'Store a register as a 32-bit word to memory.' },
  { mnemonic: 'ldrb', load: true, byte: true, unprivileged: false, doc: 'Load a byte from memory, zero-extended to 32 bits.' },
  { mnemonic: 'strb', load: false, byte: true, unprivileged: false, doc: 'Store the low byte of a register to memory.' },
  { mnemonic: 'ldrt', load: true, byte: false, unprivileged: true, doc: 'Load a word with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'strt', load: false, byte: false, unprivileged: true, doc: 'Store a word with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'ldrbt', load: true, byte: true, unprivileged: true, doc: 'Load a byte with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'strbt', load: false, byte: true, unprivileged: true, doc: 'Store a byte with user-mode access permissions (post-indexed only).' },
];

function formBits(form: WordByteForm): number {
  return 0x0400_0000 | (form.byte ? BIT_B : 0) | (form.load ? BIT_L : 0) | (form.unprivileged ? BIT_W : 0);
}

/** Rt = pc: fine for ldr/str/strt, refused (as GNU `as` does) for the byte forms and ldrt. */
function transferRegisterError(form: WordByteForm, register: number): EncodeResult | undefined {
  if (register !== PC) return undefined;
  if (!form.byte && !(form.unprivileged && form.load)) return undefined;
  return failure(`pc cannot be the data register of ${form.mnemonic}`, 0, 'use a general register r0-r12 or lr');
}

function postIndexedOnly(form: WordByteForm): EncodeResult {
  return failure(
    `${form.mnemonic} needs a post-indexed address`,
    1,
    `write \`${form.mnemonic} rt, [rn], #offset\` or \`${form.mnemonic} rt, [rn], rm\``,
  );
}

/** GNU `as`: "use of PC in this instruction is deprecated". */
const PC_STORE_DEPRECATED: EncodeError = {
  message: 'storing to a pc-relative address [pc, #offset] is deprecated',
  hint: 'store through another base register, e.g. `adr r12, label` then `str rt, [r12]`',
};

function immediateRow(form: WordByteForm): InstructionRow {
  const { mnemonic, load } = form;
  const bits = formBits(form);
  const syntax = form.unprivileged
    ? `${mnemonic}{<c>} <Rt>, [<Rn>]{, #+/-<imm12>}`
    : `${mnemonic}{<c>} <Rt>, [<Rn>{, #+/-<imm12>}]{!}  |  ${mnemonic}{<c>} <Rt>, [<Rn>], #+/-<imm12>  |  ${mnemonic}{<c>} <Rt>, <label>`;
  return {
    id: `${mnemonic}-immediate`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax,
    doc: form.doc,
    bits,
    mask: form.unprivileged ? 0x0f70_0000 : 0x0e50_0000,
    priority: form.unprivileged ? 1 : 0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      if (operands.length !== 2 || !isPlainRegister(operands[0])) return false;
      const address = operands[1];
      return (isMemory(address) && hasImmediateOffset(address)) || address.kind === 'address';
    },
    encode(instruction: Instruction, context: EncodeContext): EncodeResult {
      const register = registerOf(instruction.operands[0]);
      const registerError = transferRegisterError(form, register);
      if (registerError) return registerError;
      const operand = instruction.operands[1];
      let addressBits: number | EncodeResult;
      let memory: MemoryOperand | undefined;
      if (operand.kind === 'address') {
        if (form.unprivileged) return postIndexedOnly(form);
        addressBits = encodeLabelAddress(operand.value, context.address, mnemonic, 4095, 1);
      } else if (operand.kind === 'memory') {
        const post = form.unprivileged ? asPostIndexed(operand) : operand;
        if (post === undefined) return postIndexedOnly(form);
        memory = post;
        addressBits = encodeImmediateAddress(post, mnemonic, 4095, 1);
      } else {
        return failure(`${mnemonic} expects an address`, 1);
      }
      if (typeof addressBits !== 'number') return addressBits;
      if (register === PC && ((addressBits >>> 16) & 15) === PC && (addressBits & 3) !== 0) {
        return failure(
          `${mnemonic} pc with a pc-relative address needs an offset that is a multiple of 4`,
          1,
          'align the data with `.align 2` (or `.balign 4`)',
        );
      }
      let warning = memory ? sameAsBaseWarning(load, register, memory) : undefined;
      // GNU `as` warns for an explicit `[pc, #off]` store (not for a label).
      if (!load && memory !== undefined && (memory.base & 15) === PC) warning ??= PC_STORE_DEPRECATED;
      return encoded(conditionBits(instruction.condition) | bits | addressBits | (register << 12), warning);
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), decodeImmediateAddress(word, 4095)]);
    },
  };
}

function registerRow(form: WordByteForm): InstructionRow {
  const { mnemonic, load } = form;
  const bits = formBits(form) | BIT_REGISTER;
  const syntax = form.unprivileged
    ? `${mnemonic}{<c>} <Rt>, [<Rn>], +/-<Rm>{, <shift> #<n>}`
    : `${mnemonic}{<c>} <Rt>, [<Rn>, +/-<Rm>{, <shift> #<n>}]{!}  |  ${mnemonic}{<c>} <Rt>, [<Rn>], +/-<Rm>{, <shift> #<n>}`;
  return {
    id: `${mnemonic}-register`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax,
    doc: form.doc,
    bits,
    mask: form.unprivileged ? 0x0f70_0010 : 0x0e50_0010,
    priority: form.unprivileged ? 1 : 0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      if (operands.length !== 2 || !isPlainRegister(operands[0])) return false;
      const address = operands[1];
      return isMemory(address) && hasRegisterOffset(address);
    },
    encode(instruction: Instruction): EncodeResult {
      const register = registerOf(instruction.operands[0]);
      const registerError = transferRegisterError(form, register);
      if (registerError) return registerError;
      const written = instruction.operands[1] as MemoryOperand;
      const memory = form.unprivileged ? asPostIndexed(written) : written;
      if (memory === undefined) return postIndexedOnly(form);
      const addressBits = encodeRegisterAddress(memory, mnemonic, true, 1);
      if (typeof addressBits !== 'number') return addressBits;
      const warning = sameAsBaseWarning(load, register, memory);
      return encoded(conditionBits(instruction.condition) | bits | addressBits | (register << 12), warning);
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), decodeRegisterAddress(word, true)]);
    },
  };
}

function isSingleRegisterList(instruction: Instruction): boolean {
  const operands = instruction.operands;
  const list = operands[0];
  return operands.length === 1 && isRegisterList(list) && list.userMode !== true && registerCount(list.mask) === 1;
}

/** `push {rt}`: GNU `as` writes `str rt, [sp, #-4]!` (except `push {sp}`, which stays an STMDB). */
const pushSingleRow: InstructionRow = {
  id: 'push-single',
  class: 'load-store',
  mnemonics: ['push'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'push{<c>} {<Rt>}',
  doc: 'Push one register onto the full-descending stack (str rt, [sp, #-4]!).',
  bits: 0x052d_0004,
  mask: 0x0fff_0fff,
  priority: 2,
  accepts(instruction: Instruction): boolean {
    if (!isSingleRegisterList(instruction)) return false;
    const list = instruction.operands[0];
    return isRegisterList(list) && lowestRegister(list.mask) !== SP;
  },
  encode(instruction: Instruction): EncodeResult {
    const list = instruction.operands[0];
    const register = isRegisterList(list) ? lowestRegister(list.mask) : 0;
    return encoded(conditionBits(instruction.condition) | 0x052d_0004 | (register << 12));
  },
  decode(word: number): Instruction {
    return instruction('push', word, false, [{ kind: 'registerList', mask: 1 << ((word >>> 12) & 15) }]);
  },
};

/** `pop {rt}`: GNU `as` writes `ldr rt, [sp], #4`. */
const popSingleRow: InstructionRow = {
  id: 'pop-single',
  class: 'load-store',
  mnemonics: ['pop'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'pop{<c>} {<Rt>}',
  doc: 'Pop one register from the full-descending stack (ldr rt, [sp], #4).',
  bits: 0x049d_0004,
  mask: 0x0fff_0fff,
  priority: 2,
  accepts: isSingleRegisterList,
  encode(instruction: Instruction): EncodeResult {
    const list = instruction.operands[0];
    const register = isRegisterList(list) ? lowestRegister(list.mask) : 0;
    const warning =
      register === SP
        ? {
            message: `pop {sp} loads the stack pointer and writes it back at once; the result is unpredictable`,
            hint: `load it with \`ldr sp, [sp]\` instead`,
          }
        : undefined;
    return encoded(conditionBits(instruction.condition) | 0x049d_0004 | (register << 12), warning);
  },
  decode(word: number): Instruction {
    return instruction('pop', word, false, [{ kind: 'registerList', mask: 1 << ((word >>> 12) & 15) }]);
  },
};

/** Every single-register load/store row, word/byte and extra forms. */
export const loadStoreRows: InstructionRow[] = [
  ...FORMS.flatMap((form) => [immediateRow(form), registerRow(form)]),
  ...extraLoadStoreRows,
  pushSingleRow,
  popSingleRow,
  ...preloadRows,
  ...exclusiveRows,
];
