/**
 * A debugging session over one loaded program, shared by the IDE host and
 * the CLI: step, run with an instruction budget, stop reasons, breakpoints
 * (address or source line), write watchpoints, step over / step out, reading
 * and writing registers, flags and memory while stopped, the call stack,
 * stdout events and the memory written by the last step.
 *
 * Everything is synchronous and bounded by a budget; the host runs in slices
 * (`runFor`) so pause requests and input act at once.
 */
import type { Program } from '../assembler/program';
import type { SessionOptions, StackFrame, StopReason } from './session-types';
import { Cpu, LR, PC, RUN_BREAKPOINT, RUN_BUDGET, RUN_DIAGNOSTIC, RUN_FAULT, RUN_RETURNED, RUN_TRAP, RUN_WATCH, SP } from '../cpu/cpu';
import { BUILTIN_SVC_BASE, MEMORY_CHECKED, type CpuFault, type MemoryFault, type TrapContext, type TrapHandler, type TrapOutcome } from '../cpu/interfaces';
import type { Memory, WatchRange } from '../cpu/memory';
import { loadProgram, STARTUP_SYMBOL, type LoadedProcess } from '../runtime/loader';
import { createTrapHandler, LinuxSyscalls } from '../runtime/syscalls';
import { createTrapLibrary, type TrapLibrary } from '../runtime/libc/trap-adapter';
import { SessionIo, STREAM_VARIABLES } from './runtime-bridge';
import { SourceIndex } from './source-index';
import { BuddyHeap } from '../runtime/heap/buddy';
import type { SourceLine } from '../runtime/heap/types';
import { createProcessChecker, leakRoots } from '../runtime/diagnostics/process-checks';
import type { RunChecker } from '../runtime/diagnostics/run-checker';

export type { SessionOptions, StackFrame, StopReason } from './session-types';

export type SessionResult = { ok: true; session: Session } | { ok: false; error: string };

const SLICE = 1 << 20;
/** Offset of `bl main` in the built-in start-up routine (loader.ts). */
const STARTUP_MAIN_CALL = 16;

export class Session {
  readonly program: Program;
  readonly cpu: Cpu;
  readonly memory: Memory;
  readonly process: LoadedProcess;
  readonly io: SessionIo;
  readonly source: SourceIndex;
  /** Every byte written to stdout / stderr so far. */
  private readonly outputChunks: Uint8Array[] = [];
  private readonly errorChunks: Uint8Array[] = [];
  private finished: StopReason | undefined;
  private resumeAt = -1;
  private pauseRequested = false;
  private breakpoints = new Set<number>();
  private readonly library: TrapLibrary;
  private readonly trapContext: TrapContext;
  private readonly handler: TrapHandler;
  /** Memory written by the last `step()`: [address, size] pairs. */
  lastWrites: { address: number; size: number }[] = [];
  readonly warnings: string[] = [];

  /** The memory diagnostics of this run (undefined when `checks: false`). */
  readonly checker: RunChecker | undefined;
  /** Whether runs pause at diagnostics (SessionOptions.pauseOnDiagnostic). */
  pauseOnDiagnostic = false;
  /** Diagnostics already handed out in a 'diagnostic' stop (or seen before pausing was turned on). */
  private announced = 0;

  static create(program: Program, options: SessionOptions = {}): SessionResult {
    const syscalls = new LinuxSyscalls({ startSeconds: options.startSeconds });
    const steps = { cpu: undefined as Cpu | undefined, source: undefined as SourceIndex | undefined };
    const library = createTrapLibrary({
      clock: () => Math.floor(syscalls.nanoseconds(steps.cpu?.steps ?? 0) / 1e9),
      stdoutMode: options.stdoutBuffering ?? 'full',
      // Heap sites are return addresses: the call is the instruction before.
      heap: { ...options.heap, step: () => steps.cpu?.steps ?? 0, resolveSite: (site) => lineOf(steps.source, (site - 4) >>> 0) },
    });
    const loaded = loadProgram(program, { ...options, builtins: library.builtins, runtimeWords: STREAM_VARIABLES });
    if (!loaded.ok) return loaded;
    steps.cpu = loaded.process.cpu;
    const session = new Session(program, options, loaded.process, library, syscalls);
    steps.source = session.source;
    return { ok: true, session };
  }

  private constructor(program: Program, options: SessionOptions, loaded: LoadedProcess, library: TrapLibrary, syscalls: LinuxSyscalls) {
    this.program = program;
    this.library = library;
    this.io = new SessionIo(
      (fd, bytes) => {
        (fd === 2 ? this.errorChunks : this.outputChunks).push(bytes);
        options.onOutput?.(fd, bytes);
      },
      (message) => {
        this.warnings.push(message);
        options.onWarning?.(message);
      },
    );
    this.process = loaded;
    this.cpu = loaded.cpu;
    this.memory = loaded.memory;
    this.handler = createTrapHandler(syscalls, library.builtins);
    this.trapContext = { machine: this.cpu, memory: this.memory, io: this.io, layout: loaded.layout };
    this.source = new SourceIndex(program, loaded.runtimeSymbols);
    if (options.checks !== false) {
      const source = this.source;
      const cpu = this.cpu;
      // A program entered through main: the built-in start-up's `bl main` (the fifth word).
      const startup = loaded.runtimeSymbols.find((symbol) => symbol.name === STARTUP_SYMBOL);
      const checker = createProcessChecker(
        {
          memory: this.memory,
          libc: library.contextFor(this.trapContext),
          resolve: (pc) => lineOf(source, pc),
          step: () => cpu.steps,
          mainCall: startup === undefined ? undefined : startup.address + STARTUP_MAIN_CALL,
          sources: program.sources,
        },
        options.checks ?? {},
      );
      const range = checker.checkedRange;
      this.memory.setAccessChecker(checker, range.start, range.end);
      this.cpu.setChecker(checker.stackChecker.active ? checker.stackChecker : undefined);
      this.checker = checker;
      this.setPauseOnDiagnostic(options.pauseOnDiagnostic === true);
    }
  }

  /** Turns pausing at diagnostics on or off (a setting the IDE changes while a program runs). */
  setPauseOnDiagnostic(pause: boolean): void {
    this.pauseOnDiagnostic = pause && this.checker !== undefined;
    if (this.checker) {
      this.checker.stackChecker.pause = this.pauseOnDiagnostic;
      this.announced = this.checker.diagnostics.length;
    }
  }

  /** The Buddy System heap behind malloc (undefined when the library was given another allocator). */
  get heap(): BuddyHeap | undefined {
    const heap = this.library.contextFor(this.trapContext).heap;
    return heap instanceof BuddyHeap ? heap : undefined;
  }

  /** 'exited' or 'faulted' once the program has ended; running again returns the same stop. */
  get ended(): StopReason | undefined {
    return this.finished;
  }

  get stdout(): Uint8Array {
    return concat(this.outputChunks);
  }

  get stderr(): Uint8Array {
    return concat(this.errorChunks);
  }

  get steps(): number {
    return this.cpu.steps;
  }

  /** r0..r15 as unsigned numbers. */
  registers(): number[] {
    return Array.from(this.cpu.registers, (value) => value >>> 0);
  }

  setRegister(index: number, value: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index > 15) return `there is no register r${index}`;
    if (index === PC && (value & 3) !== 0) return 'pc must be a multiple of 4 (Sherwood runs ARM code only)';
    this.cpu.registers[index] = value | 0;
    return undefined;
  }

  flags(): { n: boolean; z: boolean; c: boolean; v: boolean } {
    const cpu = this.cpu;
    return { n: cpu.n === 1, z: cpu.z === 1, c: cpu.c === 1, v: cpu.v === 1 };
  }

  setFlags(flags: Partial<{ n: boolean; z: boolean; c: boolean; v: boolean }>): void {
    if (flags.n !== undefined) this.cpu.n = flags.n ? 1 : 0;
    if (flags.z !== undefined) this.cpu.z = flags.z ? 1 : 0;
    if (flags.c !== undefined) this.cpu.c = flags.c ? 1 : 0;
    if (flags.v !== undefined) this.cpu.v = flags.v ? 1 : 0;
  }

  readMemory(address: number, length: number): { ok: true; bytes: Uint8Array } | { ok: false; fault: MemoryFault } {
    return this.memory.readBytes(address >>> 0, length);
  }

  /** Writes while stopped; code may be patched (its decoded form is dropped). */
  writeMemory(address: number, bytes: Uint8Array): MemoryFault | undefined {
    return this.memory.writeBytes(address >>> 0, bytes, true);
  }

  provideInput(bytes: Uint8Array | string): void {
    this.io.stdin.append(bytes);
  }

  closeInput(): void {
    this.io.stdin.close();
  }

  setBreakpoints(addresses: Iterable<number>): void {
    this.breakpoints = new Set([...addresses].map((address) => address >>> 0));
    this.cpu.setBreakpoints(this.breakpoints);
  }

  /** Breakpoint addresses for a source line (the first instruction of the line); empty when the line has no code. */
  addressesForLine(line: number, file?: string): number[] {
    return this.source.addressesForLine(line, file);
  }

  setWatchpoints(ranges: readonly WatchRange[]): void {
    this.memory.setWatchpoints(ranges);
  }

  requestPause(): void {
    this.pauseRequested = true;
  }

  /** One instruction (a trap's system call or C function runs as part of it). */
  step(): StopReason {
    this.memory.trackWrites(true);
    const stop = this.execute(1, true);
    const writes = this.memory.trackedWrites;
    this.lastWrites = [];
    for (let index = 0; index < writes.length; index += 2) this.lastWrites.push({ address: writes[index] >>> 0, size: writes[index + 1] });
    this.memory.trackWrites(false);
    return stop.kind === 'budget' ? { kind: 'step' } : stop;
  }

  /** Step, but run a called function (BL/BLX) to its return. */
  stepOver(budget = Number.MAX_SAFE_INTEGER): StopReason {
    const depth = this.cpu.callDepth;
    const first = this.step();
    if (first.kind !== 'step' || this.cpu.callDepth <= depth) return first;
    return this.runUntilDepth(depth + 1, budget);
  }

  /** Run until the current function returns to its caller. */
  stepOut(budget = Number.MAX_SAFE_INTEGER): StopReason {
    if (this.cpu.callDepth === 0) return this.run(budget);
    return this.runUntilDepth(this.cpu.callDepth, budget);
  }

  /** Runs at most `budget` instructions. */
  run(budget: number): StopReason {
    return this.execute(budget, false);
  }

  /**
   * Runs for about `milliseconds` (at most `budget` instructions), in slices,
   * so a host can answer messages between calls. A pause requested before or
   * between calls stops the next call at once with 'paused'.
   */
  runFor(milliseconds: number, budget = Number.MAX_SAFE_INTEGER): StopReason {
    const deadline = performance.now() + milliseconds;
    const end = this.cpu.steps + budget;
    for (;;) {
      if (this.pauseRequested && !this.finished) {
        this.pauseRequested = false;
        this.resumeAt = this.cpu.registers[PC] >>> 0;
        return { kind: 'paused' };
      }
      const stop = this.execute(Math.min(SLICE, end - this.cpu.steps), false);
      if (stop.kind !== 'budget' || this.cpu.steps >= end || performance.now() >= deadline) return stop;
    }
  }

  /** The calls in progress, innermost first. */
  callStack(): StackFrame[] {
    const frames = this.cpu.callFrames();
    const stack: StackFrame[] = [];
    let address = this.cpu.registers[PC] >>> 0;
    let stackPointer = this.cpu.registers[SP] >>> 0;
    for (let index = frames.length - 1; index >= -1; index--) {
      const entry = index >= 0 ? frames[index].target : this.program.entry;
      const fallback = this.source.functionAt(address);
      const name = index >= 0 ? this.source.nameOf(entry) : fallback?.name ?? '_start';
      stack.push({ function: index >= 0 ? entry : fallback?.address ?? entry, name, address, position: this.source.positionOf(address), stackPointer });
      if (index >= 0) {
        address = (frames[index].returnAddress - 4) >>> 0;
        stackPointer = frames[index].stackPointer;
      }
    }
    return stack;
  }

  private runUntilDepth(depth: number, budget: number): StopReason {
    this.cpu.stopBelowDepth = depth;
    const stop = this.execute(budget, true);
    this.cpu.stopBelowDepth = -1;
    return stop;
  }

  private execute(budget: number, leaveBreakpoint: boolean): StopReason {
    if (this.finished) return this.finished;
    const cpu = this.cpu;
    const end = cpu.steps + budget;
    let leave = leaveBreakpoint || this.resumeAt === (cpu.registers[PC] >>> 0);
    this.resumeAt = -1;
    const checker = this.checker;
    let unchecked = false;
    for (;;) {
      const remaining = end - cpu.steps;
      if (remaining <= 0) return { kind: 'budget' };
      let result: number;
      if (unchecked) {
        // The load the checker stopped and reported runs again, unchecked, and the run goes on.
        unchecked = false;
        checker?.suspend();
        result = cpu.run(1, true);
        checker?.resume();
        if (result === RUN_BUDGET) {
          const pause = this.pendingPause();
          if (pause) return pause;
          continue;
        }
      } else result = cpu.run(remaining, leave);
      leave = false;
      switch (result) {
        case RUN_BUDGET:
          return { kind: 'budget' };
        case RUN_TRAP: {
          let outcome: TrapOutcome;
          const builtin = cpu.trapImmediate >= BUILTIN_SVC_BASE;
          // Heap problems inside a C function or system call are reported at its call.
          if (checker) checker.callSite = builtin ? (cpu.registers[14] - 4) >>> 0 : (cpu.registers[PC] - 4) >>> 0;
          try {
            outcome = this.handler.supervisorCall(cpu.trapImmediate, this.trapContext);
          } catch (error) {
            // A bug in a system call or C function must not escape as a host exception.
            outcome = { kind: 'fault', message: `internal error in the runtime: ${error instanceof Error ? error.message : String(error)}` };
          }
          if (checker) checker.callSite = -1;
          if (outcome.kind === 'continue') {
            if (this.pauseOnDiagnostic && this.hasNewDiagnostics()) {
              // Back in the caller first (the slot's `bx lr`), so the pause shows the line after the call.
              if (builtin && cpu.steps < end) cpu.run(1, true);
              const pause = this.pendingPause();
              if (pause) return pause;
            }
            continue;
          }
          if (outcome.kind === 'exit') return this.exit(outcome.code);
          if (outcome.kind === 'wait-for-input') {
            cpu.registers[PC] = (cpu.registers[PC] - 4) | 0;
            cpu.steps -= 1;
            this.resumeAt = cpu.registers[PC] >>> 0;
            return { kind: 'waiting-for-input' };
          }
          const pc = (cpu.registers[PC] - 4) >>> 0;
          const status = outcome.message.startsWith('SIGABRT') ? 134 : outcome.message.startsWith('SIGFPE') ? 136 : 139;
          return this.fail({ type: 'runtime', pc, message: outcome.message }, status);
        }
        case RUN_FAULT:
          if (checker && cpu.fault === undefined && this.memory.status === MEMORY_CHECKED) {
            checker.reportPending(cpu.registers[PC] >>> 0);
            unchecked = true;
            continue;
          }
          return this.fail(cpu.fault ?? { type: 'runtime', pc: cpu.registers[PC] >>> 0, message: 'unknown fault' }, 139);
        case RUN_WATCH:
          if (checker && this.memory.status === MEMORY_CHECKED) {
            checker.reportPending((cpu.registers[PC] - 4) >>> 0);
            const pause = this.pendingPause();
            if (pause) return pause;
            continue;
          }
          this.resumeAt = cpu.registers[PC] >>> 0;
          return { kind: 'watchpoint', address: this.memory.watchAddress >>> 0, pc: (cpu.registers[PC] - 4) >>> 0 };
        case RUN_DIAGNOSTIC: {
          const pause = this.pendingPause();
          if (pause) return pause;
          continue;
        }
        case RUN_BREAKPOINT:
          this.resumeAt = cpu.registers[PC] >>> 0;
          return { kind: 'breakpoint', address: cpu.registers[PC] >>> 0 };
        case RUN_RETURNED:
          this.resumeAt = cpu.registers[PC] >>> 0;
          return { kind: 'step' };
      }
    }
  }

  private hasNewDiagnostics(): boolean {
    return this.checker !== undefined && this.checker.diagnostics.length > this.announced;
  }

  /** With pauseOnDiagnostic: the errors and warnings reported since the last pause, as a stop; else undefined. */
  private pendingPause(): StopReason | undefined {
    if (!this.pauseOnDiagnostic || !this.checker) return undefined;
    const all = this.checker.diagnostics;
    if (all.length <= this.announced) return undefined;
    const fresh = all.slice(this.announced).filter((diagnostic) => diagnostic.severity !== 'note');
    this.announced = all.length;
    if (fresh.length === 0) return undefined;
    return { kind: 'diagnostic', diagnostics: fresh, pc: fresh[0].pc };
  }

  private exit(code: number): StopReason {
    const pc = (this.cpu.registers[PC] - 4) >>> 0;
    const fromStartup = this.source.nameOf(this.source.functionAt(pc)?.address ?? -1) === STARTUP_SYMBOL;
    if (fromStartup) this.library.flush(this.trapContext);
    const lost = this.library.discard(this.trapContext);
    if (lost.length > 0) {
      this.io.warn(
        `${lost.length} bytes of printf/puts output were never written: the program ended with the exit system call, which (as with glibc) skips flushing stdout; call exit or return from main instead`,
      );
    }
    if (this.checker) this.checker.finish(() => leakRoots(this.memory, this.cpu.registers, this.process.layout), (address) => this.memory.read32(address));
    this.finished = { kind: 'exit', code: code & 0xff };
    return this.finished;
  }

  private fail(fault: CpuFault, status: number): StopReason {
    this.library.discard(this.trapContext);
    if (this.checker && fault.type === 'memory') {
      const memory = fault.memory;
      if (memory.reason === 'guard') this.checker.stackOverflow(fault.pc, memory.address, this.cpu.registers[SP] >>> 0);
      else if (memory.access === 'write' && memory.reason === 'permission' && this.memory.regionAt(memory.address)?.name === 'text') this.checker.textWrite(fault.pc, memory.address, memory.size);
    }
    // A fault inside a built-in C function (no source of its own) is reported at the call: the BL before LR.
    const position = this.source.positionOf(fault.pc) ?? this.source.positionOf(((this.cpu.registers[LR] >>> 0) - 4) >>> 0);
    const message = fault.type === 'memory' ? fault.memory.message : fault.message;
    this.finished = { kind: 'fault', fault, message, position, status };
    return this.finished;
  }
}

function lineOf(source: SourceIndex | undefined, pc: number): SourceLine | null {
  const position = source?.positionOf(pc);
  return position ? { file: position.file, line: position.line } : null;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
