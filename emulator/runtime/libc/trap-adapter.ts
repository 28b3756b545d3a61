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
import { LibcContext, type BuiltinOutcome, type LibcOutput } from './context.js';
import { BUILTIN_FUNCTIONS, type BuiltinFunction } from './registry.js';
import { SimpleHeap, type HeapAllocator } from './simple-heap.js';
import { END_OF_INPUT, INPUT_PENDING, type ScanInput } from './stdin.js';

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

class ProcessOutput implements LibcOutput {
  private readonly io: ProcessIo;

  constructor(io: ProcessIo) {
    this.io = io;
  }
  write(bytes: Uint8Array): void {
    // The library reuses its buffers: hand over a copy.
    this.io.writeOutput(1, bytes.slice());
  }
}

export interface LibcAdapterOptions {
  /** Seconds since the epoch for time(); fixed for deterministic runs. */
  clock?: () => number;
  /** The allocator behind malloc for a process (default: SimpleHeap over layout.heapStart..heapEnd). */
  createHeap?: (context: TrapContext) => HeapAllocator;
}

interface ProcessState {
  libc: LibcContext;
  input: ProcessInput;
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

/**
 * The built-ins in the trap interface's shape, in registry order (slot order
 * for the loader). One set serves many processes: state is kept per process
 * memory.
 */
export function createTrapBuiltins(options: LibcAdapterOptions = {}): TrapBuiltin[] {
  const processes = new WeakMap<GuestMemory, ProcessState>();
  const stateFor = (context: TrapContext): ProcessState => {
    let state = processes.get(context.memory);
    if (!state) {
      const input = new ProcessInput(context.io);
      const heap = options.createHeap ? options.createHeap(context) : new SimpleHeap(context.layout.heapStart, context.layout.heapEnd);
      const libc = new LibcContext({
        registers: context.machine.registers,
        memory: context.memory,
        stdin: input,
        stdout: new ProcessOutput(context.io),
        heap,
        clock: options.clock,
      });
      state = { libc, input };
      processes.set(context.memory, state);
    }
    return state;
  };
  return [...BUILTIN_FUNCTIONS.values()].map((entry: BuiltinFunction) => ({
    name: entry.name,
    call(context: TrapContext): TrapOutcome {
      const state = stateFor(context);
      state.input.refresh();
      return toTrapOutcome(entry.call(state.libc));
    },
  }));
}
