/**
 * Emits one JavaScript function for a whole region of code: every basic
 * block reachable from an entry through direct branches, calls and the
 * return points after calls (up to MAX_REGION_LENGTH instructions). Inside
 * the function a `for (;;) switch (pc)` moves between blocks with the guest
 * registers kept in JS locals, so a branch, a call or a predicted return
 * (`bx lr`, `pop {..., pc}` to an address in the region) costs one switch
 * instead of a trip through the dispatch loop with registers written back
 * and reloaded. Anything else (a target outside the region, a breakpoint, a
 * trap, a fault, a watchpoint, the budget) leaves the function as a block
 * does.
 *
 * Block boundaries are only known once the region is complete, so exits are
 * first written with markers (`@@address+k@@` = instructions completed,
 * counted from the enclosing block's start) and jumps to constant targets
 * as `@J target,address@`; both are resolved in a final pass.
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
import { FAULT_ALIGNMENT, FAULT_THUMB, FAULT_UNDEFINED, FAULT_UNPREDICTABLE, type InstructionSource } from './block-emitter';

/** The most instructions one region function holds (bounds compile time and function size). */
export const MAX_REGION_LENGTH = 768;

const FAULT_CODES = { undefined: FAULT_UNDEFINED, unpredictable: FAULT_UNPREDICTABLE, thumb: FAULT_THUMB, alignment: FAULT_ALIGNMENT };
const WRITEBACK = '/*writeback*/';
const COMPLETED = /@@(-?\d+)\+(\d)@@/g;
const JUMP = /@J(-?\d+),(\d+)@/g;
const TEMPORARY = /\bx(\d+) = m\.read32/g;

export interface EmittedRegion {
  body: string;
  /** Block starts (entry points) in the region, ascending, and the length of each block. */
  entries: number[];
  lengths: number[];
}

function emitInstruction(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const mnemonic = instruction.mnemonic;
  if (DATA_PROCESSING_MNEMONICS.has(mnemonic)) return emitDataProcessing(instruction, context);
  if (MEMORY_MNEMONICS.has(mnemonic)) return emitMemory(instruction, context);
  if (OTHER_MNEMONICS.has(mnemonic)) return emitOther(instruction, context);
  if (EXTRA_MNEMONICS.has(mnemonic)) return emitExtra(instruction, context);
  return undefined;
}

interface RegionInstruction {
  address: number;
  code: string;
  /** Control never falls through to the next address. */
  ends: boolean;
}

class RegionEmitter implements EmitContext {
  readonly checker: CallChecker | undefined;
  readonly savedRegisters: readonly number[];
  address = 0;
  word = 0;
  used = 0;
  written = 0;
  flags = false;
  /** Constant targets of the instruction being emitted. */
  private readonly targets: number[] = [];
  private readonly leaders = new Set<number>();
  private readonly scanned = new Map<number, RegionInstruction>();

  constructor(
    readonly entry: number,
    readonly source: InstructionSource,
  ) {
    this.checker = source.checker;
    this.savedRegisters = this.checker === undefined ? [] : savedRegisters(source.calleeSavedWritten ?? 0xff0);
  }

  /** Leaves the function through its one shared exit (registers written back once, after the loop). */
  private exit(pc: string, code: number, completed: number): string {
    return `{ count += @@${this.address}+${completed}@@; pc = ${pc}; e = ${code}; break dispatch; }`;
  }

  read(register: number): string {
    if (register === 15) return constant(this.address + 8);
    this.used |= 1 << register;
    return `r${register}`;
  }

  write(register: number, expression: string): string {
    if (register === 15) return this.branchExchange(expression);
    this.used |= 1 << register;
    this.written |= 1 << register;
    return `r${register} = ${expression};`;
  }

  memoryFault(): string {
    return this.exit(constant(this.address), BLOCK_FAULT, 0);
  }

  jump(target: string, code: number = BLOCK_CONTINUE): string {
    if (code !== BLOCK_CONTINUE) return this.exit(target, code, 1);
    return `{ count += @@${this.address}+1@@; pc = ${target}; continue dispatch; }`;
  }

  jumpConstant(target: number): string {
    this.targets.push(target | 0);
    return `@J${target | 0},${this.address}@`;
  }

  raise(type: keyof typeof FAULT_CODES, message: string, detail = '0'): string {
    // setFault reads the faulting PC from R[15]; the shared exit then writes the registers back.
    return `{ R[15] = ${constant(this.address)}; cpu.setFault(${FAULT_CODES[type]}, ${constant(this.word)}, ${JSON.stringify(message)}, ${detail}); ${this.exit(constant(this.address), BLOCK_FAULT, 0)} }`;
  }

  branchExchange(target: string): string {
    return `{ y = ${target}; if ((y & 1) !== 0) ${this.raise('thumb', 'Thumb state is not supported', 'y')} if ((y & 2) !== 0) ${this.raise('unpredictable', 'branch to an address that is not a multiple of 4', 'y')} if (y === cpu.returnTop) { ${this.returnCode(1)} } ${this.jump('y')} }`;
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

  /** A block may start here: executable, no breakpoint (the dispatcher stops there; the entry is never one). */
  private canLead(address: number): boolean {
    if ((address & 3) !== 0) return false;
    if (this.source.breakpointAt(address)) return false;
    return this.source.instructionAt(address) !== undefined;
  }

  /** Emits one instruction at `address`; returns whether control can fall through to the next one. */
  private emitAt(address: number, entry: NonNullable<ReturnType<InstructionSource['instructionAt']>>): boolean {
    this.address = address;
    this.word = entry.word;
    this.targets.length = 0;
    let emitted: Emitted;
    let unconditional = true;
    if ('problem' in entry) {
      emitted = { code: this.raise('undefined', entry.problem), endsBlock: true };
    } else {
      unconditional = entry.instruction.condition === 'al';
      emitted = emitInstruction(entry.instruction, this) ?? {
        code: this.raise('undefined', `${entry.instruction.mnemonic} (${hex(entry.word)}) is not supported by the emulator`),
        endsBlock: true,
      };
      if (!unconditional) {
        this.flags = true;
        emitted = { ...emitted, code: `if (${conditionExpression(entry.instruction.condition)}) { ${emitted.code} }` };
      }
      const mnemonic = entry.instruction.mnemonic;
      if (mnemonic === 'bl' || mnemonic === 'blx') this.addLeader((address + 4) | 0);
    }
    let code = emitted.code;
    if (emitted.stores) code += `\nif (w !== 0) ${this.exit(constant(address + 4), BLOCK_WATCH, 1)}`;
    for (const target of this.targets) this.addLeader(target);
    const ends = emitted.endsBlock && unconditional;
    this.scanned.set(address, { address, code, ends });
    return !ends;
  }

  private readonly pending: number[] = [];

  private addLeader(address: number): void {
    if (this.leaders.has(address) || !this.canLead(address >>> 0)) return;
    this.leaders.add(address);
    this.pending.push(address);
  }

  emit(): EmittedRegion {
    const source = this.source;
    this.leaders.add(this.entry | 0);
    this.pending.push(this.entry | 0);
    while (this.pending.length > 0 && this.scanned.size < MAX_REGION_LENGTH) {
      let address = this.pending.pop() as number;
      while (this.scanned.size < MAX_REGION_LENGTH && !this.scanned.has(address)) {
        if (source.breakpointAt(address >>> 0)) break;
        const entry = source.instructionAt(address >>> 0);
        if (!entry) break;
        if (!this.emitAt(address, entry)) break;
        address = (address + 4) | 0;
      }
    }
    // Leaders that were never scanned (the size cap) are not entry points.
    for (const leader of this.leaders) if (!this.scanned.has(leader)) this.leaders.delete(leader);

    const ordered = [...this.scanned.keys()].sort((a, b) => (a >>> 0) - (b >>> 0));
    // Position of each instruction in its block, and each block's length.
    const position = new Map<number, number>();
    const entries: number[] = [];
    const lengths: number[] = [];
    let index = 0;
    for (let i = 0; i < ordered.length; i++) {
      const address = ordered[i];
      if (this.leaders.has(address) || i === 0 || ordered[i - 1] !== ((address - 4) | 0)) {
        index = 0;
        entries.push(address);
        lengths.push(0);
      }
      position.set(address, index++);
      lengths[lengths.length - 1]++;
    }
    const lengthOf = new Map<number, number>();
    entries.forEach((address, i) => lengthOf.set(address, lengths[i]));

    // Blocks that branch back to their own start run as an inner JS loop (no switch per iteration).
    const leaderOf = (address: number): number => (address - 4 * (position.get(address) ?? 0)) | 0;
    const selfLoops = new Set<number>();
    for (const instruction of this.scanned.values()) {
      for (const match of instruction.code.matchAll(JUMP)) {
        const target = Number(match[1]);
        if (target === leaderOf(Number(match[2])) && this.leaders.has(target)) selfLoops.add(target);
      }
    }
    const label = (address: number): string => `l${address >>> 0}`;

    const parts: string[] = [];
    let openLoop = -1;
    for (let i = 0; i < ordered.length; i++) {
      const address = ordered[i];
      const instruction = this.scanned.get(address) as RegionInstruction;
      const length = lengthOf.get(address);
      if (length !== undefined) {
        if (openLoop >= 0) parts.push(`break ${label(openLoop)}; }`);
        openLoop = -1;
        if (i > 0 && !this.scanned.get(ordered[i - 1])!.ends && ordered[i - 1] === ((address - 4) | 0)) {
          parts.push(`count += ${(position.get(ordered[i - 1]) as number) + 1};`);
        }
        const check = `if (count + ${length} > budget) { pc = ${constant(address)}; break dispatch; }`;
        if (selfLoops.has(address)) {
          parts.push(`case ${constant(address)}: ${label(address)}: for (;;) { ${check}`);
          openLoop = address;
        } else {
          parts.push(`case ${constant(address)}: ${check}`);
        }
      }
      parts.push(`/* ${hex(address)} */ ${instruction.code}`);
      const next = (address + 4) | 0;
      if (!instruction.ends && !this.scanned.has(next)) {
        parts.push(`{ count += ${(position.get(address) as number) + 1}; pc = ${constant(next)}; break dispatch; }`);
      }
    }
    if (openLoop >= 0) parts.push(`break ${label(openLoop)}; }`);
    let body = parts.join('\n');
    body = body.replace(JUMP, (_, target: string, from: string) => {
      const address = Number(target);
      const done = `@@${from}+1@@`;
      if (selfLoops.has(address) && leaderOf(Number(from)) === address) return `{ count += ${done}; continue ${label(address)}; }`;
      if (this.leaders.has(address)) return `{ count += ${done}; pc = ${constant(address)}; continue dispatch; }`;
      return `{ count += ${done}; pc = ${constant(address)}; break dispatch; }`;
    });
    body = body.replace(COMPLETED, (_, address: string, plus: string) => String((position.get(Number(address)) ?? 0) + Number(plus)));

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
    declarations.push('t = 0', 'x = 0', 'y = 0', 's = 0', 'a = 0', 'w = 0', 'count = 0', 'pc = R[15]', 'e = 0');
    const temporaries = new Set<string>();
    for (const match of body.matchAll(TEMPORARY)) temporaries.add(`x${match[1]} = 0`);
    declarations.push(...temporaries);
    body = body.split(WRITEBACK).join(writeback);
    // e stays BLOCK_CONTINUE (0) unless an exit sets it.
    const text = `let ${declarations.join(', ')};\ndispatch: for (;;) {\nswitch (pc) {\n${body}\ndefault: break dispatch;\n}\n}\n${writeback} cpu.steps += count; R[15] = pc; return e;`;
    return { body: text, entries, lengths };
  }
}

/** The body of the region function entered at `entry` (it reads its start from `R[15]`). */
export function emitRegion(entry: number, source: InstructionSource): EmittedRegion {
  return new RegionEmitter(entry | 0, source).emit();
}
