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
import { BuddyHeap } from '../heap/buddy.js';
import type { BuddyHeapOptions } from '../heap/types.js';
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
  /** The allocator behind malloc for a process (default: a BuddyHeap at layout.heapStart, see `heap`). */
  createHeap?: (context: TrapContext) => HeapAllocator;
  /**
   * Options of the default Buddy System heap (size: default 1 MiB, cut to the largest power of two
   * the layout's heap region holds; minimum block; quarantine; event log; step source; site resolver).
   */
  heap?: Omit<BuddyHeapOptions, 'base'>;
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
/** Enclosing calls kept with each allocation and free (the innermost ones tell the story). */
const CALLER_LIMIT = 16;

export function createTrapLibrary(options: LibcAdapterOptions = {}): TrapLibrary {
  const processes = new WeakMap<GuestMemory, ProcessState>();
  const stateFor = (context: TrapContext): ProcessState => {
    let state = processes.get(context.memory);
    if (!state) {
      const io = context.io;
      const input = new ProcessInput(io);
      const stdout = new StdoutBuffer((bytes) => io.writeOutput(1, bytes.slice()), options.stdoutMode ?? 'none');
      const heap = options.createHeap ? options.createHeap(context) : defaultHeap(context, options.heap ?? {});
      const stderr = { write: (bytes: Uint8Array) => io.writeOutput(2, bytes.slice()) };
      const machine = context.machine;
      const callers = (): readonly number[] => machine.returnAddresses?.(1, CALLER_LIMIT) ?? [];
      const libc = new LibcContext({ registers: machine.registers, memory: context.memory, stdin: input, stdout, stderr, heap, clock: options.clock, callers });
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

/**
 * The Buddy System heap over the layout's heap region: `options.size` (default 1 MiB) cut to the
 * largest power of two the region holds. Options the heap refuses fall back to a SimpleHeap over
 * the region, with a warning (the CLI checks them before a run, so this is for other callers).
 */
export function defaultHeap(context: TrapContext, options: Omit<BuddyHeapOptions, 'base'>): HeapAllocator {
  const { heapStart, heapEnd } = context.layout;
  const base = (heapStart + 7) & ~7;
  const room = heapEnd - base;
  let size = options.size ?? 1 << 20;
  while (size > room && size > 4096) size /= 2;
  const created = BuddyHeap.create({ ...options, base, size });
  if (created.ok) return created.heap;
  context.io.warn(`the Buddy System heap could not be made (${created.error}); malloc uses a simple first-fit heap instead`);
  return new SimpleHeap(heapStart, heapEnd);
}

/** Just the built-ins (stdout unbuffered unless options say otherwise). */
export function createTrapBuiltins(options: LibcAdapterOptions = {}): TrapBuiltin[] {
  return createTrapLibrary(options).builtins;
}
