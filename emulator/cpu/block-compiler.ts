/**
 * The block compiler: decoded instructions from one straight run of code
 * (up to the first branch, PC write, trap, breakpoint or MAX_BLOCK_LENGTH)
 * become one JavaScript function. Guest registers are JS locals, written back
 * at every exit; a block whose last instruction branches to its own start
 * loops inside the function while the budget lasts.
 *
 * A block function is `(cpu, R, m, budget) => BLOCK_*`: it runs at most
 * `budget` instructions, adds what it ran to `cpu.steps`, leaves the next PC
 * in `R[15]` and, on a fault, PC at the faulting instruction.
 */
import type { Instruction } from '../isa/types';
import {
  BLOCK_CONTINUE,
  BLOCK_FAULT,
  BLOCK_RETURNED,
  BLOCK_WATCH,
  conditionExpression,
  constant,
  hex,
  type EmitContext,
  type Emitted,
} from './codegen-context';
import { DATA_PROCESSING_MNEMONICS, emitDataProcessing } from './codegen-data-processing';
import { emitMemory, MEMORY_MNEMONICS } from './codegen-memory';
import { emitOther, OTHER_MNEMONICS } from './codegen-other';
import * as helpers from './helpers';

export type BlockFunction = (cpu: unknown, registers: Int32Array, memory: unknown, budget: number) => number;

export const MAX_BLOCK_LENGTH = 128;

/** Fault kinds passed from generated code to `Cpu.setFault`. */
export const FAULT_UNDEFINED = 0;
export const FAULT_UNPREDICTABLE = 1;
export const FAULT_THUMB = 2;
export const FAULT_ALIGNMENT = 3;
const FAULT_CODES = { undefined: FAULT_UNDEFINED, unpredictable: FAULT_UNPREDICTABLE, thumb: FAULT_THUMB, alignment: FAULT_ALIGNMENT };

const WRITEBACK = '/*writeback*/';
const LENGTH = '/*length*/';

/** Where the compiler gets instructions from: decoded (cached) per address, or a reason it cannot run. */
export interface InstructionSource {
  /** The instruction at an executable address; a string explains an undecodable word; undefined when not executable. */
  instructionAt(address: number): { instruction: Instruction; word: number } | { word: number; problem: string } | undefined;
  /** True when a breakpoint sits at the address (blocks stop before it). */
  breakpointAt(address: number): boolean;
}

export interface CompiledBlock {
  run: BlockFunction;
  /** Instructions in one pass (the most a call runs without looping). */
  length: number;
  source: string;
}

const emitters: [Set<string>, (instruction: Instruction, context: EmitContext) => Emitted | undefined][] = [
  [DATA_PROCESSING_MNEMONICS, emitDataProcessing],
  [MEMORY_MNEMONICS, emitMemory],
  [OTHER_MNEMONICS, emitOther],
];

function emitInstruction(instruction: Instruction, context: EmitContext): Emitted | undefined {
  for (const [mnemonics, emit] of emitters) {
    if (mnemonics.has(instruction.mnemonic)) return emit(instruction, context);
  }
  return undefined;
}

/** Compiles the block starting at `start`; `single` compiles exactly one instruction (stepping). */
/** The body text of the block function starting at `start` (statements, with its own `let`s). */
export function emitBlock(start: number, source: InstructionSource, single: boolean): { body: string; length: number } {
  const used = new Set<number>();
  const written = new Set<number>();
  const visited = new Set<number>();
  let flags = false;
  let loops = false;
  let length = 0;
  const parts: string[] = [];
  const limit = single ? 1 : MAX_BLOCK_LENGTH;
  const exit = (pc: string, code: number, completed: number | string): string =>
    `{ ${WRITEBACK} cpu.steps += count + ${completed}; R[15] = ${pc}; return ${code}; }`;
  const loopsTo = (target: number): boolean => target === start && !single && !source.breakpointAt(start);
  const loopJump = (completed: number): string => {
    loops = true;
    return `{ count += ${completed}; if (count + ${LENGTH} <= budget) continue; ${exit(constant(start), BLOCK_CONTINUE, 0)} }`;
  };

  let address = start;
  while (length < limit) {
    if (length > 0 && (source.breakpointAt(address) || visited.has(address))) break;
    const entry = source.instructionAt(address);
    if (!entry) break;
    visited.add(address);
    const index = length;
    const here = address;
    const unconditional = !('instruction' in entry) || entry.instruction.condition === 'al';
    let follow: number | undefined;
    let closesLoop = false;
    const context: EmitContext = {
      address: here,
      word: entry.word,
      read(register) {
        if (register === 15) return constant(here + 8);
        used.add(register);
        return `r${register}`;
      },
      write(register, expression) {
        if (register === 15) return this.branchExchange(expression);
        used.add(register);
        written.add(register);
        return `r${register} = ${expression};`;
      },
      memoryFault: () => exit(constant(here), BLOCK_FAULT, index),
      jump: (target, code = BLOCK_CONTINUE) => exit(target, code, index + 1),
      jumpConstant(target) {
        if (loopsTo(target)) {
          closesLoop = true;
          return loopJump(index + 1);
        }
        // An unconditional direct branch: keep compiling at its target.
        if (unconditional && !single && length + 1 < limit && !visited.has(target) && !source.breakpointAt(target) && source.instructionAt(target)) {
          follow = target;
          return '';
        }
        return exit(constant(target), BLOCK_CONTINUE, index + 1);
      },
      raise(type, message, detail = '0') {
        return `{ ${WRITEBACK} cpu.steps += count + ${index}; R[15] = ${constant(here)}; cpu.setFault(${FAULT_CODES[type]}, ${constant(entry.word)}, ${JSON.stringify(message)}, ${detail}); return ${BLOCK_FAULT}; }`;
      },
      branchExchange(target) {
        return `{ y = ${target}; if ((y & 1) !== 0) ${this.raise('thumb', 'Thumb state is not supported', 'y')} if ((y & 2) !== 0) ${this.raise('unpredictable', 'branch to an address that is not a multiple of 4', 'y')} if (y === cpu.returnTop && cpu.popCall() !== 0) ${exit('y', BLOCK_RETURNED, index + 1)} ${exit('y', BLOCK_CONTINUE, index + 1)} }`;
      },
      useFlags() {
        flags = true;
      },
    };
    let emitted: Emitted | undefined;
    if ('problem' in entry) {
      emitted = { code: context.raise('undefined', entry.problem), endsBlock: true };
    } else {
      emitted = emitInstruction(entry.instruction, context) ?? {
        code: context.raise('undefined', `${entry.instruction.mnemonic} (${hex(entry.word)}) is not supported by the emulator`),
        endsBlock: true,
      };
      if (!unconditional) {
        context.useFlags();
        emitted = { ...emitted, code: `if (${conditionExpression(entry.instruction.condition)}) { ${emitted.code} }` };
      }
    }
    parts.push(`/* ${hex(here)} */ ${emitted.code}`);
    if (emitted.stores) parts.push(`if (w !== 0) ${exit(constant(here + 4), BLOCK_WATCH, index + 1)}`);
    length++;
    if (follow !== undefined) {
      address = follow;
      continue;
    }
    address = (address + 4) >>> 0;
    // A loop's closing branch ends the block: the JS loop stays small.
    if (closesLoop) break;
    // A conditional branch, trap or fault exits only when taken: compilation goes on past it.
    if (emitted.endsBlock && unconditional) {
      address = -1;
      break;
    }
  }
  if (address >= 0) parts.push(loopsTo(address) ? loopJump(length) : exit(constant(address), BLOCK_CONTINUE, length));

  const registers = [...used].sort((a, b) => a - b);
  const load = registers.map((register) => `r${register} = R[${register}]`);
  const store = [...written].sort((a, b) => a - b).map((register) => `R[${register}] = r${register};`);
  if (flags) store.push('cpu.n = n; cpu.z = z; cpu.c = c; cpu.v = v;');
  const writeback = store.join(' ');
  let body = parts.join('\n').split(WRITEBACK).join(writeback).split(LENGTH).join(String(length));
  const temporaries = Array.from({ length: 15 }, (_, register) => `x${register}`).filter((name) => body.includes(name + ' ='));
  const declarations = [
    ...load,
    ...(flags ? ['n = cpu.n', 'z = cpu.z', 'c = cpu.c', 'v = cpu.v'] : []),
    't = 0', 'x = 0', 'y = 0', 's = 0', 'a = 0', 'w = 0', 'count = 0',
    ...temporaries.map((name) => `${name} = 0`),
  ];
  if (loops) body = `for (;;) {\n${body}\n}`;
  return { body: `let ${declarations.join(', ')};\n${body}`, length };
}

/** Compiles the block starting at `start`; `single` compiles exactly one instruction (stepping). */
export function compileBlock(start: number, source: InstructionSource, single: boolean): CompiledBlock {
  const { body, length } = emitBlock(start, source, single);
  const text = `return function block_${start.toString(16)}(cpu, R, m, budget) {\n${body}\n};`;
  return { run: instantiate(text, start), length, source: text };
}

/**
 * Single-instruction functions for many addresses at once: one JavaScript
 * function with a case per address (creating functions is the expensive
 * part of compiling, so stepping through new code pays it once per group).
 * Returns a function per address, in order; undefined where nothing is executable.
 */
export function compileSingles(addresses: readonly number[], source: InstructionSource): (BlockFunction | undefined)[] {
  const cases: string[] = [];
  addresses.forEach((address, index) => {
    if (!source.instructionAt(address)) return;
    cases.push(`case ${index}: {\n${emitBlock(address, source, true).body}\n}`);
  });
  const text = `return function singles_${(addresses[0] ?? 0).toString(16)}(cpu, R, m, budget, k) {\nswitch (k) {\n${cases.join('\n')}\n}\nreturn ${BLOCK_FAULT};\n};`;
  const group = instantiate(text, addresses[0] ?? 0) as (cpu: unknown, registers: Int32Array, memory: unknown, budget: number, index: number) => number;
  return addresses.map((address, index) => (source.instructionAt(address) ? (cpu, registers, memory, budget) => group(cpu, registers, memory, budget, index) : undefined));
}

/** Turns generated text into a function; a generator bug becomes a fault at the block's address, never a host exception. */
function instantiate(text: string, address: number): BlockFunction {
  try {
    return (new Function('H', text) as (helperModule: typeof helpers) => BlockFunction)(helpers);
  } catch (error) {
    const message = JSON.stringify(`internal error: Sherwood could not compile the code at ${hex(address)} (${error instanceof Error ? error.message : String(error)})`);
    return new Function('R', 'c', `return function (cpu, R) { R[15] = ${constant(address)}; cpu.setFault(${FAULT_UNDEFINED}, 0, ${message}, 0); return ${BLOCK_FAULT}; };`)() as BlockFunction;
  }
}
