/**
 * Addressing-mode encoders and decoders for the load/store classes.
 *
 * Every "cannot encode" message about a memory operand — offset ranges,
 * labels out of reach, pc used where the architecture forbids it, shifts an
 * address cannot take — is written here, once, in plain words.
 *
 * Field layout (A32):
 *   word/byte   cond 01IP UBWL Rn Rt imm12            (I=0)
 *               cond 01IP UBWL Rn Rt imm5 type 0 Rm    (I=1)
 *   extra       cond 000P U1WL Rn Rt imm4H 1 op 1 imm4L
 *               cond 000P U0WL Rn Rt 0000  1 op 1 Rm
 * P (bit 24) = offset applied before the access, U (bit 23) = add,
 * W (bit 21) = write the address back to Rn.
 *
 * Immediate offsets carry their sign in one number: a negative value, or
 * `-0` (from `#-0`), or `subtract: true` means U = 0. Decoders return the
 * magnitude with `subtract` set, the same convention as register offsets.
 */
import type { EncodeError, EncodeResult, MemoryOffset, Operand, Register } from './types';
import { decodeImmediateShift, encodeImmediateShift, failure, registerName } from './operands';

export type MemoryOperand = Extract<Operand, { kind: 'memory' }>;
export type RegisterListOperand = Extract<Operand, { kind: 'registerList' }>;

export const PC = 15;
export const SP = 13;

export const BIT_P = 1 << 24;
export const BIT_U = 1 << 23;
export const BIT_W = 1 << 21;
export const BIT_L = 1 << 20;

// ---------------------------------------------------------------------------
// Operand shapes

export function isMemory(operand: Operand | undefined): operand is MemoryOperand {
  return operand !== undefined && operand.kind === 'memory';
}

export function isRegisterList(operand: Operand | undefined): operand is RegisterListOperand {
  return operand !== undefined && operand.kind === 'registerList';
}

/** A plain register: no `!`. */
export function isPlainRegister(operand: Operand | undefined): boolean {
  return operand !== undefined && operand.kind === 'register' && operand.writeback !== true;
}

/** `[rn]`, `[rn, #off]`, `[rn, #off]!`, `[rn], #off`. */
export function hasImmediateOffset(memory: MemoryOperand): boolean {
  return memory.offset === undefined || memory.offset.kind === 'immediate';
}

/** `[rn, rm]`, `[rn, -rm, lsl #2]!`, `[rn], rm`. */
export function hasRegisterOffset(memory: MemoryOperand): boolean {
  return memory.offset !== undefined && memory.offset.kind === 'register';
}

/** Register number of an operand known to be a register (0 otherwise). */
export function registerOf(operand: Operand | undefined): Register {
  return operand !== undefined && operand.kind === 'register' ? operand.register & 15 : 0;
}

// ---------------------------------------------------------------------------
// Immediate offsets

/** The offset with its sign: `#-4` -> -4, `#-0` -> -0, `subtract` flips the sign. */
export function signedOffset(offset: MemoryOffset | undefined): number {
  if (offset === undefined || offset.kind !== 'immediate') return 0;
  return offset.subtract ? -offset.value : offset.value;
}

function isSubtraction(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/** P and W bits of an indexing mode (post-indexed: P = 0, W = 0; the T forms set W). */
export function indexingBits(indexing: MemoryOperand['indexing']): number {
  return indexing === 'offset' ? BIT_P : indexing === 'pre' ? BIT_P | BIT_W : 0;
}

/** Range of an immediate offset: 4095 for word/byte forms, 255 for the extra forms. */
export type OffsetLimit = 4095 | 255;

/** Place a magnitude into imm12, or split it into imm4H (11:8) and imm4L (3:0). */
function offsetField(magnitude: number, limit: OffsetLimit): number {
  return limit === 4095 ? magnitude : ((magnitude & 0xf0) << 4) | (magnitude & 0xf);
}

function baseWithWritebackError(memory: MemoryOperand, mnemonic: string, operandIndex: number): EncodeResult | undefined {
  if ((memory.base & 15) !== PC || memory.indexing === 'offset') return undefined;
  return failure(
    `pc cannot be the base register of ${mnemonic} with writeback`,
    operandIndex,
    memory.indexing === 'pre' ? 'remove the `!`' : 'use an offset address `[pc, #off]` or another base register',
  );
}

/**
 * P, U, W, Rn and offset bits of an immediate-offset address, or an error.
 * `[rn]!` writes back an offset of 0 (`[rn, #0]!`), as GNU `as` does.
 */
export function encodeImmediateAddress(
  memory: MemoryOperand,
  mnemonic: string,
  limit: OffsetLimit,
  operandIndex: number,
): number | EncodeResult {
  const pcError = baseWithWritebackError(memory, mnemonic, operandIndex);
  if (pcError) return pcError;
  const value = signedOffset(memory.offset);
  const magnitude = Math.abs(value);
  if (!Number.isInteger(value)) {
    return failure(`offset ${value} is not a whole number of bytes`, operandIndex, `${mnemonic} takes an offset from -${limit} to ${limit}`);
  }
  if (magnitude > limit) {
    return failure(
      `offset ${value} is out of range for ${mnemonic}: -${limit}..${limit}`,
      operandIndex,
      'put the offset in a register and use [rn, rm], or add it to the base register first',
    );
  }
  return (
    indexingBits(memory.indexing) |
    (isSubtraction(value) ? 0 : BIT_U) |
    ((memory.base & 15) << 16) |
    offsetField(magnitude, limit)
  );
}

/**
 * P, U, W, Rn, Rn-relative offset bits of a PC-relative label: `[pc, #off]`
 * with pc = address + 8. Offset 0 is written as `#0` (U = 1).
 */
export function encodeLabelAddress(
  target: number,
  address: number,
  mnemonic: string,
  limit: OffsetLimit,
  operandIndex: number,
): number | EncodeResult {
  if (!Number.isFinite(target) || !Number.isFinite(address)) {
    return failure('the address of this label is not known', operandIndex, 'define the label in the same section');
  }
  const distance = (target - address - 8) | 0;
  const magnitude = Math.abs(distance);
  if (magnitude > limit) {
    return failure(
      `the label is ${distance} bytes from pc (this instruction + 8); ${mnemonic} reaches only -${limit}..${limit}`,
      operandIndex,
      limit === 4095
        ? 'keep the data within 4 KB of this instruction (e.g. a .ltorg nearer), or load its address with `ldr rX, =label` and use [rX]'
        : 'keep the data within 255 bytes of this instruction, or load its address with `adr rX, label` or `ldr rX, =label` and use [rX]',
    );
  }
  return BIT_P | (distance < 0 ? 0 : BIT_U) | (PC << 16) | offsetField(magnitude, limit);
}

/**
 * The post-indexed address an unprivileged (T) form needs, or undefined.
 * Like GNU `as`, `[rn]`, `[rn]!`, `[rn, #0]` and `[rn, #-0]!` stand for
 * `[rn], #0` (or `#-0`); any other offset or pre-indexed address is refused
 * (but see the register-offset quirk below).
 */
export function asPostIndexed(memory: MemoryOperand): MemoryOperand | undefined {
  if (memory.indexing === 'post') return memory;
  const offset = memory.offset;
  if (offset === undefined) return { kind: 'memory', base: memory.base, indexing: 'post' };
  if (offset.kind === 'immediate' && offset.value === 0) return { kind: 'memory', base: memory.base, offset, indexing: 'post' };
  // GNU `as` quirk, matched: a register offset with an explicit zero shift
  // (`[rn, rm, lsl #0]`) is taken as `[rn], rm`; without the shift it is refused.
  const shift = offset.kind === 'register' ? offset.shift : undefined;
  if (offset.kind === 'register' && shift !== undefined && shift.type !== 'rrx' && shift.register === undefined && shift.amount === 0) {
    return { kind: 'memory', base: memory.base, offset: { kind: 'register', register: offset.register, subtract: offset.subtract }, indexing: 'post' };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Register offsets

/** The halfword, signed and doubleword forms take an unshifted offset register only. */
export function shiftNotAllowed(mnemonic: string, index: Register, operandIndex: number): EncodeResult {
  return failure(
    `${mnemonic} cannot shift its offset register`,
    operandIndex,
    `compute the scaled offset first, e.g. \`lsl r12, ${registerName(index)}, #1\`, then use [rn, r12]`,
  );
}

/**
 * P, U, W, Rn, Rm and (when `allowShift`) shift bits of a register-offset
 * address, or an error. pc may not be the offset register, nor a base that is
 * written back.
 */
export function encodeRegisterAddress(
  memory: MemoryOperand,
  mnemonic: string,
  allowShift: boolean,
  operandIndex: number,
): number | EncodeResult {
  const offset = memory.offset;
  if (offset === undefined || offset.kind !== 'register') {
    return failure(`${mnemonic} expects a register offset here`, operandIndex);
  }
  const pcError = baseWithWritebackError(memory, mnemonic, operandIndex);
  if (pcError) return pcError;
  const index = offset.register & 15;
  if (index === PC) {
    return failure('pc cannot be the offset register of an address', operandIndex, 'use another register for the offset');
  }
  let shiftBits = 0;
  const shift = offset.shift;
  if (shift !== undefined) {
    if (!allowShift) return shiftNotAllowed(mnemonic, index, operandIndex);
    if (shift.register !== undefined && shift.type !== 'rrx') {
      return failure(
        'an address cannot shift its offset by a register',
        operandIndex,
        `shift by an immediate amount, e.g. \`${shift.type} #2\``,
      );
    }
    const bits = encodeImmediateShift(shift.type, shift.amount ?? 0, operandIndex);
    if (typeof bits !== 'number') return bits;
    shiftBits = bits;
  }
  return (
    indexingBits(memory.indexing) | (offset.subtract ? 0 : BIT_U) | ((memory.base & 15) << 16) | shiftBits | index
  );
}

// ---------------------------------------------------------------------------
// Decoding

/** The indexing mode of a word's P and W bits. The T forms (P = 0, W = 1) read as post-indexed. */
export function indexingOf(word: number): MemoryOperand['indexing'] {
  if ((word & BIT_P) === 0) return 'post';
  return (word & BIT_W) !== 0 ? 'pre' : 'offset';
}

/**
 * The memory operand of an immediate-offset word. Like objdump, `[rn, #0]`
 * with U = 1 reads back as `[rn]`; `#-0`, `[rn, #0]!` and `[rn], #0` keep
 * their offset.
 */
export function decodeImmediateAddress(
  word: number,
  limit: OffsetLimit,
  indexing: MemoryOperand['indexing'] = indexingOf(word),
): MemoryOperand {
  const magnitude = limit === 4095 ? word & 0xfff : ((word >>> 4) & 0xf0) | (word & 0xf);
  const subtract = (word & BIT_U) === 0;
  const base = (word >>> 16) & 15;
  if (indexing === 'offset' && magnitude === 0 && !subtract) return { kind: 'memory', base, indexing };
  return { kind: 'memory', base, offset: { kind: 'immediate', value: magnitude, subtract }, indexing };
}

/** The memory operand of a register-offset word (`allowShift` for the word/byte forms). */
export function decodeRegisterAddress(
  word: number,
  allowShift: boolean,
  indexing: MemoryOperand['indexing'] = indexingOf(word),
): MemoryOperand {
  const offset: MemoryOffset = { kind: 'register', register: word & 15, subtract: (word & BIT_U) === 0 };
  if (allowShift) {
    const shift = decodeImmediateShift((word >>> 5) & 3, (word >>> 7) & 31);
    if (shift !== undefined) offset.shift = shift;
  }
  return { kind: 'memory', base: (word >>> 16) & 15, offset, indexing };
}

// ---------------------------------------------------------------------------
// Transfer-register checks shared by the single and dual forms

/** Whether the address writes its base back (pre-indexed `!` or post-indexed). */
export function writesBack(memory: MemoryOperand): boolean {
  return memory.indexing !== 'offset';
}

/**
 * GNU `as` warns, and still assembles, when a transferred register is also the
 * written-back base: the result is UNPREDICTABLE.
 */
export function sameAsBaseWarning(load: boolean, register: Register, memory: MemoryOperand): EncodeError | undefined {
  if (!writesBack(memory) || (memory.base & 15) !== register) return undefined;
  const name = registerName(register);
  return {
    message: `${name} is both the ${load ? 'destination' : 'source'} and the written-back base register; the result is unpredictable`,
    hint: 'use a different register for the data or for the base',
  };
}

/** Join two optional warnings into one. */
export function combineWarnings(first: EncodeError | undefined, second: EncodeError | undefined): EncodeError | undefined {
  if (!first) return second;
  if (!second) return first;
  return { message: `${first.message}; ${second.message}`, hint: first.hint ?? second.hint };
}

// ---------------------------------------------------------------------------
// Register lists

/** Number of registers in a 16-bit list mask. */
export function registerCount(mask: number): number {
  let value = mask & 0xffff;
  value = value - ((value >>> 1) & 0x5555);
  value = (value & 0x3333) + ((value >>> 2) & 0x3333);
  value = (value + (value >>> 4)) & 0x0f0f;
  return (value + (value >>> 8)) & 0x1f;
}

/** The lowest register in a non-empty mask. */
export function lowestRegister(mask: number): Register {
  return 31 - Math.clz32(mask & -mask);
}
