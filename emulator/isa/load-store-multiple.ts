/**
 * Block transfers: LDM and STM in the four addressing modes (IA IB DA DB) and
 * their stack names (FD ED FA EA), base writeback `rn!`, the `^` user-register
 * / exception-return form, and PUSH/POP of two or more registers
 * (STMDB sp! / LDMIA sp!). One-register PUSH/POP are in load-store.ts,
 * because GNU `as` assembles them as STR/LDR.
 *
 * Encoding: cond 100P USWL Rn register_list.
 */
import type { EncodeError, EncodeResult, Instruction, InstructionRow, Operand } from './types';
import { conditionBits, encoded, failure, instruction, registerName } from './operands';
import { BIT_L, BIT_P, BIT_U, BIT_W, PC, SP, isRegisterList, lowestRegister, registerCount } from './memory-operands';

/** Bit 22: `^` (user registers, or exception return when LDM loads pc). */
const BIT_S = 1 << 22;

interface BlockForm {
  /** The mnemonic objdump prints for this mode. */
  name: string;
  /** Every spelling GNU `as` accepts for it. */
  mnemonics: readonly string[];
  load: boolean;
  before: boolean;
  increment: boolean;
  doc: string;
}

const FORMS: readonly BlockForm[] = [
  { name: 'ldm', mnemonics: ['ldm', 'ldmia', 'ldmfd'], load: true, before: false, increment: true, doc: 'Load registers from consecutive words starting at the base (increment after).' },
  { name: 'ldmib', mnemonics: ['ldmib', 'ldmed'], load: true, before: true, increment: true, doc: 'Load registers from consecutive words starting just above the base (increment before).' },
  { name: 'ldmda', mnemonics: ['ldmda', 'ldmfa'], load: true, before: false, increment: false, doc: 'Load registers from consecutive words ending at the base (decrement after).' },
  { name: 'ldmdb', mnemonics: ['ldmdb', 'ldmea'], load: true, before: true, increment: false, doc: 'Load registers from consecutive words ending just below the base (decrement before).' },
  { name: 'stmia', mnemonics: ['stm', 'stmia', 'stmea'], load: false, before: false, increment: true, doc: 'Store registers to consecutive words starting at the base (increment after).' },
  { name: 'stmib', mnemonics: ['stmib', 'stmfa'], load: false, before: true, increment: true, doc: 'Store registers to consecutive words starting just above the base (increment before).' },
  { name: 'stmda', mnemonics: ['stmda', 'stmed'], load: false, before: false, increment: false, doc: 'Store registers to consecutive words ending at the base (decrement after).' },
  { name: 'stmdb', mnemonics: ['stmdb', 'stmfd'], load: false, before: true, increment: false, doc: 'Store registers to consecutive words ending just below the base (decrement before); stmfd sp! pushes.' },
];

function formBits(form: BlockForm): number {
  return 0x0800_0000 | (form.before ? BIT_P : 0) | (form.increment ? BIT_U : 0) | (form.load ? BIT_L : 0);
}

function emptyList(operandIndex: number): EncodeResult {
  return failure('the register list is empty', operandIndex, 'name at least one register, e.g. {r4, lr}');
}

/** The UNPREDICTABLE register-list choices GNU `as` warns about (it still assembles them). */
function listWarning(load: boolean, base: number, writeback: boolean, mask: number, userMode: boolean): EncodeError | undefined {
  const name = registerName(base);
  if (writeback && (mask & (1 << base)) !== 0) {
    if (load) {
      return {
        message: `${name} is written back and also loaded from the list; the result is unpredictable`,
        hint: `remove ${name} from the list or drop the \`!\``,
      };
    }
    if (lowestRegister(mask) !== base) {
      return {
        message: `${name} is written back and stored from the list, but is not the lowest register in it; the stored value is unpredictable`,
        hint: `remove ${name} from the list or drop the \`!\``,
      };
    }
  }
  if (userMode && writeback && !(load && (mask & (1 << PC)) !== 0)) {
    return {
      message: 'writing back the base with `^` (user registers) is unpredictable',
      hint: 'drop the `!`, or include pc in an ldm list for an exception return',
    };
  }
  return undefined;
}

function blockRow(form: BlockForm): InstructionRow {
  const bits = formBits(form);
  const spelled = form.mnemonics.join('/');
  return {
    id: `${form.load ? 'ldm' : 'stm'}-${form.increment ? 'i' : 'd'}${form.before ? 'b' : 'a'}`,
    class: 'load-store-multiple',
    mnemonics: form.mnemonics,
    allowsSetFlags: false,
    conditional: true,
    syntax: `${spelled}{<c>} <Rn>{!}, <registers>{^}`,
    doc: form.doc,
    bits,
    mask: 0x0f90_0000,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      return operands.length === 2 && operands[0].kind === 'register' && isRegisterList(operands[1]);
    },
    encode(instruction: Instruction): EncodeResult {
      const baseOperand = instruction.operands[0];
      const list = instruction.operands[1];
      if (baseOperand.kind !== 'register' || !isRegisterList(list)) return failure(`${instruction.mnemonic} expects a base register and a register list`);
      const base = baseOperand.register & 15;
      if (base === PC) {
        return failure(`pc cannot be the base register of ${instruction.mnemonic}`, 0, 'use sp or a general register as the base');
      }
      const mask = list.mask & 0xffff;
      if (mask === 0) return emptyList(1);
      const writeback = baseOperand.writeback === true;
      const userMode = list.userMode === true;
      const warning = listWarning(form.load, base, writeback, mask, userMode);
      const word =
        conditionBits(instruction.condition) | bits | (userMode ? BIT_S : 0) | (writeback ? BIT_W : 0) | (base << 16) | mask;
      return encoded(word, warning);
    },
    decode(word: number): Instruction {
      const writeback = (word & BIT_W) !== 0;
      const userMode = (word & BIT_S) !== 0;
      // objdump: plain `stm` only for IA without `!` and `^`; `ldm` always for IA.
      const mnemonic = form.name === 'stmia' && !writeback && !userMode ? 'stm' : form.name;
      const base: Operand = writeback
        ? { kind: 'register', register: (word >>> 16) & 15, writeback: true }
        : { kind: 'register', register: (word >>> 16) & 15 };
      const list: Operand = userMode ? { kind: 'registerList', mask: word & 0xffff, userMode: true } : { kind: 'registerList', mask: word & 0xffff };
      return instruction(mnemonic, word, false, [base, list]);
    },
  };
}

interface StackForm {
  mnemonic: 'push' | 'pop';
  /** The block form objdump prints for a one-register list. */
  single: string;
  bits: number;
  load: boolean;
  doc: string;
}

function stackRow(form: StackForm): InstructionRow {
  return {
    id: `${form.mnemonic}-multiple`,
    class: 'load-store-multiple',
    mnemonics: [form.mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${form.mnemonic}{<c>} <registers>`,
    doc: form.doc,
    bits: form.bits,
    mask: 0x0fff_0000,
    priority: 1,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      const list = operands[0];
      if (operands.length !== 1 || !isRegisterList(list)) return false;
      // One register other than `push {sp}` is an STR/LDR (load-store.ts).
      return registerCount(list.mask) !== 1 || (!form.load && (list.mask & 0xffff) === 1 << SP) || list.userMode === true;
    },
    encode(instruction: Instruction): EncodeResult {
      const list = instruction.operands[0];
      if (!isRegisterList(list)) return failure(`${form.mnemonic} expects a register list`);
      if (list.userMode === true) {
        return failure(`${form.mnemonic} cannot take \`^\``, 0, `write \`${form.load ? 'ldmfd' : 'stmfd'} sp!, {...}^\` instead`);
      }
      const mask = list.mask & 0xffff;
      if (mask === 0) return emptyList(0);
      const warning = listWarning(form.load, SP, true, mask, false);
      return encoded(conditionBits(instruction.condition) | form.bits | mask, warning);
    },
    decode(word: number): Instruction {
      const mask = word & 0xffff;
      // objdump prints a one-register list as the block form: `stmfd sp!, {r4}`.
      if (registerCount(mask) === 1) {
        return instruction(form.single, word, false, [
          { kind: 'register', register: SP, writeback: true },
          { kind: 'registerList', mask },
        ]);
      }
      return instruction(form.mnemonic, word, false, [{ kind: 'registerList', mask }]);
    },
  };
}

/** Every LDM/STM row, with PUSH/POP of several registers. */
export const loadStoreMultipleRows: InstructionRow[] = [
  ...FORMS.map(blockRow),
  stackRow({
    mnemonic: 'push',
    single: 'stmfd',
    bits: 0x092d_0000,
    load: false,
    doc: 'Push registers onto the full-descending stack, lowest register at the lowest address (stmdb sp!).',
  }),
  stackRow({
    mnemonic: 'pop',
    single: 'ldmfd',
    bits: 0x08bd_0000,
    load: true,
    doc: 'Pop registers from the full-descending stack, lowest register from the lowest address (ldmia sp!).',
  }),
];
