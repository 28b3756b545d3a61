/**
 * Operand encoders and decoders shared by the A32 class modules.
 *
 * Every "cannot encode" message of the non-memory instruction classes is
 * written here, once, in plain words, so the assembler reports the same text
 * for the same problem whichever instruction met it.
 */
import {
  CONDITIONS,
  type Condition,
  type EncodeError,
  type EncodeResult,
  type Instruction,
  type Operand,
  type Register,
  type Shift,
  type ShiftType,
} from './types';

// ---------------------------------------------------------------------------
// Conditions

const CONDITION_CODES: Record<Condition, number> = {
  eq: 0, ne: 1, cs: 2, cc: 3, mi: 4, pl: 5, vs: 6, vc: 7,
  hi: 8, ls: 9, ge: 10, lt: 11, gt: 12, le: 13, al: 14,
};

/** The cond field (bits 31:28) of an instruction's condition, already shifted into place. */
export function conditionBits(condition: Condition): number {
  return (CONDITION_CODES[condition] << 28) >>> 0;
}

/** The condition of a word; `al` for the unconditional (0b1111) space. */
export function conditionOf(word: number): Condition {
  return CONDITIONS[word >>> 28] ?? 'al';
}

/** Whether the word's S bit (bit 20) is set. */
export function setFlagsBit(word: number): boolean {
  return (word & 0x0010_0000) !== 0;
}

// ---------------------------------------------------------------------------
// Results

/**
 * One success object, refilled by every call: the assembler encodes each line
 * of a file through here, and the table's encodeInstruction reads the result
 * at once (copying it into its own). A row's `encode` result is valid until
 * the next encode; callers that keep one must copy it (as `{ ...result }`).
 */
const SUCCESS: { ok: true; word: number; warning: EncodeError | undefined } = { ok: true, word: 0, warning: undefined };

export function encoded(word: number, warning?: EncodeError): EncodeResult {
  SUCCESS.word = word >>> 0;
  SUCCESS.warning = warning;
  return SUCCESS;
}

export function failure(message: string, operandIndex?: number, hint?: string): EncodeResult {
  const error: EncodeError = { message };
  if (hint !== undefined) error.hint = hint;
  if (operandIndex !== undefined) error.operandIndex = operandIndex;
  return { ok: false, error };
}

export function hex(value: number): string {
  return '0x' + (value >>> 0).toString(16);
}

// ---------------------------------------------------------------------------
// Operand shapes

export function isRegister(operand: Operand | undefined): operand is Extract<Operand, { kind: 'register' }> {
  return operand !== undefined && operand.kind === 'register' && operand.writeback !== true && (operand.register & 15) === operand.register;
}

export function isImmediate(operand: Operand | undefined): operand is Extract<Operand, { kind: 'immediate' }> {
  return operand !== undefined && operand.kind === 'immediate' && Number.isFinite(operand.value);
}

export function isShift(operand: Operand | undefined): operand is Extract<Operand, { kind: 'shift' }> {
  return operand !== undefined && operand.kind === 'shift';
}

export function isAddress(operand: Operand | undefined): operand is Extract<Operand, { kind: 'address' }> {
  return operand !== undefined && operand.kind === 'address';
}

/** The register number of operand `index` (callers have checked the shape with `accepts`). */
export function registerAt(instruction: Instruction, index: number): Register {
  const operand = instruction.operands[index];
  return operand !== undefined && operand.kind === 'register' ? operand.register & 15 : 0;
}

/** The immediate value of operand `index`, as an unsigned 32-bit number. */
export function immediateAt(instruction: Instruction, index: number): number {
  const operand = instruction.operands[index];
  if (operand === undefined) return 0;
  if (operand.kind === 'immediate' || operand.kind === 'address' || operand.kind === 'literal') return operand.value >>> 0;
  return 0;
}

/** The immediate value of operand `index` as written (signed, for range checks). */
export function signedImmediateAt(instruction: Instruction, index: number): number {
  const operand = instruction.operands[index];
  return operand !== undefined && operand.kind === 'immediate' ? operand.value : 0;
}

const REGISTER_OPERANDS: readonly Operand[] = Array.from({ length: 16 }, (_, register) =>
  Object.freeze({ kind: 'register' as const, register }),
);

/** A shared, frozen register operand for decoders (no allocation per decode). */
export function registerOperand(register: Register): Operand {
  return REGISTER_OPERANDS[register & 15];
}

export function immediateOperand(value: number): Operand {
  return { kind: 'immediate', value: value >>> 0 };
}

export function instruction(mnemonic: string, word: number, setFlags: boolean, operands: Operand[]): Instruction {
  return { mnemonic, condition: conditionOf(word), setFlags, operands };
}

// ---------------------------------------------------------------------------
// Registers

export const PC = 15;

/** GNU `as`: "r15 not allowed here". */
export function pcNotAllowed(operandIndex: number): EncodeResult {
  return failure('pc (r15) cannot be used here', operandIndex, 'use another register; r15 is the program counter');
}

/** GNU `as` warns "using r15 results in unpredictable behaviour". */
export const PC_UNPREDICTABLE: EncodeError = {
  message: 'using pc (r15) here gives unpredictable results',
  hint: 'use a general register r0-r12 instead',
};

/** GNU `as` warns "rdhi and rdlo must be different" for the long multiplies. */
export const SAME_HALVES: EncodeError = {
  message: 'the low and high destination registers must be different',
  hint: 'with RdLo = RdHi the result is unpredictable; pick two registers',
};

/** GNU `as` rejects pc in every register operand of some classes: the error for the first, or undefined. */
export function rejectPc(instruction: Instruction): EncodeResult | undefined {
  const { operands } = instruction;
  for (let index = 0; index < operands.length; index++) {
    const operand = operands[index];
    if (operand.kind === 'register' && operand.register === PC) return pcNotAllowed(index);
  }
  return undefined;
}

/** The index of the first operand among `indices` that names pc, or -1. */
export function pcOperandIndex(instruction: Instruction, indices: readonly number[]): number {
  for (const index of indices) {
    const operand = instruction.operands[index];
    if (operand !== undefined && operand.kind === 'register' && operand.register === PC) return index;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// Modified (rotated 8-bit) immediates

function rotateLeft(value: number, amount: number): number {
  return amount === 0 ? value >>> 0 : ((value << amount) | (value >>> (32 - amount))) >>> 0;
}

export function rotateRight(value: number, amount: number): number {
  amount &= 31;
  return amount === 0 ? value >>> 0 : ((value >>> amount) | (value << (32 - amount))) >>> 0;
}

/**
 * The 12-bit field (rotate:imm8) for a modified immediate, or undefined when
 * the value has no encoding. Picks the smallest rotation, as GNU `as` does.
 */
export function encodeModifiedImmediate(value: number): number | undefined {
  value >>>= 0;
  for (let rotation = 0; rotation < 32; rotation += 2) {
    const byte = rotateLeft(value, rotation);
    if (byte <= 0xff) return byte | (rotation << 7);
  }
  return undefined;
}

/** The 32-bit value a 12-bit modified-immediate field stands for. */
export function decodeModifiedImmediate(field: number): number {
  return rotateRight(field & 0xff, ((field >>> 8) & 15) * 2);
}

/** The error for a constant with no rotated 8-bit encoding. */
export function unencodableConstant(value: number, operandIndex: number, destination?: Register): EncodeResult {
  const written = hex(value);
  const target = destination === undefined ? 'r0' : registerName(destination);
  return failure(
    `${written} cannot be encoded as a rotated 8-bit immediate`,
    operandIndex,
    `use \`ldr ${target}, =${written}\` or \`movw\`/\`movt\` to load it into a register first`,
  );
}

export function registerName(register: Register): string {
  return register === 13 ? 'sp' : register === 14 ? 'lr' : register === 15 ? 'pc' : `r${register}`;
}

// ---------------------------------------------------------------------------
// Shifts

const SHIFT_TYPES: readonly ShiftType[] = ['lsl', 'lsr', 'asr', 'ror'];
const SHIFT_CODES: Record<ShiftType, number> = { lsl: 0, lsr: 1, asr: 2, ror: 3, rrx: 3 };

export function shiftCode(type: ShiftType): number {
  return SHIFT_CODES[type];
}

export function shiftTypeOf(code: number): ShiftType {
  return SHIFT_TYPES[code & 3];
}

/**
 * Bits 11:5 (imm5 and type) of a shift-by-immediate, or an error. `amount`
 * follows GNU `as`: lsl 0..31, lsr/asr 0..32 (0 means no shift), ror 0..31
 * (0 means no shift), rrx none. A zero shift encodes as `lsl #0`.
 */
export function encodeImmediateShift(type: ShiftType, amount: number, operandIndex: number): number | EncodeResult {
  if (type === 'rrx') return 3 << 5;
  const limit = type === 'lsr' || type === 'asr' ? 32 : 31;
  if (!Number.isInteger(amount) || amount < 0 || amount > limit) {
    return failure(
      `shift amount ${amount} is out of range for ${type}`,
      operandIndex,
      `${type} takes #0 to #${limit}`,
    );
  }
  if (amount === 0) return 0;
  return ((amount & 31) << 7) | (SHIFT_CODES[type] << 5);
}

/** The shift operand for a shift-by-immediate field, or undefined for `lsl #0` (no shift). */
export function decodeImmediateShift(typeCode: number, imm5: number): Shift | undefined {
  switch (typeCode & 3) {
    case 0:
      return imm5 === 0 ? undefined : { type: 'lsl', amount: imm5 };
    case 1:
      return { type: 'lsr', amount: imm5 === 0 ? 32 : imm5 };
    case 2:
      return { type: 'asr', amount: imm5 === 0 ? 32 : imm5 };
    default:
      return imm5 === 0 ? { type: 'rrx' } : { type: 'ror', amount: imm5 };
  }
}

/** Whether a shift operand is a shift by register (`lsl r2`). */
export function isRegisterShift(operand: Operand | undefined): boolean {
  if (!isShift(operand)) return false;
  const { register, type } = operand.shift;
  return register !== undefined && type !== 'rrx' && (register & 15) === register;
}

/** Whether a shift operand is a shift by immediate (or `rrx`). */
export function isImmediateShift(operand: Operand | undefined): boolean {
  return isShift(operand) && (operand.shift.register === undefined || operand.shift.type === 'rrx');
}

// ---------------------------------------------------------------------------
// Plain immediate fields

/** An unsigned immediate that must lie in [minimum, maximum]; returns the value or an error. */
export function checkRange(
  value: number,
  minimum: number,
  maximum: number,
  operandIndex: number,
  what: string,
): number | EncodeResult {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    return failure(
      `${what} ${value < 0x100 ? value : hex(value)} is out of range`,
      operandIndex,
      `${what} must be between ${minimum} and ${maximum < 256 ? maximum : hex(maximum)}`,
    );
  }
  return value;
}

/** The error when the condition suffix is not allowed (`bkptne`). */
export function cannotBeConditional(mnemonic: string): EncodeResult {
  return failure(`'${mnemonic}' cannot be conditional`, undefined, `write \`${mnemonic}\` without a condition`);
}
