/**
 * What an instruction's code generator sees while the block compiler turns
 * decoded instructions into one JavaScript function per basic block.
 *
 * Conventions of the generated code: guest registers live in locals `r0`..`r14`
 * (loaded on entry, written back to `R` at every exit); flags in `n z c v`
 * (0/1); PC reads are constants (address + 8); temporaries `t x y s a`;
 * `m` is the memory bus, `H` the helpers module, `cpu` the Cpu.
 */
import type { Condition } from '../isa/types';
import type { CallChecker } from './interfaces';

/** Block function results. */
export const BLOCK_CONTINUE = 0;
export const BLOCK_TRAP = 1;
export const BLOCK_FAULT = 2;
export const BLOCK_WATCH = 3;
/** A return brought the call depth below `cpu.stopBelowDepth` (step over / step out). */
export const BLOCK_RETURNED = 4;
/** A checker reported a diagnostic and asked to pause after this instruction. */
export const BLOCK_DIAGNOSTIC = 5;

export interface EmitContext {
  readonly address: number;
  readonly word: number;
  /** Expression reading register `n` (PC reads as address + 8). */
  read(register: number): string;
  /** Statement assigning an expression to register `n` (0..14). */
  write(register: number, expression: string): string;
  /** Statement: stop before this instruction because the memory bus reported a fault. */
  memoryFault(): string;
  /** Statement: this instruction is complete; continue at the target expression. */
  jump(target: string, code?: number): string;
  /** Statement: continue at a constant address (self-loops become JS loops). */
  jumpConstant(target: number): string;
  /** Statement: stop before this instruction with a CPU fault. */
  raise(type: 'undefined' | 'unpredictable' | 'thumb' | 'alignment', message: string, detail?: string): string;
  /** Statement: write PC with interworking (BXWritePC): odd -> Thumb fault. */
  branchExchange(target: string): string;
  /** Uses the flag locals (so they are loaded and written back). */
  useFlags(): void;
  /** The diagnostics' call hook the code is compiled for (`cpu.checker`; code is recompiled when it changes), or undefined. */
  readonly checker: CallChecker | undefined;
  /** With a checker: the callee-saved registers (4..11) the program may change, saved at calls and compared at returns. */
  readonly savedRegisters: readonly number[];
}

/** The generated code for one instruction. */
export interface Emitted {
  code: string;
  /** Control may leave the block here (branch, PC write, trap, fault): the block ends. */
  endsBlock: boolean;
  /** The instruction stores to memory (watchpoints are checked after it). */
  stores?: boolean;
}

const CONDITION_EXPRESSIONS: Record<Condition, string> = {
  eq: 'z !== 0',
  ne: 'z === 0',
  cs: 'c !== 0',
  cc: 'c === 0',
  mi: 'n !== 0',
  pl: 'n === 0',
  vs: 'v !== 0',
  vc: 'v === 0',
  hi: '(c !== 0 && z === 0)',
  ls: '(c === 0 || z !== 0)',
  ge: 'n === v',
  lt: 'n !== v',
  gt: '(z === 0 && n === v)',
  le: '(z !== 0 || n !== v)',
  al: 'true',
};

export function conditionExpression(condition: Condition): string {
  return CONDITION_EXPRESSIONS[condition] ?? 'true';
}

/** Flag updates after a logical result in `t` (N, Z; C when the shifter produced one). */
export function logicalFlags(carry: string | undefined): string {
  return `n = t >>> 31; z = t === 0 ? 1 : 0;${carry === undefined ? '' : ` c = ${carry};`}`;
}

export function hex(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

/** A JS literal for a signed 32-bit constant. */
export function constant(value: number): string {
  const signed = value | 0;
  return signed < 0 ? `(${signed})` : String(signed);
}
