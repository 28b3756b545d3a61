/**
 * Branch rows: B and BL to a label, BLX to a label (switches to Thumb), and
 * BX / BLX to a register.
 *
 * Targets arrive as absolute addresses (operand kind 'address'); the offset
 * is measured from pc = address + 8 in words and must fit in 24 signed bits
 * (about +-32 MiB).
 *
 * `blx label`: GNU `as` keeps BLX (H bit from target bit 1) for a plain label,
 * and only rewrites it to BL, with a warning, when the label is a function
 * symbol known to be ARM code (`.type f, %function`). This row sees only an
 * address, so it always encodes BLX, like `as` does for a plain label; the
 * assembler, which knows symbol types, asks for `bl` instead when it wants
 * the rewrite.
 */
import type { EncodeResult, Instruction, InstructionRow } from './types';
import { conditionBits, encoded, failure, hex, immediateAt, instruction, isAddress, isRegister, registerAt, registerOperand } from './operands';

const RANGE = 0x0200_0000; // 32 MiB

function acceptsAddress(instruction: Instruction): boolean {
  return instruction.operands.length === 1 && isAddress(instruction.operands[0]);
}

/** The signed byte offset from pc (address + 8) to the target, or the error. */
function branchOffset(instruction: Instruction, address: number, alignment: number): number | EncodeResult {
  const target = immediateAt(instruction, 0);
  const offset = (target - ((address + 8) >>> 0)) | 0;
  if (offset % alignment !== 0) {
    return failure(
      `branch target ${hex(target)} is not ${alignment === 4 ? 'word' : 'halfword'}-aligned`,
      0,
      alignment === 4 ? 'ARM instructions sit at addresses that are multiples of 4; check the label' : 'a Thumb target must be halfword-aligned',
    );
  }
  if (offset < -RANGE || offset >= RANGE) {
    return failure(
      `branch target ${hex(target)} is out of range (more than 32 MiB from this instruction)`,
      0,
      'load the address into a register (`ldr r12, =label`) and use `bx r12` or `blx r12`',
    );
  }
  return offset;
}

function relativeRow(link: boolean): InstructionRow {
  const name = link ? 'bl' : 'b';
  const bits = link ? 0x0b00_0000 : 0x0a00_0000;
  return {
    id: name,
    class: 'branch',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <label>`,
    doc: link
      ? 'Branch with link: call a subroutine; lr = the address of the next instruction.'
      : 'Branch: continue at the label.',
    bits,
    mask: 0x0f00_0000,
    accepts: acceptsAddress,
    encode(instruction, context) {
      const offset = branchOffset(instruction, context.address, 4);
      if (typeof offset !== 'number') return offset;
      return encoded(conditionBits(instruction.condition) | bits | ((offset >> 2) & 0x00ff_ffff));
    },
    decode(word, address) {
      const offset = (word << 8) >> 6; // sign-extend imm24, times 4
      return instruction(name, word, false, [{ kind: 'address', value: (address + 8 + offset) >>> 0 }]);
    },
  };
}

const blxImmediateRow: InstructionRow = {
  id: 'blx-immediate',
  class: 'branch',
  mnemonics: ['blx'],
  allowsSetFlags: false,
  conditional: false,
  syntax: 'blx <label>',
  doc: 'Branch with link and exchange: call a Thumb subroutine at the label (switches to Thumb state).',
  bits: 0x0a00_0000,
  mask: 0x0e00_0000,
  accepts: acceptsAddress,
  encode(instruction, context) {
    const target = immediateAt(instruction, 0) & ~1;
    const offset = branchOffset({ ...instruction, operands: [{ kind: 'address', value: target }] }, context.address, 2);
    if (typeof offset !== 'number') return offset;
    return encoded(0xfa00_0000 | ((offset & 2) << 23) | ((offset >> 2) & 0x00ff_ffff));
  },
  decode(word, address) {
    const offset = ((word << 8) >> 6) | ((word >>> 23) & 2);
    return instruction('blx', word, false, [{ kind: 'address', value: (address + 8 + offset) >>> 0 }]);
  },
};

function registerBranchRow(link: boolean): InstructionRow {
  const name = link ? 'blx' : 'bx';
  const bits = link ? 0x012f_ff30 : 0x012f_ff10;
  return {
    id: `${name}-register`,
    class: 'branch',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rm>`,
    doc: link
      ? 'Call the address in Rm (bit 0 set selects Thumb state); lr = the address of the next instruction.'
      : 'Branch to the address in Rm (bit 0 set selects Thumb state); `bx lr` returns from a subroutine.',
    bits,
    mask: 0x0fff_fff0,
    accepts(instruction) {
      return instruction.operands.length === 1 && isRegister(instruction.operands[0]);
    },
    encode(instruction) {
      const rm = registerAt(instruction, 0);
      const warning =
        rm === 15
          ? { message: `${name} pc gives ${link ? 'unpredictable results' : 'nothing useful'} in ARM state`, hint: 'branch to a label or another register' }
          : undefined;
      return encoded(conditionBits(instruction.condition) | bits | rm, warning);
    },
    decode(word) {
      return instruction(name, word, false, [registerOperand(word & 15)]);
    },
  };
}

export const branchRows: InstructionRow[] = [
  relativeRow(false),
  relativeRow(true),
  blxImmediateRow,
  registerBranchRow(false),
  registerBranchRow(true),
];
