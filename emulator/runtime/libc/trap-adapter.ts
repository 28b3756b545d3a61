/**
 * Plugs the C library into the runtime's trap interface (emulator/cpu/
 * interfaces.ts): each registry entry becomes a trap-side BuiltinFunction
 * whose call() builds (once per process) a LibcContext over the process's
 * registers, memory, stdin/stdout and heap region, runs the function and
 * translates its outcome.
 */
import {
  CONTINUE,
  WAIT_FOR_INPUT,
  type BuiltinFunction as TrapBuiltin,
  type GuestMemory,
  type ProcessIo,
  type TrapContext,
  type TrapOutcome,
} from '../../cpu/interfaces.js';
import { LibcContext, type BuiltinOutcome } from './context.js';
import { BUILTIN_FUNCTIONS, type BuiltinFunction } from './registry.js';
import { SimpleHeap, type HeapAllocator } from './simple-heap.js';
import { END_OF_INPUT, INPUT_PENDING, type ScanInput } from './stdin.js';
import { StdoutBuffer, type BufferMode } from './stdout-buffer.js';

/** The runtime's stdin buffer seen as scanner input. */
class ProcessInput implements ScanInput {
  private bytes: Uint8Array = new Uint8Array(0);
  private readonly io: ProcessIo;

  constructor(io: ProcessIo) {
    this.io = io;
  }

  /** Takes a fresh look at the available bytes; called before each built-in call. */
  refresh(): void {
    this.bytes = this.io.availableInput();
  }

  byteAt(offset: number): number {
    if (offset < this.bytes.length) return this.bytes[offset];
    return this.io.inputClosed ? END_OF_INPUT : INPUT_PENDING;
  }

  consume(count: number): void {
    this.io.consumeInput(count);
    this.bytes = this.io.availableInput();
  }
}


export interface LibcAdapterOptions {
  /** Seconds since the epoch for time(); fixed for deterministic runs. */
  clock?: () => number;
  /** The allocator behind malloc for a process (default: SimpleHeap over layout.heapStart..heapEnd). */
  createHeap?: (context: TrapContext) => HeapAllocator;
  /**
   * glibc's stdout buffering: 'full' as when stdout is a pipe or file (what
   * qemu-arm shows in the goldens: output appears in 4096-byte blocks and at
   * exit, and is lost on a crash), 'line' as on a terminal, 'none' (default)
   * writes each call's output at once.
   */
  stdoutMode?: BufferMode;
}

interface ProcessState {
  libc: LibcContext;
  input: ProcessInput;
  stdout: StdoutBuffer;
}

export interface TrapLibrary {
  /** The built-ins in the trap interface's shape, in registry order (slot order for the loader). */
  readonly builtins: TrapBuiltin[];
  /** fflush(stdout): call when the program ends by returning from main (glibc's exit() flushes; exit() itself already does). */
  flush(context: TrapContext): void;
  /** Drops what is still buffered (a fault, or the exit system call, which glibc does not flush); returns it. */
  discard(context: TrapContext): Uint8Array;
  /** The process's C library state (its heap, rand state, stdout buffer), created on first use. */
  contextFor(context: TrapContext): LibcContext;
  /** Forgets a process's state (heap, rand, buffered output): for a restart that reuses its memory object. */
  forget(context: TrapContext): void;
}

/** Maps a library outcome to what the trap driver understands. */
export function toTrapOutcome(outcome: BuiltinOutcome): TrapOutcome {
  switch (outcome.kind) {
    case 'return':
      return CONTINUE;
    case 'waiting-for-input':
      return WAIT_FOR_INPUT;
    case 'exit':
      return { kind: 'exit', code: outcome.code };
    case 'signal':
      return { kind: 'fault', message: `${outcome.signal}: ${outcome.message}` };
    case 'fault':
      return { kind: 'fault', message: outcome.fault.message };
  }
}

/** The C library for the trap driver: built-ins plus the stdout controls a process's end needs. State is kept per process memory. */
export function createTrapLibrary(options: LibcAdapterOptions = {}): TrapLibrary {
  const processes = new WeakMap<GuestMemory, ProcessState>();
  const stateFor = (context: TrapContext): ProcessState => {
    let state = processes.get(context.memory);
    if (!state) {
      const io = context.io;
      const input = new ProcessInput(io);
      const stdout = new StdoutBuffer((bytes) => io.writeOutput(1, bytes.slice()), options.stdoutMode ?? 'none');
      const heap = options.createHeap ? options.createHeap(context) : new SimpleHeap(context.layout.heapStart, context.layout.heapEnd);
      const stderr = { write: (bytes: Uint8Array) => io.writeOutput(2, bytes.slice()) };
      const libc = new LibcContext({ registers: context.machine.registers, memory: context.memory, stdin: input, stdout, stderr, heap, clock: options.clock });
      state = { libc, input, stdout };
      processes.set(context.memory, state);
    }
    return state;
  };
  const builtins = [...BUILTIN_FUNCTIONS.values()].map((entry: BuiltinFunction) => ({
    name: entry.name,
    call(context: TrapContext): TrapOutcome {
      const state = stateFor(context);
      state.input.refresh();
      const outcome = entry.call(state.libc);
      if (outcome.kind === 'exit') state.stdout.flush();
      else if (outcome.kind === 'waiting-for-input') state.stdout.beforeInputWait();
      return toTrapOutcome(outcome);
    },
  }));
  return {
    builtins,
    flush: (context) => stateFor(context).stdout.flush(),
    discard: (context) => stateFor(context).stdout.discard(),
    contextFor: (context) => stateFor(context).libc,
    forget: (context) => void processes.delete(context.memory),
  };
}

/** Just the built-ins (stdout unbuffered unless options say otherwise). */
export function createTrapBuiltins(options: LibcAdapterOptions = {}): TrapBuiltin[] {
  return createTrapLibrary(options).builtins;
}
