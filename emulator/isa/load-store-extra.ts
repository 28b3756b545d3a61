/**
 * The "extra" loads and stores: LDRH STRH LDRSB LDRSH, their unprivileged
 * T forms, and the doubleword LDRD STRD. They share the data-processing
 * space with bits 7 and 4 set (cond 000P UIWL Rn Rt .... 1 op 1 ....); op = 00
 * there is the multiply/swap space, so every row here fixes op != 00.
 *
 * Offsets are a split 8-bit immediate (imm4H:imm4L, -255..255) or an
 * unshifted register.
 */
import type { EncodeContext, EncodeError, EncodeResult, Instruction, InstructionRow, Operand } from './types';
import { conditionBits, encoded, failure, instruction, registerName, registerOperand } from './operands';
import {
  BIT_L,
  BIT_P,
  BIT_W,
  PC,
  asPostIndexed,
  combineWarnings,
  decodeImmediateAddress,
  decodeRegisterAddress,
  encodeImmediateAddress,
  encodeLabelAddress,
  encodeRegisterAddress,
  hasImmediateOffset,
  hasRegisterOffset,
  isMemory,
  isPlainRegister,
  registerOf,
  sameAsBaseWarning,
  shiftNotAllowed,
  writesBack,
  type MemoryOperand,
} from './memory-operands';

/** Bit 22: immediate offset in the extra forms. */
const BIT_IMMEDIATE = 1 << 22;

interface ExtraForm {
  mnemonic: string;
  load: boolean;
  /** Bits 6:5: 01 halfword, 10 signed byte / load dual, 11 signed halfword / store dual. */
  op: 1 | 2 | 3;
  unprivileged: boolean;
  dual: boolean;
  doc: string;
}

const FORMS: readonly ExtraForm[] = [
  { mnemonic: 'ldrh', load: true, op: 1, unprivileged: false, dual: false, doc: 'Load a halfword from memory, zero-extended to 32 bits.' },
  { mnemonic: 'strh', load: false, op: 1, unprivileged: false, dual: false, doc: 'Store the low halfword of a register to memory.' },
  { mnemonic: 'ldrsb', load: true, op: 2, unprivileged: false, dual: false, doc: 'Load a byte from memory, sign-extended to 32 bits.' },
  { mnemonic: 'ldrsh', load: true, op: 3, unprivileged: false, dual: false, doc: 'Load a halfword from memory, sign-extended to 32 bits.' },
  { mnemonic: 'ldrd', load: false, op: 2, unprivileged: false, dual: true, doc: 'Load two consecutive words into an even/odd register pair (rt, rt+1).' },
  { mnemonic: 'strd', load: false, op: 3, unprivileged: false, dual: true, doc: 'Store an even/odd register pair (rt, rt+1) as two consecutive words.' },
  { mnemonic: 'ldrht', load: true, op: 1, unprivileged: true, dual: false, doc: 'Load a halfword with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'strht', load: false, op: 1, unprivileged: true, dual: false, doc: 'Store a halfword with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'ldrsbt', load: true, op: 2, unprivileged: true, dual: false, doc: 'Load a signed byte with user-mode access permissions (post-indexed only).' },
  { mnemonic: 'ldrsht', load: true, op: 3, unprivileged: true, dual: false, doc: 'Load a signed halfword with user-mode access permissions (post-indexed only).' },
];

/** Whether the data moves into registers (LDRD has L = 0 in its encoding but loads). */
function isLoad(form: ExtraForm): boolean {
  return form.load || form.mnemonic === 'ldrd';
}

function formBits(form: ExtraForm): number {
  return 0x90 | (form.op << 5) | (form.load ? BIT_L : 0) | (form.unprivileged ? BIT_W : 0);
}

/** The operand index of the address: 2 for `ldrd rt, rt2, [..]`, else 1. */
function addressIndex(instruction: Instruction): number {
  return instruction.operands.length - 1;
}

function acceptsRegisters(form: ExtraForm, operands: readonly Operand[]): boolean {
  if (!isPlainRegister(operands[0])) return false;
  if (operands.length === 2) return true;
  return form.dual && operands.length === 3 && isPlainRegister(operands[1]);
}

/**
 * The data register(s): Rt = pc is refused; LDRD/STRD need an even Rt other
 * than lr, and Rt2 (when written) must be Rt + 1.
 */
function transferRegisterError(form: ExtraForm, instruction: Instruction): EncodeResult | undefined {
  const register = registerOf(instruction.operands[0]);
  if (!form.dual) {
    if (register !== PC) return undefined;
    return failure(`pc cannot be the data register of ${form.mnemonic}`, 0, 'use a general register r0-r12 or lr');
  }
  if (register % 2 !== 0) {
    return failure(
      `${form.mnemonic} needs an even first register; ${registerName(register)} is odd`,
      0,
      `use a pair such as r0, r1 or r4, r5`,
    );
  }
  if (register === 14) {
    return failure(`${form.mnemonic} cannot use the pair lr, pc`, 0, 'use an even/odd pair from r0, r1 to r12, sp');
  }
  if (instruction.operands.length === 3) {
    const second = registerOf(instruction.operands[1]);
    if (second !== register + 1) {
      return failure(
        `${form.mnemonic} transfers two consecutive registers: ${registerName(register)} must be followed by ${registerName(register + 1)}`,
        1,
        `write \`${form.mnemonic} ${registerName(register)}, ${registerName(register + 1)}, [...]\``,
      );
    }
  }
  return undefined;
}

function postIndexedOnly(form: ExtraForm, operandIndex: number): EncodeResult {
  return failure(
    `${form.mnemonic} needs a post-indexed address`,
    operandIndex,
    `write \`${form.mnemonic} rt, [rn], #offset\` or \`${form.mnemonic} rt, [rn], rm\``,
  );
}

/** The warnings GNU `as` gives for overlapping data, base and index registers. */
function overlapWarning(form: ExtraForm, instruction: Instruction, memory: MemoryOperand): EncodeError | undefined {
  const register = registerOf(instruction.operands[0]);
  const baseWarning = sameAsBaseWarning(isLoad(form), register, memory);
  if (!form.dual) return baseWarning;
  const base = memory.base & 15;
  let warning = baseWarning;
  if (!warning && writesBack(memory) && base === register + 1) {
    warning = {
      message: `${registerName(base)} is both the second data register and the written-back base register; the result is unpredictable`,
      hint: 'use a different register for the base',
    };
  }
  const offset = memory.offset;
  if (form.mnemonic === 'ldrd' && offset !== undefined && offset.kind === 'register') {
    const index = offset.register & 15;
    if (index === register || index === register + 1) {
      const indexWarning: EncodeError = {
        message: `the offset register ${registerName(index)} is also loaded by ldrd; the result is unpredictable`,
        hint: 'use an offset register outside the pair',
      };
      warning = combineWarnings(indexWarning, warning);
    }
  }
  return warning;
}

const IMMEDIATE_SYNTAX = (form: ExtraForm): string => {
  const registers = form.dual ? '<Rt>{, <Rt2>}' : '<Rt>';
  if (form.unprivileged) return `${form.mnemonic}{<c>} ${registers}, [<Rn>]{, #+/-<imm8>}`;
  return (
    `${form.mnemonic}{<c>} ${registers}, [<Rn>{, #+/-<imm8>}]{!}  |  ` +
    `${form.mnemonic}{<c>} ${registers}, [<Rn>], #+/-<imm8>  |  ${form.mnemonic}{<c>} ${registers}, <label>`
  );
};

const REGISTER_SYNTAX = (form: ExtraForm): string => {
  const registers = form.dual ? '<Rt>{, <Rt2>}' : '<Rt>';
  if (form.unprivileged) return `${form.mnemonic}{<c>} ${registers}, [<Rn>], +/-<Rm>`;
  return `${form.mnemonic}{<c>} ${registers}, [<Rn>, +/-<Rm>]{!}  |  ${form.mnemonic}{<c>} ${registers}, [<Rn>], +/-<Rm>`;
};

function immediateRow(form: ExtraForm): InstructionRow {
  const { mnemonic } = form;
  const bits = formBits(form) | BIT_IMMEDIATE;
  return {
    id: `${mnemonic}-immediate`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax: IMMEDIATE_SYNTAX(form),
    doc: form.doc,
    bits,
    mask: form.unprivileged ? 0x0f70_00f0 : 0x0e50_00f0,
    priority: form.unprivileged ? 1 : 0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      if (!acceptsRegisters(form, operands)) return false;
      const address = operands[operands.length - 1];
      return (isMemory(address) && hasImmediateOffset(address)) || address.kind === 'address';
    },
    encode(instruction: Instruction, context: EncodeContext): EncodeResult {
      const registerError = transferRegisterError(form, instruction);
      if (registerError) return registerError;
      const index = addressIndex(instruction);
      const operand = instruction.operands[index];
      let addressBits: number | EncodeResult;
      let memory: MemoryOperand | undefined;
      if (operand.kind === 'address') {
        if (form.unprivileged) return postIndexedOnly(form, index);
        addressBits = encodeLabelAddress(operand.value, context.address, mnemonic, 255, index);
      } else if (operand.kind === 'memory') {
        memory = form.unprivileged ? asPostIndexed(operand) : operand;
        if (memory === undefined) return postIndexedOnly(form, index);
        addressBits = encodeImmediateAddress(memory, mnemonic, 255, index);
      } else {
        return failure(`${mnemonic} expects an address`, index);
      }
      if (typeof addressBits !== 'number') return addressBits;
      const register = registerOf(instruction.operands[0]);
      const warning = memory ? overlapWarning(form, instruction, memory) : undefined;
      return encoded(conditionBits(instruction.condition) | bits | addressBits | (register << 12), warning);
    },
    decode(word: number): Instruction {
      // objdump prints a pre-indexed pc base without `!` (as a pc-relative load); writeback to pc is UNPREDICTABLE.
      const pcRelative = ((word >>> 16) & 15) === PC && (word & BIT_P) !== 0;
      const memory = pcRelative ? decodeImmediateAddress(word, 255, 'offset') : decodeImmediateAddress(word, 255);
      return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), memory]);
    },
  };
}

function registerRow(form: ExtraForm): InstructionRow {
  const { mnemonic } = form;
  const bits = formBits(form);
  return {
    id: `${mnemonic}-register`,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax: REGISTER_SYNTAX(form),
    doc: form.doc,
    bits,
    // Bits 11:8 must be zero: objdump shows other values as UNDEFINED.
    mask: form.unprivileged ? 0x0f70_0ff0 : 0x0e50_0ff0,
    priority: form.unprivileged ? 1 : 0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      if (!acceptsRegisters(form, operands)) return false;
      const address = operands[operands.length - 1];
      return isMemory(address) && hasRegisterOffset(address);
    },
    encode(instruction: Instruction): EncodeResult {
      const registerError = transferRegisterError(form, instruction);
      if (registerError) return registerError;
      const index = addressIndex(instruction);
      const written = instruction.operands[index] as MemoryOperand;
      const offset = written.offset;
      if (offset !== undefined && offset.kind === 'register' && offset.shift !== undefined) {
        return shiftNotAllowed(mnemonic, offset.register & 15, index);
      }
      const memory = form.unprivileged ? asPostIndexed(written) : written;
      if (memory === undefined) return postIndexedOnly(form, index);
      const addressBits = encodeRegisterAddress(memory, mnemonic, false, index);
      if (typeof addressBits !== 'number') return addressBits;
      const register = registerOf(instruction.operands[0]);
      const warning = overlapWarning(form, instruction, memory);
      return encoded(conditionBits(instruction.condition) | bits | addressBits | (register << 12), warning);
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), decodeRegisterAddress(word, false)]);
    },
  };
}

/** Halfword, signed and doubleword rows (immediate and register forms of each). */
export const extraLoadStoreRows: InstructionRow[] = FORMS.flatMap((form) => [immediateRow(form), registerRow(form)]);
