/**
 * Linux EABI system calls (`svc #0`, number in r7, arguments r0-r5, result
 * in r0, errors as -errno) — the ones a teaching program meets. An unknown
 * number returns -ENOSYS and warns once, naming it.
 *
 * Time is virtual so runs are deterministic: the clock starts at
 * `startSeconds` and advances 10 ns per executed instruction plus whatever
 * nanosleep asked for.
 */
import {
  BUILTIN_BASE,
  BUILTIN_SVC_BASE,
  CONTINUE,
  WAIT_FOR_INPUT,
  type BuiltinFunction,
  type GuestMemory,
  type TrapContext,
  type TrapHandler,
  type TrapOutcome,
} from '../cpu/interfaces';
import { builtinAddress } from './loader';

export const SYSCALL_NAMES: Record<number, string> = {
  1: 'exit', 3: 'read', 4: 'write', 5: 'open', 6: 'close', 13: 'time', 20: 'getpid', 45: 'brk',
  54: 'ioctl', 78: 'gettimeofday', 122: 'uname', 158: 'sched_yield', 162: 'nanosleep', 199: 'getuid32',
  224: 'gettid', 248: 'exit_group', 263: 'clock_gettime', 384: 'getrandom', 403: 'clock_gettime64',
};

/** What the memory diagnostics want to hear from the runtime (emulator/cpu/memory.ts has them; other memories may not). */
type CheckedMemory = GuestMemory & {
  runtimeCall?(name: string): void;
  checkRuntimeAccess?(address: number, length: number, write: boolean, mark?: boolean): void;
};

/** 'write()': how reports name a system call's own accesses. */
const CALL_LABELS = new Map(Object.entries(SYSCALL_NAMES).map(([number, name]) => [Number(number), `${name}()`]));

const ENOENT = 2;
const EBADF = 9;
const EFAULT = 14;
const EINVAL = 22;
const ENOTTY = 25;
const ENOSYS = 38;

export const DEFAULT_START_SECONDS = 1_700_000_000;
export const PROCESS_ID = 1000;

export interface SyscallOptions {
  /** Seconds since 1970 at the first instruction. */
  startSeconds?: number;
}

export class LinuxSyscalls {
  private readonly startSeconds: number;
  /** Nanoseconds slept (nanosleep moves the virtual clock instead of waiting). */
  private slept = 0;
  private readonly warned = new Set<number>();
  private programBreak = -1;

  constructor(options: SyscallOptions = {}) {
    this.startSeconds = options.startSeconds ?? DEFAULT_START_SECONDS;
  }

  /** Virtual time in nanoseconds since the epoch, as a double. */
  nanoseconds(steps: number): number {
    return this.startSeconds * 1e9 + steps * 10 + this.slept;
  }

  handle(context: TrapContext): TrapOutcome {
    const registers = context.machine.registers;
    const number = registers[7] >>> 0;
    const [a0, a1, a2] = [registers[0], registers[1], registers[2]];
    const result = (value: number): TrapOutcome => {
      registers[0] = value;
      return CONTINUE;
    };
    switch (number) {
      case 1:
      case 248:
        return { kind: 'exit', code: a0 & 0xff };
      case 3:
        return this.read(context, a0, a1 >>> 0, a2 >>> 0);
      case 4:
        return result(this.write(context, a0, a1 >>> 0, a2 >>> 0));
      case 5:
        return result(-ENOENT);
      case 6:
        return result(a0 >= 0 && a0 <= 2 ? 0 : -EBADF);
      case 13: {
        const seconds = Math.floor(this.nanoseconds(context.machine.steps) / 1e9);
        if (a0 !== 0 && !writeWords(context, a0 >>> 0, [seconds])) return result(-EFAULT);
        return result(seconds);
      }
      case 20:
      case 224:
        return result(PROCESS_ID);
      case 199:
        return result(1000);
      case 45:
        return result(this.brk(context, a0 >>> 0));
      case 54:
        return result(a0 >= 0 && a0 <= 2 ? -ENOTTY : -EBADF);
      case 78: {
        const now = this.nanoseconds(context.machine.steps);
        if (a0 !== 0 && !writeWords(context, a0 >>> 0, [Math.floor(now / 1e9), Math.floor((now % 1e9) / 1000)])) return result(-EFAULT);
        return result(0);
      }
      case 158:
        return result(0);
      case 162:
        return result(this.nanosleep(context, a0 >>> 0, a1 >>> 0));
      case 263:
        return result(this.clockGettime(context, a0, a1 >>> 0, false));
      case 403:
        return result(this.clockGettime(context, a0, a1 >>> 0, true));
      case 384: {
        const bytes = Uint8Array.from({ length: Math.min(a1 >>> 0, 256) }, (_, index) => (index * 73 + 19) & 0xff);
        return result(context.memory.writeBytes(a0 >>> 0, bytes) ? -EFAULT : bytes.length);
      }
      default:
        if (!this.warned.has(number)) {
          this.warned.add(number);
          const name = SYSCALL_NAMES[number];
          context.io.warn(`system call ${number}${name ? ` (${name})` : ''} is not supported; it returned -ENOSYS (-38)`);
        }
        return result(-ENOSYS);
    }
  }

  private read(context: TrapContext, fd: number, buffer: number, count: number): TrapOutcome {
    const registers = context.machine.registers;
    if (fd !== 0) {
      registers[0] = -EBADF;
      return CONTINUE;
    }
    if (count === 0) {
      registers[0] = 0;
      return CONTINUE;
    }
    const available = context.io.availableInput();
    if (available.length === 0 && !context.io.inputClosed) return WAIT_FOR_INPUT;
    // The whole buffer must be the program's to fill, however many bytes arrive (memcheck's
    // "Syscall param read(buf) points to unaddressable byte(s)"); only those bytes count as written.
    (context.memory as CheckedMemory).checkRuntimeAccess?.(buffer, count, true, false);
    if (available.length === 0) {
      registers[0] = 0;
      return CONTINUE;
    }
    const take = available.subarray(0, Math.min(count, available.length));
    if (context.memory.writeBytes(buffer, take)) {
      registers[0] = -EFAULT;
      return CONTINUE;
    }
    context.io.consumeInput(take.length);
    registers[0] = take.length;
    return CONTINUE;
  }

  private write(context: TrapContext, fd: number, buffer: number, count: number): number {
    if (fd !== 1 && fd !== 2) return -EBADF;
    if (count > 64 * 1024 * 1024) return -EFAULT;
    const bytes = context.memory.readBytes(buffer, count);
    if (!bytes.ok) return -EFAULT;
    // The buffer is read for the program: one check of the whole of it (freed, past its block, never written).
    (context.memory as CheckedMemory).checkRuntimeAccess?.(buffer, count, false);
    context.io.writeOutput(fd, bytes.bytes);
    return count;
  }

  /** brk(0) asks for the break; a request inside [brkStart, brkLimit] moves it. Linux returns the (new) break. */
  private brk(context: TrapContext, requested: number): number {
    const { brkStart, brkLimit } = context.layout;
    if (this.programBreak < 0) this.programBreak = brkStart;
    if (requested >= brkStart && requested <= brkLimit) {
      const memory = context.memory as TrapContext['memory'] & { resize?(name: string, end: number): boolean };
      const end = Math.ceil(requested / 4096) * 4096;
      if (memory.resize?.('brk', end)) this.programBreak = requested;
    }
    return this.programBreak | 0;
  }

  private nanosleep(context: TrapContext, request: number, remaining: number): number {
    const words = context.memory.readBytes(request, 8);
    if (!words.ok) return -EFAULT;
    (context.memory as CheckedMemory).checkRuntimeAccess?.(request, 8, false);
    const view = new DataView(words.bytes.buffer);
    const seconds = view.getInt32(0, true);
    const nanoseconds = view.getInt32(4, true);
    if (seconds < 0 || nanoseconds < 0 || nanoseconds > 999_999_999) return -EINVAL;
    this.slept += seconds * 1e9 + nanoseconds;
    if (remaining !== 0 && !writeWords(context, remaining, [0, 0])) return -EFAULT;
    return 0;
  }

  private clockGettime(context: TrapContext, clock: number, target: number, wide: boolean): number {
    if (clock < 0 || clock > 7) return -EINVAL;
    // CLOCK_REALTIME (0) counts from the epoch; the monotonic and CPU clocks from the start.
    const now = clock === 0 ? this.nanoseconds(context.machine.steps) : this.nanoseconds(context.machine.steps) - this.startSeconds * 1e9;
    const seconds = Math.floor(now / 1e9);
    const fraction = Math.floor(now % 1e9);
    const words = wide ? [seconds >>> 0, Math.floor(seconds / 2 ** 32), fraction, 0] : [seconds, fraction];
    return writeWords(context, target, words) ? 0 : -EFAULT;
  }
}

function writeWords(context: TrapContext, address: number, words: readonly number[]): boolean {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, index) => view.setUint32(index * 4, word >>> 0, true));
  return context.memory.writeBytes(address, bytes) === undefined;
}

/**
 * The process's trap handler: `svc` in a built-in slot calls that C
 * function; any other `svc` is a Linux system call (EABI: the number is in
 * r7 whatever the immediate).
 */
export function createTrapHandler(syscalls: LinuxSyscalls, builtins: readonly BuiltinFunction[]): TrapHandler {
  const builtinLabels = builtins.map((builtin) => `${builtin.name}()`);
  return {
    supervisorCall(immediate, context) {
      const index = immediate - BUILTIN_SVC_BASE;
      const pc = (context.machine.registers[15] - 4) >>> 0;
      const memory = context.memory as CheckedMemory;
      if (index >= 0 && index < builtins.length && pc === builtinAddress(index) && pc >= BUILTIN_BASE) {
        memory.runtimeCall?.(builtinLabels[index]);
        return builtins[index].call(context);
      }
      if (memory.runtimeCall) {
        const number = context.machine.registers[7] >>> 0;
        memory.runtimeCall(CALL_LABELS.get(number) ?? `system call ${number}`);
      }
      return syscalls.handle(context);
    },
  };
}
