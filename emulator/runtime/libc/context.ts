/**
 * What a built-in C function runs against: the registers (arguments in,
 * result out), guest memory, stdin, stdout, the heap, the clock and the
 * library's own state (rand's state, reusable buffers). The runtime makes one
 * per program run and passes it to BUILTIN_FUNCTIONS entries.
 */
import { AapcsArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';
import { LR, memoryFault, type LibcFault, type LibcMemory, type RegisterFile } from './memory.js';
import { GlibcRandom } from './random.js';
import type { HeapMonitor } from './heap-monitor.js';
import type { HeapAllocator } from './simple-heap.js';
import { StringInput, type ScanInput } from './stdin.js';

/** Where stdio's stdout goes. The runtime decides when bytes reach the console (glibc buffers stdout fully when it is not a terminal, and flushes at exit). */
export interface LibcOutput {
  write(bytes: Uint8Array): void;
  /** fflush: pass buffered bytes on now (absent: nothing is buffered). */
  flush?(): void;
}

/**
 * The FILE * values of stdin, stdout and stderr. The runtime stores them in
 * the data words named `stdin`, `stdout` and `stderr` that programs load
 * (`ldr r2, =stdin; ldr r2, [r2]`); the library never dereferences them.
 */
export const STREAM_HANDLES = Object.freeze({ stdin: 0x0000fff0, stdout: 0x0000fff4, stderr: 0x0000fff8 });

/** How a built-in call ended. */
export type BuiltinOutcome =
  /** Results are in r0 (and r1 for 64-bit ones); continue at lr. */
  | { kind: 'return' }
  /** Nothing was changed or consumed: stop with "waiting for input" and call the function again once stdin has more bytes or has closed. */
  | { kind: 'waiting-for-input' }
  /** exit(code): flush stdout, the process status is code & 0xff. */
  | { kind: 'exit'; code: number }
  /** The process dies from a signal, as glibc's would: SIGABRT (abort, heap corruption; status 134) or SIGFPE (division by zero; status 136). */
  | { kind: 'signal'; signal: 'SIGABRT' | 'SIGFPE'; status: number; message: string }
  /** The C function would have crashed here (SIGSEGV, status 139). */
  | { kind: 'fault'; fault: LibcFault };

export const RETURNED: BuiltinOutcome = Object.freeze({ kind: 'return' });
export const WAITING_FOR_INPUT: BuiltinOutcome = Object.freeze({ kind: 'waiting-for-input' });

export interface LibcContextOptions {
  registers: RegisterFile;
  memory: LibcMemory;
  /** Standard input: a StdinStream, or the runtime's own buffer behind the same two methods. */
  stdin: ScanInput;
  stdout: LibcOutput;
  /** Unbuffered, as in glibc; defaults to stdout's destination. */
  stderr?: LibcOutput;
  heap: HeapAllocator;
  /** Seconds since the epoch for time(); pass a fixed value for deterministic runs. */
  clock?: () => number;
  /** Return addresses of the calls enclosing the current C function's call, innermost first (allocation sites' call stacks). */
  callers?: () => readonly number[];
}

const NO_CALLERS: readonly number[] = Object.freeze([]);

export class LibcContext {
  readonly registers: RegisterFile;
  readonly memory: LibcMemory;
  readonly stdin: ScanInput;
  readonly stdout: LibcOutput;
  readonly stderr: LibcOutput;
  heap: HeapAllocator;
  /**
   * The heap checker, when one runs: told of every block handed out and of realloc's moves, and
   * handed free/realloc problems instead of aborting (the run goes on, as the diagnostics want).
   */
  heapMonitor: HeapMonitor | undefined = undefined;
  readonly clock: () => number;
  /** The enclosing calls' return addresses, innermost first (empty when the machine keeps no call stack). */
  readonly callers: () => readonly number[];
  readonly random = new GlibcRandom();
  /** Reused by the functions below; not part of the contract. */
  readonly arguments: AapcsArgumentReader;
  readonly formatText = new ByteBuilder(256);
  readonly formatted = new ByteBuilder(1024);
  readonly stringInput = new StringInput();
  /** Where the last readString() ran into unreadable memory. */
  unreadableAddress = 0;

  constructor(options: LibcContextOptions) {
    this.registers = options.registers;
    this.memory = options.memory;
    this.stdin = options.stdin;
    this.stdout = options.stdout;
    this.stderr = options.stderr ?? options.stdout;
    this.heap = options.heap;
    this.clock = options.clock ?? (() => Math.floor(Date.now() / 1000));
    this.callers = options.callers ?? (() => NO_CALLERS);
    this.arguments = new AapcsArgumentReader(this.registers, this.memory);
  }

  /** Argument n (0 = r0) as an unsigned 32-bit value; n < 4 only. */
  argument(index: number): number {
    return this.registers[index] >>> 0;
  }

  /** The output behind a FILE * value: stdout, stderr, or null for anything else. */
  outputFor(stream: number): LibcOutput | null {
    if (stream === STREAM_HANDLES.stdout) return this.stdout;
    if (stream === STREAM_HANDLES.stderr) return this.stderr;
    return null;
  }

  /** Sets r0 and reports a normal return. */
  returnValue(value: number): BuiltinOutcome {
    this.registers[0] = value;
    return RETURNED;
  }

  /** readString() failed: the fault, naming the function. */
  stringFault(functionName: string): BuiltinOutcome {
    return { kind: 'fault', fault: memoryFault(functionName, 'read', this.unreadableAddress) };
  }

  /** The caller's return address, used as the allocation site. */
  get returnAddress(): number {
    return this.registers[LR] >>> 0;
  }

  /**
   * Reads the C string at `address` into formatText (reused; valid until the
   * next call). Returns null when it runs into unreadable memory.
   */
  readString(address: number): Uint8Array | null {
    const text = this.formatText;
    text.clear();
    for (let offset = 0; ; offset++) {
      const byte = this.memory.readByte((address + offset) >>> 0);
      if (byte === 0) return text.view();
      if (byte < 0) {
        this.unreadableAddress = (address + offset) >>> 0;
        return null;
      }
      text.push(byte);
    }
  }
}
