/**
 * Joins the built-in C library (emulator/runtime/libc) to the CPU's trap
 * interface: one slot per library function (in the library's table order, so
 * the assembler and the loader agree on addresses), one LibcContext per run,
 * stdin shared with the read syscall, and stdio's stdout buffer, which
 * behaves as glibc's: fully buffered (4096 bytes) into a pipe or file, line
 * buffered on a terminal, flushed by exit() and by returning from main.
 */
import { CONTINUE, WAIT_FOR_INPUT, type BuiltinFunction, type MemoryLayout, type ProcessIo, type TrapOutcome } from '../cpu/interfaces';
import type { Cpu } from '../cpu/cpu';
import type { Memory } from '../cpu/memory';
import { builtinResolver } from '../runtime/loader';
import { BUILTIN_FUNCTIONS, LibcContext, SimpleHeap, StdinStream, type BuiltinOutcome } from '../runtime/libc/index';

export type StdoutBuffering = 'full' | 'line' | 'none';
const GLIBC_BUFFER_SIZE = 4096;

const LIBRARY = [...BUILTIN_FUNCTIONS.values()];

/** Names of the built-in C functions, in slot order. */
export const BUILTIN_NAMES: readonly string[] = LIBRARY.map((entry) => entry.name);

/** For `AssembleOptions.resolveExternal`: where a built-in C function lives. */
export const resolveBuiltin: (name: string) => number | undefined = builtinResolver(LIBRARY.map((entry) => ({ name: entry.name, call: () => CONTINUE })));

/** A runtime fault raised by a C function or a signal it delivered. */
export interface LibraryStop {
  message: string;
  /** Process status a shell would see (134 SIGABRT, 136 SIGFPE, 139 SIGSEGV). */
  status: number;
}

/** The process's standard streams: stdin shared by read() and stdio, stdout buffered as stdio does. */
export class SessionIo implements ProcessIo {
  readonly stdin = new StdinStream();
  private pending: number[] = [];
  private readonly warnings = new Set<string>();

  constructor(
    private readonly emit: (fd: number, bytes: Uint8Array) => void,
    private readonly warnOnce: (message: string) => void,
    readonly buffering: StdoutBuffering,
  ) {}

  writeOutput(fd: number, bytes: Uint8Array): void {
    if (fd === 1 && this.pending.length) this.flush();
    this.emit(fd, bytes);
  }

  /** stdio's stdout (printf, puts, putchar). */
  writeStdio(bytes: Uint8Array): void {
    if (this.buffering === 'none') {
      this.emit(1, bytes.slice());
      return;
    }
    for (let index = 0; index < bytes.length; index++) this.pending.push(bytes[index]);
    if (this.buffering === 'line' ? bytes.includes(10) : this.pending.length >= GLIBC_BUFFER_SIZE) this.flush();
  }

  /** Bytes printed through stdio and not yet written. */
  get buffered(): number {
    return this.pending.length;
  }

  flush(): void {
    if (!this.pending.length) return;
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    this.emit(1, bytes);
  }

  /** Before reading stdin, glibc flushes line-buffered stdout (the prompt appears). */
  beforeInput(): void {
    if (this.buffering === 'line') this.flush();
  }

  availableInput(): Uint8Array {
    const count = this.stdin.available;
    const bytes = new Uint8Array(count);
    for (let index = 0; index < count; index++) bytes[index] = this.stdin.byteAt(index);
    return bytes;
  }

  consumeInput(count: number): void {
    this.stdin.consume(count);
  }

  get inputClosed(): boolean {
    return this.stdin.isClosed;
  }

  warn(message: string): void {
    if (this.warnings.has(message)) return;
    this.warnings.add(message);
    this.warnOnce(message);
  }
}

/**
 * The built-in functions as trap-callable slots. `stop` receives faults and
 * signals (the session turns them into a stop with a status).
 */
export function libraryBuiltins(cpu: Cpu, memory: Memory, layout: MemoryLayout, io: SessionIo, clock: () => number, stop: (reason: LibraryStop) => void): BuiltinFunction[] {
  const context = new LibcContext({
    registers: cpu.registers,
    memory,
    stdin: io.stdin,
    stdout: { write: (bytes) => io.writeStdio(bytes) },
    heap: new SimpleHeap(layout.heapStart, layout.heapEnd),
    clock,
  });
  const translate = (outcome: BuiltinOutcome): TrapOutcome => {
    switch (outcome.kind) {
      case 'return':
        return CONTINUE;
      case 'waiting-for-input':
        return WAIT_FOR_INPUT;
      case 'exit':
        io.flush();
        return { kind: 'exit', code: outcome.code & 0xff };
      case 'signal':
        io.flush();
        stop({ message: `${outcome.signal}: ${outcome.message}`, status: outcome.status });
        return { kind: 'fault', message: `${outcome.signal}: ${outcome.message}` };
      default:
        stop({ message: outcome.fault.message, status: 139 });
        return { kind: 'fault', message: outcome.fault.message };
    }
  };
  return LIBRARY.map((entry) => ({
    name: entry.name,
    call: () => {
      if (entry.readsStdin) io.beforeInput();
      return translate(entry.call(context));
    },
  }));
}
