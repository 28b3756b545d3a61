/**
 * Joins the built-in C library (emulator/runtime/libc, through its trap
 * adapter) to a session: one slot per library function in the library's
 * table order (so the assembler and the loader agree on addresses), glibc's
 * `stdin`/`stdout`/`stderr` stream variables, and the process's standard
 * streams (`SessionIo`: stdin shared by the read syscall and stdio).
 */
import { BUILTIN_LIMIT, CONTINUE, type ProcessIo } from '../cpu/interfaces';
import { builtinResolver } from '../runtime/loader';
import { BUILTIN_FUNCTIONS, StdinStream } from '../runtime/libc/index';
import { STREAM_HANDLES } from '../runtime/libc/context';

export type StdoutBuffering = 'full' | 'line' | 'none';

/** Names of the built-in C functions, in slot order. */
export const BUILTIN_NAMES: readonly string[] = [...BUILTIN_FUNCTIONS.keys()];

/** glibc's `FILE *stdin, *stdout, *stderr`: words at the top of the built-in region holding the library's stream handles. */
export const STREAM_VARIABLES: readonly { name: string; address: number; value: number }[] = (['stdin', 'stdout', 'stderr'] as const).map(
  (name, index) => ({ name, address: BUILTIN_LIMIT - 16 + 4 * index, value: STREAM_HANDLES[name] }),
);

const slotOf = builtinResolver(BUILTIN_NAMES.map((name) => ({ name, call: () => CONTINUE })));
const streamOf = new Map(STREAM_VARIABLES.map((variable) => [variable.name, variable.address]));

/** For `AssembleOptions.resolveExternal`: where a built-in C function (or glibc stream variable) lives. */
export function resolveBuiltin(name: string): number | undefined {
  return slotOf(name) ?? streamOf.get(name);
}

/** The process's standard streams: stdin shared by read() and stdio; output straight to the session. */
export class SessionIo implements ProcessIo {
  readonly stdin = new StdinStream();
  private readonly warnings = new Set<string>();

  constructor(
    private readonly emit: (fd: number, bytes: Uint8Array) => void,
    private readonly warnOnce: (message: string) => void,
  ) {}

  writeOutput(fd: number, bytes: Uint8Array): void {
    this.emit(fd, bytes);
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
