/**
 * The shared vocabulary of the A32 instruction set: operands, decoded
 * instructions and instruction-table rows.
 *
 * One shape serves both directions. The assembler parses source text into an
 * `Instruction` (operand expressions already evaluated to numbers) and asks the
 * matching row to encode it; the disassembler and the CPU decode a word into
 * the same `Instruction` via the row that matches it. So for every row,
 * `decode(encode(i))` is `i` (up to documented alias choices).
 */

/** Register number 0..15 (13 = sp, 14 = lr, 15 = pc). */
export type Register = number;

/** The 15 usable condition codes plus `al`. Index = the 4-bit cond field. */
export const CONDITIONS = [
  'eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc',
  'hi', 'ls', 'ge', 'lt', 'gt', 'le', 'al',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export type ShiftType = 'lsl' | 'lsr' | 'asr' | 'ror' | 'rrx';

/** A shift applied to a register operand: `lsl #3`, `asr r2`, `rrx`. */
export interface Shift {
  type: ShiftType;
  /** Immediate amount (0..32 as written; `rrx` has none). */
  amount?: number;
  /** Shift-by-register form. */
  register?: Register;
}

/** Offset part of a memory operand. */
export type MemoryOffset =
  | { kind: 'immediate'; value: number; subtract: boolean }
  | { kind: 'register'; register: Register; subtract: boolean; shift?: Shift };

export type Operand =
  /** `r3`; `sp!` as an LDM/STM base sets `writeback`. */
  | { kind: 'register'; register: Register; writeback?: boolean }
  /** `#expr`; value is the evaluated number (may be negative). `relocation` marks `#:lower16:x`. */
  | { kind: 'immediate'; value: number; relocation?: 'lower16' | 'upper16' }
  /** A shift that follows a register operand: `lsl #2`, `ror r1`, `rrx`. */
  | { kind: 'shift'; shift: Shift }
  /**
   * `[rn]`, `[rn, #off]`, `[rn, #off]!` (pre + writeback), `[rn], #off` (post),
   * with register offsets and shifts.
   */
  | { kind: 'memory'; base: Register; offset?: MemoryOffset; indexing: 'offset' | 'pre' | 'post' }
  /** `{r0, r4-r6, lr}` as a 16-bit mask; `^` sets `userMode`. */
  | { kind: 'registerList'; mask: number; userMode?: boolean }
  /** A bare expression naming an address: branch targets, `adr`, `ldr r0, label`. Absolute value. */
  | { kind: 'address'; value: number }
  /** `=expr` of the `ldr rX, =expr` pseudo-instruction (the assembler turns it into mov/mvn or a pool load). */
  | { kind: 'literal'; value: number }
  /** `apsr_nzcvq`, `cpsr_f`, `apsr`, `cpsr` for MRS/MSR. */
  | { kind: 'statusRegister'; name: 'apsr' | 'cpsr' | 'spsr'; fields: string };

/** An instruction as the assembler builds it or the decoder recovers it. */
export interface Instruction {
  /** Base mnemonic, lower case, no condition or S: 'add', 'ldr', 'ldrb', 'stmdb', 'push', 'b'. */
  mnemonic: string;
  condition: Condition;
  /** The S suffix (flag-setting) where the row allows it. */
  setFlags: boolean;
  operands: Operand[];
}

/** What a row needs to know about where the instruction sits. */
export interface EncodeContext {
  /** Address of this instruction (PC reads as address + 8). */
  address: number;
}

/** A plain-words failure to encode, owned by the operand encoder that found it. */
export interface EncodeError {
  message: string;
  hint?: string;
  /** Which operand (0-based) is at fault, for the column of the diagnostic. */
  operandIndex?: number;
}

/**
 * `warning` (optional) carries what GNU `as` reports as a warning while still
 * emitting the word, e.g. unpredictable use of pc.
 */
export type EncodeResult = { ok: true; word: number; warning?: EncodeError } | { ok: false; error: EncodeError };

/** The instruction classes, one module each. */
export type InstructionClass =
  | 'data-processing'
  | 'multiply'
  | 'miscellaneous'
  | 'branch'
  | 'load-store'
  | 'load-store-multiple'
  | 'system';

/**
 * One encoding form of one (or a family of) mnemonics: the unit of the table.
 *
 * A word belongs to the row when `(word & mask) === bits` (the cond field is
 * excluded from both). Where two rows both match, the one with the higher
 * `priority` wins; a unit test proves every other overlap absent.
 */
export interface InstructionRow {
  /** Unique id, e.g. 'add-immediate', 'ldr-register'. */
  id: string;
  class: InstructionClass;
  /** Base mnemonics this row encodes (e.g. ['add']). */
  mnemonics: readonly string[];
  /** Whether the S suffix is allowed. */
  allowsSetFlags: boolean;
  /** Whether a condition code is allowed (false for unconditional encodings). */
  conditional: boolean;
  /** Assembly template for docs and editor help, e.g. 'add{s}{<c>} <Rd>, <Rn>, #<const>'. */
  syntax: string;
  /** One-line description for hover help. */
  doc: string;
  bits: number;
  mask: number;
  priority?: number;
  /**
   * Optional: false for a word that bits/mask admit but the row does not own
   * (an encoding hole a mask cannot express, e.g. MSR with an empty field
   * mask). findRow then treats the row as not matching.
   */
  owns?(word: number): boolean;
  /**
   * Does this row accept this operand shape? Used to pick the row for an
   * instruction before encoding (so the error comes from the right form).
   */
  accepts(instruction: Instruction): boolean;
  encode(instruction: Instruction, context: EncodeContext): EncodeResult;
  /** Recover the instruction from a word known to match. `address` resolves PC-relative forms. */
  decode(word: number, address: number): Instruction;
}
