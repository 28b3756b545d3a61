/**
 * Emits the body of one block function: the generated code of each decoded
 * instruction in turn (see codegen-context.ts for the conventions), its
 * exits, and the register loads and write-backs around them. One emitter
 * object serves every instruction of the block, so emitting allocates little.
 */
import type { Instruction } from '../isa/types';
import type { CallChecker } from './interfaces';
import {
  BLOCK_CONTINUE,
  BLOCK_DIAGNOSTIC,
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
import { CHECKER_LOCALS, emitOther, OTHER_MNEMONICS, returnCheck, savedRegisters } from './codegen-other';
import { emitExtra, EXTRA_MNEMONICS } from './codegen-extra';

export const MAX_BLOCK_LENGTH = 128;

/** Fault kinds passed from generated code to `Cpu.setFault`. */
export const FAULT_UNDEFINED = 0;
export const FAULT_UNPREDICTABLE = 1;
export const FAULT_THUMB = 2;
export const FAULT_ALIGNMENT = 3;
const FAULT_CODES = { undefined: FAULT_UNDEFINED, unpredictable: FAULT_UNPREDICTABLE, thumb: FAULT_THUMB, alignment: FAULT_ALIGNMENT };

const WRITEBACK = '/*writeback*/';
const LENGTH = '/*length*/';
const TEMPORARY = /\bx(\d+) = m\.read32/g;

/** Where the compiler gets instructions from: decoded (cached) per address, or a reason it cannot run. */
export interface InstructionSource {
  /** The instruction at an executable address; a string explains an undecodable word; undefined when not executable. */
  instructionAt(address: number): { instruction: Instruction; word: number } | { word: number; problem: string } | undefined;
  /** True when a breakpoint sits at the address (blocks stop before it). */
  breakpointAt(address: number): boolean;
  /** The diagnostics' call hook, when attached (code compiled without it has none). */
  readonly checker?: CallChecker;
  /** Bits 4..11: callee-saved registers the program's code may change (the AAPCS checks save and compare only those). */
  readonly calleeSavedWritten?: number;
}

function emitInstruction(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const mnemonic = instruction.mnemonic;
  if (DATA_PROCESSING_MNEMONICS.has(mnemonic)) return emitDataProcessing(instruction, context);
  if (MEMORY_MNEMONICS.has(mnemonic)) return emitMemory(instruction, context);
  if (OTHER_MNEMONICS.has(mnemonic)) return emitOther(instruction, context);
  if (EXTRA_MNEMONICS.has(mnemonic)) return emitExtra(instruction, context);
  return undefined;
}

class BlockEmitter implements EmitContext {
  readonly checker: CallChecker | undefined;
  readonly savedRegisters: readonly number[];
  address = 0;
  word = 0;
  /** Registers read or written (bit n = rn), and written. */
  used = 0;
  written = 0;
  flags = false;
  loops = false;
  length = 0;
  index = 0;
  unconditional = true;
  follow = -1;
  closesLoop = false;
  readonly visited = new Set<number>();
  readonly limit: number;

  constructor(
    readonly start: number,
    readonly source: InstructionSource,
    readonly single: boolean,
  ) {
    this.limit = single ? 1 : MAX_BLOCK_LENGTH;
    this.checker = source.checker;
    this.savedRegisters = this.checker === undefined ? [] : savedRegisters(source.calleeSavedWritten ?? 0xff0);
  }

  exit(pc: string, code: number, completed: number | string): string {
    // One instruction alone leaves through the shared exit after the switch of its group (SINGLE_EPILOGUE).
    if (this.single) return `{ p = ${pc}; e = ${code}; d = ${completed}; break; }`;
    return `{ ${WRITEBACK} cpu.steps += count + ${completed}; R[15] = ${pc}; return ${code}; }`;
  }

  loopsTo(target: number): boolean {
    return target === this.start && !this.single && !this.source.breakpointAt(this.start);
  }

  loopJump(completed: number): string {
    this.loops = true;
    return `{ count += ${completed}; if (count + ${LENGTH} <= budget) continue; ${this.exit(constant(this.start), BLOCK_CONTINUE, 0)} }`;
  }

  read(register: number): string {
    if (register === 15) return constant(this.address + 8);
    // One instruction alone works on R directly: no locals to load and write back (shorter text, cheaper to compile).
    if (this.single) return `R[${register}]`;
    this.used |= 1 << register;
    return `r${register}`;
  }

  write(register: number, expression: string): string {
    if (register === 15) return this.branchExchange(expression);
    if (this.single) return `R[${register}] = ${expression};`;
    this.used |= 1 << register;
    this.written |= 1 << register;
    return `r${register} = ${expression};`;
  }

  memoryFault(): string {
    return this.exit(constant(this.address), BLOCK_FAULT, this.index);
  }

  jump(target: string, code: number = BLOCK_CONTINUE): string {
    return this.exit(target, code, this.index + 1);
  }

  jumpConstant(target: number): string {
    if (this.loopsTo(target)) {
      this.closesLoop = true;
      return this.loopJump(this.index + 1);
    }
    // An unconditional direct branch: keep compiling at its target.
    const source = this.source;
    if (this.unconditional && !this.single && this.length + 1 < this.limit && !this.visited.has(target) && !source.breakpointAt(target) && source.instructionAt(target)) {
      this.follow = target;
      return '';
    }
    return this.exit(constant(target), BLOCK_CONTINUE, this.index + 1);
  }

  raise(type: keyof typeof FAULT_CODES, message: string, detail = '0'): string {
    const fault = `R[15] = ${constant(this.address)}; cpu.setFault(${FAULT_CODES[type]}, ${constant(this.word)}, ${JSON.stringify(message)}, ${detail});`;
    if (this.single) return `{ ${fault} ${this.exit(constant(this.address), BLOCK_FAULT, this.index)} }`;
    return `{ ${WRITEBACK} cpu.steps += count + ${this.index}; ${fault} return ${BLOCK_FAULT}; }`;
  }

  branchExchange(target: string): string {
    const done = this.index + 1;
    return `{ y = ${target}; if ((y & 1) !== 0) ${this.raise('thumb', 'Thumb state is not supported', 'y')} if ((y & 2) !== 0) ${this.raise('unpredictable', 'branch to an address that is not a multiple of 4', 'y')} if (y === cpu.returnTop) { ${this.returnCode(done)} } ${this.exit('y', BLOCK_CONTINUE, done)} }`;
  }

  /** At a return: the AAPCS check (when a checker is attached), the call stack's pop, and the stops either may ask for. */
  private returnCode(done: number): string {
    const check = returnCheck(this);
    const pop = `if (cpu.popCall() !== 0) ${this.exit('y', BLOCK_RETURNED, done)}`;
    if (check === '') return pop;
    return `let P = 0; ${check} ${pop} if (P !== 0) ${this.exit('y', BLOCK_DIAGNOSTIC, done)}`;
  }

  useFlags(): void {
    this.flags = true;
  }

  emit(): { body: string; length: number } {
    const { source } = this;
    const parts: string[] = [];
    let address = this.start;
    while (this.length < this.limit) {
      if (this.length > 0 && (source.breakpointAt(address) || this.visited.has(address))) break;
      const entry = source.instructionAt(address);
      if (!entry) break;
      this.visited.add(address);
      this.address = address;
      this.word = entry.word;
      this.index = this.length;
      this.unconditional = !('instruction' in entry) || entry.instruction.condition === 'al';
      this.follow = -1;
      this.closesLoop = false;
      let emitted: Emitted | undefined;
      if ('problem' in entry) {
        emitted = { code: this.raise('undefined', entry.problem), endsBlock: true };
      } else {
        emitted = emitInstruction(entry.instruction, this) ?? {
          code: this.raise('undefined', `${entry.instruction.mnemonic} (${hex(entry.word)}) is not supported by the emulator`),
          endsBlock: true,
        };
        if (!this.unconditional) {
          this.flags = true;
          emitted = { ...emitted, code: `if (${conditionExpression(entry.instruction.condition)}) { ${emitted.code} }` };
        }
      }
      parts.push(`/* ${hex(address)} */ ${emitted.code}`);
      if (emitted.stores) parts.push(`if (w !== 0) ${this.exit(constant(address + 4), BLOCK_WATCH, this.index + 1)}`);
      this.length++;
      if (this.follow >= 0) {
        address = this.follow;
        continue;
      }
      address = (address + 4) >>> 0;
      // A loop's closing branch ends the block: the JS loop stays small.
      if (this.closesLoop) break;
      // A conditional branch, trap or fault exits only when taken: compilation goes on past it.
      if (emitted.endsBlock && this.unconditional) {
        address = -1;
        break;
      }
    }
    if (address >= 0) parts.push(this.loopsTo(address) ? this.loopJump(this.length) : this.exit(constant(address), BLOCK_CONTINUE, this.length));

    // A single instruction is one case of a group function that declares the locals (SINGLE_PROLOGUE).
    if (this.single) return { body: parts.join('\n'), length: this.length };
    const declarations: string[] = [];
    let writeback = '';
    for (let register = 0; register < 15; register++) {
      if (this.used & (1 << register)) declarations.push(`r${register} = R[${register}]`);
      if (this.written & (1 << register)) writeback += `R[${register}] = r${register}; `;
    }
    if (this.flags) {
      declarations.push('n = cpu.n', 'z = cpu.z', 'c = cpu.c', 'v = cpu.v');
      writeback += 'cpu.n = n; cpu.z = z; cpu.c = c; cpu.v = v;';
    }
    if (this.checker !== undefined) declarations.push(CHECKER_LOCALS);
    declarations.push('t = 0', 'x = 0', 'y = 0', 's = 0', 'a = 0', 'w = 0', 'count = 0');
    let body = parts.join('\n');
    if (writeback !== '' || body.includes(WRITEBACK)) body = body.split(WRITEBACK).join(writeback);
    if (this.loops) body = body.split(LENGTH).join(String(this.length));
    const temporaries = new Set<string>();
    for (const match of body.matchAll(TEMPORARY)) temporaries.add(`x${match[1]} = 0`);
    declarations.push(...temporaries);
    if (this.loops) body = `for (;;) {\n${body}\n}`;
    return { body: `let ${declarations.join(', ')};\n${body}`, length: this.length };
  }
}

/** Locals and the shared exit around the cases of a group of single-instruction bodies (see compileSingles). */
export const SINGLE_PROLOGUE = `let ${CHECKER_LOCALS}, n = cpu.n, z = cpu.z, c = cpu.c, v = cpu.v, t = 0, x = 0, y = 0, s = 0, a = 0, w = 0, p = 0, e = ${BLOCK_FAULT}, d = 0, ${Array.from({ length: 15 }, (_, register) => `x${register} = 0`).join(', ')};`;
export const SINGLE_EPILOGUE = 'cpu.n = n; cpu.z = z; cpu.c = c; cpu.v = v; cpu.steps += d; R[15] = p; return e;';

/**
 * The body text of the block function starting at `start` (statements, with
 * its own `let`s); with `single`, the statements of one case of a group
 * (SINGLE_PROLOGUE declares their locals, every path ends in `break`).
 */
export function emitBlock(start: number, source: InstructionSource, single: boolean): { body: string; length: number } {
  return new BlockEmitter(start, source, single).emit();
}
