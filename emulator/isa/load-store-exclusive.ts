/**
 * Exclusive loads and stores — LDREX{B,H,D} and STREX{B,H,D}, the ARMv7
 * building blocks of atomic operations — and the older SWP/SWPB swaps.
 * Addresses are a bare base register (`[rn]`, or `[rn, #0]`).
 *
 *   cond 0001 1 op 1 Rn Rt 1111 1001 1111   LDREX  (op: 00 word, 01 D, 10 B, 11 H)
 *   cond 0001 1 op 0 Rn Rd 1111 1001 Rt     STREX  (Rd = 0 on success, 1 on failure)
 *   cond 0001 0B00 Rn Rt 0000 1001 Rt2      SWP / SWPB
 */
import type { EncodeError, EncodeResult, Instruction, InstructionRow, Operand } from './types';
import { conditionBits, encoded, failure, instruction, registerName, registerOperand } from './operands';
import { PC, isMemory, isPlainRegister, registerOf, type MemoryOperand } from './memory-operands';

interface ExclusiveForm {
  mnemonic: string;
  load: boolean;
  /** Bits 22:21. */
  op: 0 | 1 | 2 | 3;
  doc: string;
}

const FORMS: readonly ExclusiveForm[] = [
  { mnemonic: 'ldrex', load: true, op: 0, doc: 'Load a word and mark the address for exclusive access (start of an atomic update).' },
  { mnemonic: 'ldrexd', load: true, op: 1, doc: 'Load two words into an even/odd register pair and mark the address for exclusive access.' },
  { mnemonic: 'ldrexb', load: true, op: 2, doc: 'Load a byte (zero-extended) and mark the address for exclusive access.' },
  { mnemonic: 'ldrexh', load: true, op: 3, doc: 'Load a halfword (zero-extended) and mark the address for exclusive access.' },
  { mnemonic: 'strex', load: false, op: 0, doc: 'Store a word if the address is still marked exclusive; Rd = 0 on success, 1 on failure.' },
  { mnemonic: 'strexd', load: false, op: 1, doc: 'Store an even/odd register pair if the address is still marked exclusive; Rd = 0 on success.' },
  { mnemonic: 'strexb', load: false, op: 2, doc: 'Store a byte if the address is still marked exclusive; Rd = 0 on success, 1 on failure.' },
  { mnemonic: 'strexh', load: false, op: 3, doc: 'Store a halfword if the address is still marked exclusive; Rd = 0 on success, 1 on failure.' },
];

/** `[rn]` (and `[rn, #0]` where GNU `as` allows it): the only address these take. */
function bareBase(memory: MemoryOperand, mnemonic: string, operandIndex: number, zeroOffset: boolean): number | EncodeResult {
  const offset = memory.offset;
  const zero =
    offset === undefined ||
    (zeroOffset && offset.kind === 'immediate' && offset.value === 0 && !offset.subtract && !Object.is(offset.value, -0));
  if (memory.indexing !== 'offset' || !zero) {
    return failure(`${mnemonic} takes only a base register address [rn]`, operandIndex, `write \`${mnemonic} ..., [rn]\` and adjust rn first`);
  }
  const base = memory.base & 15;
  if (base === PC) return failure(`pc cannot be the base register of ${mnemonic}`, operandIndex, 'use a general register as the base');
  return base;
}

function pcError(mnemonic: string, register: number, operandIndex: number): EncodeResult | undefined {
  return register === PC
    ? failure(`pc cannot be a data register of ${mnemonic}`, operandIndex, 'use a general register r0-r12 or lr')
    : undefined;
}

/** The pair check of the doubleword forms: Rt even and not lr; Rt2 (when written) = Rt + 1. */
function pairError(mnemonic: string, first: number, second: Operand | undefined, operandIndex: number): EncodeResult | undefined {
  if (first % 2 !== 0) {
    return failure(`${mnemonic} needs an even first register; ${registerName(first)} is odd`, operandIndex, 'use a pair such as r0, r1 or r4, r5');
  }
  if (first === 14) return failure(`${mnemonic} cannot use the pair lr, pc`, operandIndex, 'use an even/odd pair from r0, r1 to r12, sp');
  if (second !== undefined && registerOf(second) !== first + 1) {
    return failure(
      `${mnemonic} transfers two consecutive registers: ${registerName(first)} must be followed by ${registerName(first + 1)}`,
      operandIndex + 1,
    );
  }
  return undefined;
}

function exclusiveRow(form: ExclusiveForm): InstructionRow {
  const { mnemonic, load } = form;
  const dual = form.op === 1;
  const bits = 0x0180_0f90 | (form.op << 21) | (load ? 0x0010_000f : 0);
  const data = dual ? '<Rt>{, <Rt2>}' : '<Rt>';
  // Operand counts: [Rd,] Rt [, Rt2], [Rn]
  const registers = (load ? 1 : 2) + (dual ? 1 : 0);
  return {
    id: mnemonic,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax: load ? `${mnemonic}{<c>} ${data}, [<Rn>]` : `${mnemonic}{<c>} <Rd>, ${data}, [<Rn>]`,
    doc: form.doc,
    bits,
    mask: load ? 0x0ff0_0fff : 0x0ff0_0ff0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      const count = operands.length;
      if (count !== registers + 1 && !(dual && count === registers)) return false;
      for (let index = 0; index < count - 1; index++) if (!isPlainRegister(operands[index])) return false;
      return isMemory(operands[count - 1]);
    },
    encode(instruction: Instruction): EncodeResult {
      const operands = instruction.operands;
      const addressIndex = operands.length - 1;
      // GNU `as` takes `[rn, #0]` for ldrex, strex, strexb and strexh only.
      const zeroOffset = form.op === 0 || (!load && !dual);
      const base = bareBase(operands[addressIndex] as MemoryOperand, mnemonic, addressIndex, zeroOffset);
      if (typeof base !== 'number') return base;
      const first = load ? 0 : 1;
      const data = registerOf(operands[first]);
      const error =
        pcError(mnemonic, registerOf(operands[0]), 0) ??
        pcError(mnemonic, data, first) ??
        (dual ? pairError(mnemonic, data, addressIndex > first + 1 ? operands[first + 1] : undefined, first) : undefined);
      if (error) return error;
      if (!load) {
        const status = registerOf(operands[0]);
        if (status === base || status === data || (dual && status === data + 1)) {
          return failure(
            `the status register ${registerName(status)} of ${mnemonic} must differ from the data and base registers`,
            0,
            'use another register for the status result',
          );
        }
        return encoded(conditionBits(instruction.condition) | bits | (base << 16) | (status << 12) | data);
      }
      return encoded(conditionBits(instruction.condition) | bits | (base << 16) | (data << 12));
    },
    decode(word: number): Instruction {
      const memory: Operand = { kind: 'memory', base: (word >>> 16) & 15, indexing: 'offset' };
      if (load) return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), memory]);
      return instruction(mnemonic, word, false, [registerOperand((word >>> 12) & 15), registerOperand(word & 15), memory]);
    },
  };
}

/** GNU `as` (unified syntax) warns "swp{b} use is deprecated for ARMv6 and ARMv7". */
const SWAP_DEPRECATED: EncodeError = {
  message: 'swp and swpb are deprecated in ARMv6 and ARMv7',
  hint: 'use an ldrex/strex loop for an atomic swap',
};

function swapRow(mnemonic: 'swp' | 'swpb'): InstructionRow {
  const bits = mnemonic === 'swp' ? 0x0100_0090 : 0x0140_0090;
  return {
    id: mnemonic,
    class: 'load-store',
    mnemonics: [mnemonic],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${mnemonic}{<c>} <Rt>, <Rt2>, [<Rn>]`,
    doc:
      mnemonic === 'swp'
        ? 'Swap a word between a register and memory atomically (deprecated in ARMv7: use ldrex/strex).'
        : 'Swap a byte between a register and memory atomically (deprecated in ARMv7: use ldrexb/strexb).',
    bits,
    mask: 0x0ff0_0ff0,
    accepts(instruction: Instruction): boolean {
      const operands = instruction.operands;
      return operands.length === 3 && isPlainRegister(operands[0]) && isPlainRegister(operands[1]) && isMemory(operands[2]);
    },
    encode(instruction: Instruction): EncodeResult {
      const memory = instruction.operands[2] as MemoryOperand;
      if (memory.indexing !== 'offset' || memory.offset !== undefined) {
        return failure(`${mnemonic} takes only a base register address [rn]`, 2);
      }
      const destination = registerOf(instruction.operands[0]);
      const source = registerOf(instruction.operands[1]);
      const base = memory.base & 15;
      const error = pcError(mnemonic, destination, 0) ?? pcError(mnemonic, source, 1);
      if (error) return error;
      if (base === PC) return failure(`pc cannot be the base register of ${mnemonic}`, 2);
      if (base === destination || base === source) {
        return failure(`the base register ${registerName(base)} of ${mnemonic} must differ from both data registers`, 2);
      }
      return encoded(conditionBits(instruction.condition) | bits | (base << 16) | (destination << 12) | source, SWAP_DEPRECATED);
    },
    decode(word: number): Instruction {
      return instruction(mnemonic, word, false, [
        registerOperand((word >>> 12) & 15),
        registerOperand(word & 15),
        { kind: 'memory', base: (word >>> 16) & 15, indexing: 'offset' },
      ]);
    },
  };
}

/** LDREX/STREX in four sizes, and SWP/SWPB. */
export const exclusiveRows: InstructionRow[] = [...FORMS.map(exclusiveRow), swapRow('swp'), swapRow('swpb')];
