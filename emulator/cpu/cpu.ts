/**
 * The CPU: registers, flags, the per-address decode cache and the run loop
 * over compiled blocks. It knows nothing of syscalls or the C library: an
 * `svc` stops `run` with RUN_TRAP and the driver (runtime/debug) handles it.
 *
 * Decoding goes through the one instruction table (isa/table.ts) once per
 * address; compiled blocks and single-step functions are cached per slot
 * `(pc - codeBase) >> 2` and dropped when code memory is written or
 * breakpoints change.
 */
import { decodeWord } from '../isa/table';
import type { Instruction } from '../isa/types';
import { BLOCK_CONTINUE, BLOCK_DIAGNOSTIC, BLOCK_FAULT, BLOCK_RETURNED, BLOCK_TRAP, BLOCK_WATCH, hex } from './codegen-context';
import {
  compileRegion,
  compileSingles,
  FAULT_ALIGNMENT,
  FAULT_THUMB,
  FAULT_UNDEFINED,
  type BlockFunction,
  type InstructionSource,
} from './block-compiler';
import { CALL_CAPACITY, MEMORY_CODE_WRITTEN, MEMORY_FAULT, MEMORY_OK, PERMISSION_EXECUTE, type CallChecker, type CpuFault, type MachineState, type StepResult } from './interfaces';
import type { Memory } from './memory';

/** Why `run` returned. */
export const RUN_BUDGET = 0;
export const RUN_TRAP = 1;
export const RUN_FAULT = 2;
export const RUN_WATCH = 3;
export const RUN_BREAKPOINT = 4;
/** A return took the call depth below `stopBelowDepth`. */
export const RUN_RETURNED = 5;
/** The diagnostics' checker reported a problem and asked to pause (after the instruction that made it). */
export const RUN_DIAGNOSTIC = 6;

export { CALL_CAPACITY } from './interfaces';
/** CALL_CAPACITY as a module constant: the call stack's hot paths read no imported binding. */
const CAPACITY = CALL_CAPACITY;

/** One entry of the call stack the CPU keeps from BL/BLX and matching returns. */
export interface CallFrame {
  /** The called address. */
  target: number;
  /** Where it returns to (the instruction after the BL). */
  returnAddress: number;
  /** sp at the call. */
  stackPointer: number;
}

/** Single-step functions are compiled this many slots at a time. */
export const SINGLE_GROUP = 64;

export const PC = 15;
export const LR = 14;
export const SP = 13;

export type Decoder = (word: number, address: number) => Instruction | undefined;

type Decoded = { instruction: Instruction; word: number } | { word: number; problem: string };

export class Cpu implements MachineState, InstructionSource {
  readonly registers = new Int32Array(16);
  n = 0;
  z = 0;
  c = 0;
  v = 0;
  /** The sticky saturation flag (APSR.Q): only MSR writes it here, MRS reads it. */
  q = 0;
  steps = 0;
  /** The immediate of the `svc` that stopped the last run (RUN_TRAP). */
  trapImmediate = 0;
  /** The local exclusive monitor (LDREX/STREX): the address (-1: open) and the value loaded, as qemu-arm keeps them. */
  exclusiveAddress = -1;
  exclusiveLow = 0;
  exclusiveHigh = 0;
  /** The fault that stopped the last run (RUN_FAULT). */
  fault: CpuFault | undefined = undefined;

  /** Call stack: BL/BLX push, a branch to the top frame's return address pops. */
  callDepth = 0;
  /** Return address of the innermost remembered call, or -1. */
  returnTop = -1;
  /** The diagnostics' hook on calls and returns (code compiled while it is set calls it at BL/BLX and at returns); set it with setChecker. */
  checker: CallChecker | undefined = undefined;

  /** Attaches (or detaches) the diagnostics' call hook; compiled code is dropped so new code calls it (or not). */
  setChecker(checker: CallChecker | undefined): void {
    this.checker = checker;
    this.flushBlocks();
  }
  /** run() stops with RUN_RETURNED when a return makes callDepth smaller than this (-1: never). */
  stopBelowDepth = -1;
  /** Per call depth (below CALL_CAPACITY): the return address, the target and sp at the call (the AAPCS checks read the first and last). */
  readonly callReturns = new Int32Array(CALL_CAPACITY);
  private readonly callTargets = new Int32Array(CALL_CAPACITY);
  readonly callStackPointers = new Int32Array(CALL_CAPACITY);

  readonly memory: Memory;
  private codeBase = 0;
  private codeEnd = 0;
  private decoded: (Decoded | undefined)[] = [];
  private blocks: (BlockFunction | undefined)[] = [];
  private blockLengths = new Int32Array(0);
  private singles: (BlockFunction | undefined)[] = [];
  private breakpointSlots = new Uint8Array(0);
  private readonly breakpointSet = new Set<number>();

  private readonly decode: Decoder;
  /** calleeSavedWritten, or -1 until computed. */
  private savedMask = -1;

  /** `decode` defaults to the instruction table; tests may pass their own. */
  constructor(memory: Memory, decode: Decoder = decodeWord) {
    this.memory = memory;
    this.decode = decode;
    memory.onCodeWrite = (address) => this.invalidate(address);
    this.refreshCodeRange();
  }

  /** Re-reads which addresses are executable (call after mapping code). */
  refreshCodeRange(): void {
    const executable = this.memory.regions().filter((region) => region.permissions & PERMISSION_EXECUTE);
    this.codeBase = executable.length ? Math.min(...executable.map((region) => region.start)) & ~3 : 0;
    this.codeEnd = executable.length ? Math.max(...executable.map((region) => region.end)) : 0;
    const slots = Math.max(0, (this.codeEnd - this.codeBase + 3) >>> 2);
    this.decoded = new Array(slots);
    this.breakpointSlots = new Uint8Array(slots);
    for (const address of this.breakpointSet) this.markBreakpoint(address, 1);
    this.savedMask = -1;
    this.flushBlocks();
  }

  get flagsWord(): number {
    return ((this.n << 31) | (this.z << 30) | (this.c << 29) | (this.v << 28)) >>> 0;
  }

  setFlagsWord(value: number): void {
    this.n = (value >>> 31) & 1;
    this.z = (value >>> 30) & 1;
    this.c = (value >>> 29) & 1;
    this.v = (value >>> 28) & 1;
  }

  setBreakpoints(addresses: Iterable<number>): void {
    for (const address of this.breakpointSet) this.markBreakpoint(address, 0);
    this.breakpointSet.clear();
    for (const address of addresses) {
      this.breakpointSet.add(address >>> 0);
      this.markBreakpoint(address >>> 0, 1);
    }
    this.flushBlocks();
  }

  breakpointAt(address: number): boolean {
    return this.breakpointSet.has(address >>> 0);
  }

  /** The decoded instruction at an executable address (cached), for the compiler and the debugger. */
  instructionAt(address: number): Decoded | undefined {
    const slot = (address - this.codeBase) >>> 2;
    if ((address & 3) !== 0 || address < this.codeBase || address >= this.codeEnd) return undefined;
    const cached = this.decoded[slot];
    if (cached !== undefined) return cached;
    if (!this.memory.permits(address, 4, 'execute')) return undefined;
    const saved = this.memory.status;
    const word = this.memory.fetch(address) >>> 0;
    if (this.memory.status === MEMORY_FAULT && saved !== MEMORY_FAULT) {
      this.memory.clearStatus();
      return undefined;
    }
    let entry: Decoded;
    const instruction = safeDecode(this.decode, word, address);
    if (typeof instruction === 'string') entry = { word, problem: instruction };
    else entry = { instruction, word };
    this.decoded[slot] = entry;
    return entry;
  }

  /**
   * Runs at most `budget` instructions. Returns RUN_BUDGET when they are
   * spent, or why it stopped early (trap, fault, watchpoint, breakpoint).
   * A breakpoint at the current PC does not stop the first instruction when
   * `leaveBreakpoint` is set (resuming from it).
   */
  run(budget: number, leaveBreakpoint = false): number {
    const registers = this.registers;
    const memory = this.memory;
    const end = this.steps + budget;
    let first = leaveBreakpoint;
    memory.clearStatus();
    this.fault = undefined;
    while (this.steps < end) {
      const pc = registers[PC] >>> 0;
      const slot = (pc - this.codeBase) >>> 2;
      if (pc < this.codeBase || pc >= this.codeEnd || (pc & 3) !== 0) return this.fetchFault(pc);
      // A small integer: a large double would be boxed on every block call.
      const remaining = Math.min(end - this.steps, 0x3fffffff) | 0;
      let block: BlockFunction | undefined;
      if (this.breakpointSlots[slot] !== 0) {
        // Regions never start at a breakpoint: leaving one runs its instruction alone.
        if (!first) return RUN_BREAKPOINT;
      } else {
        block = this.blocks[slot];
        if (block === undefined && remaining > 1) block = this.compile(slot, pc);
      }
      first = false;
      if (block === undefined || this.blockLengths[slot] > remaining) {
        block = this.single(slot, pc);
        if (block === undefined) {
          const entry = this.decoded[slot];
          if (entry !== undefined && 'problem' in entry) {
            this.setFault(FAULT_UNDEFINED, entry.word, entry.problem, 0);
            return RUN_FAULT;
          }
          return this.fetchFault(pc);
        }
      }
      const result = block(this, registers, memory, remaining);
      if (result === BLOCK_CONTINUE) continue;
      if (result === BLOCK_TRAP) return RUN_TRAP;
      if (result === BLOCK_WATCH) {
        // A store into code: the compiled code was dropped; carry on with the new code.
        if (memory.status === MEMORY_CODE_WRITTEN) {
          memory.clearStatus();
          continue;
        }
        return RUN_WATCH;
      }
      if (result === BLOCK_RETURNED) return RUN_RETURNED;
      if (result === BLOCK_DIAGNOSTIC) return RUN_DIAGNOSTIC;
      if (result === BLOCK_FAULT) {
        if (this.fault === undefined && memory.fault !== undefined) {
          this.fault = { type: 'memory', pc: registers[PC] >>> 0, memory: memory.fault };
        }
        return RUN_FAULT;
      }
    }
    return RUN_BUDGET;
  }

  /** One instruction, as a discriminated result (DESIGN.md rule 5). */
  step(leaveBreakpoint = true): StepResult {
    const before = this.registers[PC] >>> 0;
    const result = this.run(1, leaveBreakpoint);
    if (result === RUN_TRAP) return { kind: 'trap', immediate: this.trapImmediate };
    if (result === RUN_FAULT && this.fault) return { kind: 'fault', fault: this.fault };
    return (this.registers[PC] >>> 0) === ((before + 4) >>> 0) ? NEXT : BRANCHED;
  }

  /** Called from generated code on BL/BLX. */
  pushCall(returnAddress: number, target: number, stackPointer: number): void {
    const depth = this.callDepth;
    if (depth < CAPACITY) {
      this.callReturns[depth] = returnAddress;
      this.callTargets[depth] = target;
      this.callStackPointers[depth] = stackPointer;
    }
    this.callDepth = depth + 1;
    this.returnTop = returnAddress;
  }

  /** Called from generated code when a branch reaches `returnTop`; 1 when the run should stop (RUN_RETURNED). */
  popCall(): number {
    const depth = this.callDepth - 1;
    this.callDepth = depth;
    this.returnTop = depth > 0 ? (depth - 1 < CAPACITY ? this.callReturns[depth - 1] : -2) : -1;
    return depth < this.stopBelowDepth ? 1 : 0;
  }

  returnAddresses(skip: number, limit: number): number[] {
    const addresses: number[] = [];
    for (let depth = Math.min(this.callDepth, CALL_CAPACITY) - 1 - skip; depth >= 0 && addresses.length < limit; depth--) addresses.push(this.callReturns[depth] >>> 0);
    return addresses;
  }

  /** The remembered calls, outermost first. */
  callFrames(): CallFrame[] {
    const frames: CallFrame[] = [];
    const count = Math.min(this.callDepth, CALL_CAPACITY);
    for (let index = 0; index < count; index++) {
      frames.push({ target: this.callTargets[index] >>> 0, returnAddress: this.callReturns[index] >>> 0, stackPointer: this.callStackPointers[index] >>> 0 });
    }
    return frames;
  }

  /** Called from generated code: records a CPU fault (PC already at the instruction). */
  setFault(kind: number, word: number, message: string, detail: number): void {
    const pc = this.registers[PC] >>> 0;
    if (kind === FAULT_ALIGNMENT) {
      this.fault = { type: 'memory', pc, memory: this.memory.describe(detail >>> 0, 4, /^st|push/.test(message) ? 'write' : 'read', 'alignment') };
      this.fault.memory.message = `${message}: ${this.fault.memory.message}`;
    } else if (kind === FAULT_THUMB) {
      this.fault = { type: 'thumb', pc, target: detail >>> 0, message: `branch to ${hex(detail)}: ${message} (an odd address means Thumb code; Sherwood runs ARM code only)` };
    } else {
      this.fault = { type: kind === FAULT_UNDEFINED ? 'undefined' : 'unpredictable', pc, word: word >>> 0, message };
    }
  }

  /** Drops decoded code at an address (memory there was written). */
  invalidate(address: number): void {
    if (address < this.codeBase || address >= this.codeEnd) return;
    this.decoded[(address - this.codeBase) >>> 2] = undefined;
    this.savedMask = -1;
    this.flushBlocks();
    // Running code stops after the store (it sees MEMORY_CODE_WRITTEN as a watch exit) and resumes with fresh code.
    if (this.memory.status === MEMORY_OK) this.memory.status = MEMORY_CODE_WRITTEN;
  }

  /**
   * Bits 4..11: the callee-saved registers some executable instruction names (as an operand, a
   * list member, a base, or the second register of a doubleword pair). The others cannot change
   * across a call, so the AAPCS checks need not save or compare them. Recomputed after code changes (not after breakpoint changes, which recompile but change no instruction).
   */
  get calleeSavedWritten(): number {
    if (this.savedMask >= 0) return this.savedMask;
    let mask = 0;
    const slots = this.decoded.length;
    if (slots > MASK_SCAN_LIMIT) mask = ALL_CALLEE_SAVED;
    for (let slot = 0; slot < slots && mask !== ALL_CALLEE_SAVED; slot++) {
      const entry = this.instructionAt(this.codeBase + slot * 4);
      if (entry !== undefined && 'instruction' in entry) mask |= registersNamed(entry.instruction) & ALL_CALLEE_SAVED;
    }
    this.savedMask = mask;
    return mask;
  }

  private flushBlocks(): void {
    const slots = this.decoded.length;
    this.blocks = new Array(slots);
    this.singles = new Array(slots);
    this.blockLengths = new Int32Array(slots);
  }

  private markBreakpoint(address: number, value: number): void {
    if (address < this.codeBase || address >= this.codeEnd || (address & 3) !== 0) return;
    this.breakpointSlots[(address - this.codeBase) >>> 2] = value;
  }

  /** Compiles the region entered at `pc` and registers it at each of its block starts that has no code yet. */
  private compile(slot: number, pc: number): BlockFunction | undefined {
    if (!this.instructionAt(pc)) return undefined;
    const region = compileRegion(pc, this);
    const { entries, lengths } = region;
    for (let index = 0; index < entries.length; index++) {
      const entrySlot = ((entries[index] >>> 0) - this.codeBase) >>> 2;
      if (entrySlot >= this.blocks.length || this.blocks[entrySlot] !== undefined) continue;
      this.blocks[entrySlot] = region.run;
      this.blockLengths[entrySlot] = lengths[index];
    }
    return this.blocks[slot];
  }

  /** The single-instruction function for a slot, compiled with its neighbours (SINGLE_GROUP slots at a time). */
  private single(slot: number, pc: number): BlockFunction | undefined {
    const block = this.singles[slot];
    if (block !== undefined) return block;
    const entry = this.instructionAt(pc);
    if (entry === undefined || 'problem' in entry) return undefined;
    const first = slot - (slot % SINGLE_GROUP);
    const addresses: number[] = [];
    for (let index = first; index < Math.min(first + SINGLE_GROUP, this.decoded.length); index++) {
      if (this.singles[index] === undefined) addresses.push(this.codeBase + index * 4);
    }
    const compiled = compileSingles(addresses, this);
    addresses.forEach((address, index) => {
      this.singles[(address - this.codeBase) >>> 2] = compiled[index];
    });
    return this.singles[slot];
  }

  private fetchFault(pc: number): number {
    if ((pc & 3) !== 0 && this.memory.permits(pc & ~3, 4, 'execute')) {
      this.fault = { type: 'unpredictable', pc, word: 0, message: `PC ${hex(pc)} is not a multiple of 4` };
    } else {
      this.fault = { type: 'memory', pc, memory: this.memory.describe(pc, 4, 'execute') };
    }
    if (this.memory.status !== MEMORY_OK) this.memory.clearStatus();
    return RUN_FAULT;
  }
}

/** r4..r11 as a register mask. */
const ALL_CALLEE_SAVED = 0xff0;
/** Bigger code is not scanned for calleeSavedWritten (every register is assumed written). */
const MASK_SCAN_LIMIT = 1 << 18;

/**
 * The registers an instruction may write, conservatively: every register operand, list member and
 * memory base (writeback), and a doubleword pair's second register. (Offset and shift registers
 * are only read.)
 */
export function registersNamed(instruction: Instruction): number {
  let mask = 0;
  for (const operand of instruction.operands) {
    if (operand.kind === 'register') mask |= 1 << operand.register;
    else if (operand.kind === 'registerList') mask |= operand.mask;
    else if (operand.kind === 'memory') mask |= 1 << operand.base;
  }
  const first = instruction.operands[0];
  if (/^(ldr|str)(ex)?d/.test(instruction.mnemonic) && first?.kind === 'register') mask |= 1 << ((first.register + 1) & 15);
  return mask;
}

const NEXT: StepResult = Object.freeze({ kind: 'next' });
const BRANCHED: StepResult = Object.freeze({ kind: 'branched' });

/** Decodes through the instruction table; a plain-words reason when it cannot. */
function safeDecode(decode: Decoder, word: number, address: number): Instruction | string {
  let instruction: Instruction | undefined;
  try {
    instruction = decode(word, address);
  } catch (error) {
    return `the decoder failed on ${hex(word)}: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (!instruction) return `undefined instruction ${hex(word)}: not an A32 instruction Sherwood knows`;
  return instruction;
}
