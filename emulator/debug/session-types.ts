/**
 * The vocabulary of a debugging session (session.ts): why a run stopped, the
 * options a session is created with, and the frames of its call stack. Plain
 * values, so the engine protocol can carry them.
 */
import type { SourcePosition } from '../assembler/program';
import type { CpuFault } from '../cpu/interfaces';
import type { LoadOptions } from '../runtime/loader';
import type { BuddyHeapOptions } from '../runtime/heap/types';
import type { ChecksOptions } from '../runtime/diagnostics/process-checks';
import type { Diagnostic } from '../runtime/diagnostics/types';
import type { StdoutBuffering } from './runtime-bridge';

export type StopReason =
  /** The requested step (or step over / out) finished. */
  | { kind: 'step' }
  | { kind: 'breakpoint'; address: number }
  /** `pc` is the instruction that wrote, `address` where. */
  | { kind: 'watchpoint'; address: number; pc: number }
  | { kind: 'exit'; code: number }
  | { kind: 'fault'; fault: CpuFault; message: string; position?: SourcePosition; status: number }
  | { kind: 'budget' }
  | { kind: 'waiting-for-input' }
  | { kind: 'paused' }
  /**
   * `pauseOnDiagnostic`: the instruction at `pc` (or the C function or system call it made) did
   * something a memory check reports; the run paused after it, PC at the next instruction.
   */
  | { kind: 'diagnostic'; diagnostics: Diagnostic[]; pc: number };

export interface SessionOptions extends LoadOptions {
  /** Seconds since 1970 for the virtual clock (deterministic by default). */
  startSeconds?: number;
  /** glibc stdout buffering: 'full' into a pipe (qemu-arm piped), 'line' for a terminal/console. */
  stdoutBuffering?: StdoutBuffering;
  /** Program output as it is written (fd 1 or 2). */
  onOutput?: (fd: number, bytes: Uint8Array) => void;
  /** Once-per-kind runtime warnings (unknown syscall, lost output, ...). */
  onWarning?: (message: string) => void;
  /** The Buddy System heap behind malloc: size (default 1 MiB), minimum block, quarantine, redzone. */
  heap?: Pick<BuddyHeapOptions, 'size' | 'minimumBlock' | 'quarantine' | 'redzone'>;
  /** Memory diagnostics (issue 4): which kinds are off or on; false runs without them. */
  checks?: ChecksOptions | false;
  /**
   * Pause after an instruction that produced an error or warning diagnostic (stop reason
   * 'diagnostic'), as a debugger pauses at a fault; running again goes on. Default false: the run
   * reports and goes on (the CLI); the IDE turns it on by default.
   */
  pauseOnDiagnostic?: boolean;
}

export interface StackFrame {
  /** Function entry (the BL target). */
  function: number;
  name: string;
  /** Where this frame is now: the PC for the innermost frame, the call's return address - 4 for the callers. */
  address: number;
  position?: SourcePosition;
  stackPointer: number;
}
