/**
 * The block compiler: decoded instructions from one straight run of code
 * (up to the first unconditional branch, PC write, trap, breakpoint or
 * MAX_BLOCK_LENGTH; unconditional direct branches are followed) become one
 * JavaScript function (the text comes from block-emitter.ts). Guest registers
 * are JS locals, written back at every exit; a block whose branch returns to
 * its own start loops inside the function while the budget lasts.
 *
 * A block function is `(cpu, R, m, budget) => BLOCK_*`: it runs at most
 * `budget` instructions, adds what it ran to `cpu.steps`, leaves the next PC
 * in `R[15]` and, on a fault, PC at the faulting instruction.
 */
import { BLOCK_FAULT, constant, hex } from './codegen-context';
import { emitBlock, FAULT_UNDEFINED, SINGLE_EPILOGUE, SINGLE_PROLOGUE, type InstructionSource } from './block-emitter';
import * as helpers from './helpers';
import { emitRegion } from './region-emitter';

export { FAULT_ALIGNMENT, FAULT_THUMB, FAULT_UNDEFINED, FAULT_UNPREDICTABLE, MAX_BLOCK_LENGTH, type InstructionSource } from './block-emitter';

export type BlockFunction = (cpu: unknown, registers: Int32Array, memory: unknown, budget: number) => number;

export interface CompiledBlock {
  run: BlockFunction;
  /** Instructions in one pass (the most a call runs without looping). */
  length: number;
  source: string;
}

/** Compiles the block starting at `start` (stepping compiles single instructions in groups: compileSingles). */
export function compileBlock(start: number, source: InstructionSource): CompiledBlock {
  const { body, length } = emitBlock(start, source, false);
  const text = `return function block_${start.toString(16)}(cpu, R, m, budget) {\n${body}\n};`;
  return { run: instantiate(text, start), length, source: text };
}

export interface CompiledRegion {
  run: BlockFunction;
  /** The addresses the function may be entered at (it starts at `R[15]`), and each block's length. */
  entries: number[];
  lengths: number[];
  source: string;
}

/** Compiles the region of code reachable from `entry` into one function (see region-emitter.ts). */
export function compileRegion(entry: number, source: InstructionSource): CompiledRegion {
  const { body, entries, lengths } = emitRegion(entry, source);
  const text = `return function region_${(entry >>> 0).toString(16)}(cpu, R, m, budget) {\n${body}\n};`;
  return { run: instantiate(text, entry), entries, lengths, source: text };
}

/**
 * Single-instruction functions for many addresses at once: one JavaScript
 * function with a case per address (creating functions has a fixed cost, so
 * stepping through new code pays it once per group). Returns a function per
 * address, in order; undefined where nothing is executable.
 */
export function compileSingles(addresses: readonly number[], source: InstructionSource): (BlockFunction | undefined)[] {
  const cases: string[] = [];
  addresses.forEach((address, index) => {
    const entry = source.instructionAt(address);
    // Undecodable words need no code: the CPU reports them itself (Cpu.run).
    if (!entry || 'problem' in entry) return;
    cases.push(`case ${index}: {\n${emitBlock(address, source, true).body}\n}`);
  });
  const text = `return function singles_${(addresses[0] ?? 0).toString(16)}(cpu, R, m, budget, k) {\n${SINGLE_PROLOGUE}\nswitch (k) {\n${cases.join('\n')}\ndefault: return ${BLOCK_FAULT};\n}\n${SINGLE_EPILOGUE}\n};`;
  const group = instantiate(text, addresses[0] ?? 0) as (cpu: unknown, registers: Int32Array, memory: unknown, budget: number, index: number) => number;
  return addresses.map((address, index) => (isInstruction(source, address) ? (cpu, registers, memory, budget) => group(cpu, registers, memory, budget, index) : undefined));
}

function isInstruction(source: InstructionSource, address: number): boolean {
  const entry = source.instructionAt(address);
  return entry !== undefined && !('problem' in entry);
}

/** Turns generated text into a function; a generator bug becomes a fault at the block's address, never a host exception. */
function instantiate(text: string, address: number): BlockFunction {
  try {
    return (new Function('H', text) as (helperModule: typeof helpers) => BlockFunction)(helpers);
  } catch (error) {
    const message = JSON.stringify(`internal error: Sherwood could not compile the code at ${hex(address)} (${error instanceof Error ? error.message : String(error)})`);
    return new Function(`return function (cpu, R) { R[15] = ${constant(address)}; cpu.setFault(${FAULT_UNDEFINED}, 0, ${message}, 0); return ${BLOCK_FAULT}; };`)() as BlockFunction;
  }
}
