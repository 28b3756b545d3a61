/**
 * The narrow interfaces the CPU depends on (DESIGN.md, style rule 4): a memory
 * bus and a trap handler. The runtime (syscalls, built-in C library, the buddy
 * heap, diagnostics) implements or wraps them; the CPU can be driven alone in a
 * test with a plain memory and a fake handler.
 *
 * How the pieces meet:
 * - `Memory` (emulator/cpu/memory.ts) implements `GuestMemory`: page-based,
 *   regions with permissions, faults as values (`status` + `fault`), never a
 *   host exception. It also has `readByte`/`writeByte` in the shape the C
 *   library's `LibcMemory` expects (-1 / false on failure).
 * - `Cpu` (emulator/cpu/cpu.ts) runs until a budget is spent or something
 *   needs the outside world; `svc #imm` stops it with `RUN_TRAP`, and the
 *   driver (emulator/debug/session.ts) calls the `TrapHandler` that
 *   emulator/runtime/syscalls.ts `createTrapHandler` builds from the Linux
 *   syscalls and the built-in C functions (emulator/runtime/libc/trap-adapter.ts).
 * - The loader (emulator/runtime/loader.ts) lays out the regions and says
 *   where they went in a `MemoryLayout`.
 * - Built-in C functions live in a small executable region below .text
 *   (`BUILTIN_BASE`), one 8-byte slot each: `svc #(BUILTIN_SVC_BASE + index)`
 *   then `bx lr`. A `bl printf` therefore really branches there, the call
 *   stack and disassembly show a named address, and returning is ordinary.
 *   The trap handler recognises the slot and calls `BuiltinFunction.call`.
 */

/** Kinds of access, for permission checks and fault messages. */
export type AccessKind = 'read' | 'write' | 'execute';

/** Why a memory access failed; carried to the user as a fault, never thrown. */
export interface MemoryFault {
  address: number;
  access: AccessKind;
  size: 1 | 2 | 4 | 8;
  /** Plain words: 'read of 4 bytes at 0x00000004: no memory is mapped there (nearest region: text 0x00010000-0x000100ff)'. */
  message: string;
  /**
   * 'unmapped' (no region), 'permission' (region forbids the access),
   * 'alignment' (LDM/STM/LDRD/STRD off a word boundary), 'guard' (the
   * unmapped page below the stack: a stack overflow), 'limit' (the memory cap).
   */
  reason: 'unmapped' | 'permission' | 'alignment' | 'guard' | 'limit';
}

/** Region permission bits. */
export const PERMISSION_READ = 1;
export const PERMISSION_WRITE = 2;
export const PERMISSION_EXECUTE = 4;

/** One mapped range of the address space (end exclusive, page aligned). */
export interface MemoryRegion {
  /** 'text', 'rodata', 'data', 'bss', 'brk', 'heap', 'stack', 'builtins'. */
  name: string;
  start: number;
  end: number;
  /** PERMISSION_* bits. */
  permissions: number;
}

/** `MemoryBus.status` values. */
export const MEMORY_OK = 0;
/** The last access failed; `fault` says why. The access had no effect (a load returns 0). */
export const MEMORY_FAULT = 1;
/** A write hit a watchpoint; the write happened. `watchAddress` says where. */
export const MEMORY_WATCH = 2;
/** A write changed executable memory: compiled code stops after the store so the new code runs. */
export const MEMORY_CODE_WRITTEN = 3;
/** An access the diagnostics flagged (AccessChecker): a load stops before its instruction, a store after it; the driver reports it and goes on. */
export const MEMORY_CHECKED = 4;

/** The diagnostics' hook on the memory bus: sees slow-path accesses (checked range, misaligned words); true = stop the CPU there. */
export interface AccessChecker {
  /**
   * One access. For the CPU's loads and stores in code compiled with a checker, `base` is the value
   * of the instruction's base register before any writeback and `baseRegister` its number (the
   * provenance of the address: a pointer into one heap block that lands in another); 0 and -1 for
   * the runtime's accesses.
   */
  checkAccess(address: number, size: number, write: boolean, base: number, baseRegister: number): boolean;
  /** The runtime is running a system call or C function for the program ('write()', 'puts()'): reports of its accesses name it. */
  runtimeCall?(name: string): void;
  /**
   * The runtime read or wrote `length` bytes at `address` for the program at once (a system call's
   * buffer): checked as one access. `mark` false: a write that may not happen in full (read()'s
   * whole buffer must be there, but only the bytes it stores count as written).
   */
  checkRange?(address: number, length: number, write: boolean, mark?: boolean): void;
  /** The runtime read a NUL byte at `address` (readByte): the C string it was reading ends there. */
  stringEnd?(address: number): void;
}

/** Calls the CPU remembers in full (return address, target, sp); deeper ones are counted only. */
export const CALL_CAPACITY = 1 << 18;

/** Words per frame in `CallChecker.frames`: r4..r11 at the call. */
export const CALL_FRAME_WORDS = 8;

/**
 * The diagnostics' hook on calls and returns (AAPCS checks). Frames are indexed by call depth
 * (0 = the outermost call), as the CPU's own call stack (`Cpu.callReturns`, `callStackPointers`:
 * the return address and sp at each call). Code compiled while a checker is attached writes the
 * frame itself at each judged `bl`/`blx` (the r4-r11 the program's code may change into `frames`,
 * `judged[depth] = 1`) and compares it and sp at the matching return, so a correct call costs a
 * few typed-array stores and no function call; only a misaligned sp or a mismatch at the return
 * calls into the checker. Those calls return 1 when the run should pause after the instruction
 * (the debugger's "pause at diagnostic").
 */
export interface CallChecker {
  /** CALL_FRAME_WORDS words per depth. */
  readonly frames: Int32Array;
  /** Frames remembered; deeper calls are not judged. */
  readonly capacity: number;
  /** 1 when the frame at that depth is judged at its return (written at every call). */
  readonly judged: Uint8Array;
  /** Slot `(pc >>> 2) & 4095`: the last call site reported for a misaligned sp (compiled code skips repeats). */
  readonly misalignedSeen: Int32Array;
  /** Compile time: whether the `bl`/`blx` at `pc` is judged at all. */
  judgesCallAt(pc: number): boolean;
  /**
   * The call at `pc`, making the frame at `depth`, has sp not a multiple of 8. `entrySp` and
   * `entryCall`: sp when the calling function was entered and the call that entered it (0: unknown).
   */
  misalignedCall(depth: number, pc: number, sp: number, entrySp: number, entryCall: number): number;
  /**
   * The return at `pc` from the frame at `depth` has sp or one of r4-r11 different from the call at
   * `callPc`, where sp was `entrySp`. `saved` (bits 4..11): the registers the frame holds; the others
   * the program never changes.
   */
  returnMismatch(depth: number, pc: number, saved: number, sp: number, entrySp: number, callPc: number, r4: number, r5: number, r6: number, r7: number, r8: number, r9: number, r10: number, r11: number): number;
}

/**
 * What the executing CPU needs. Every access either succeeds or sets
 * `status` (sticky until `clearStatus()`); nothing throws. Loads return
 * unsigned bytes/halfwords and a signed 32-bit word.
 * Unaligned read16/read32/write16/write32 are allowed (ARMv7 Linux user mode);
 * the CPU checks alignment itself where the architecture requires it.
 */
export interface MemoryBus {
  status: number;
  fault: MemoryFault | undefined;
  /**
   * `base`, `baseRegister`: for the CPU's loads and stores in code compiled with a checker, the
   * instruction's base register (value before writeback, and number), handed to the AccessChecker
   * with the access (its provenance); the runtime's accesses pass none.
   */
  read8(address: number, base?: number, baseRegister?: number): number;
  read16(address: number, base?: number, baseRegister?: number): number;
  read32(address: number, base?: number, baseRegister?: number): number;
  write8(address: number, value: number, base?: number, baseRegister?: number): void;
  write16(address: number, value: number, base?: number, baseRegister?: number): void;
  write32(address: number, value: number, base?: number, baseRegister?: number): void;
  clearStatus(): void;
}

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; fault: MemoryFault };

/** Bulk access for the runtime and the debugger (off the hot path). */
export interface GuestMemory extends MemoryBus {
  /** The byte at `address` (0..255), or -1 when it cannot be read. Shape of libc's `LibcMemory`. */
  readByte(address: number): number;
  /** Stores the low 8 bits; false when the address cannot be written. */
  writeByte(address: number, value: number): boolean;
  /** Copies `length` bytes out (respecting read permission). */
  readBytes(address: number, length: number): BytesResult;
  /**
   * Copies bytes in. `force` ignores write permission (the debugger and the
   * loader poking text); decoded code there is invalidated either way.
   */
  writeBytes(address: number, bytes: Uint8Array, force?: boolean): MemoryFault | undefined;
  /** The NUL-terminated string at `address` (latin-1), at most `limit` bytes; a fault when unreadable. */
  readCString(address: number, limit?: number): { ok: true; text: string } | { ok: false; fault: MemoryFault };
  /** The region containing `address`, if any. */
  regionAt(address: number): MemoryRegion | undefined;
  regions(): readonly MemoryRegion[];
}

/** What a step ended with: a discriminated result, never an exception (DESIGN.md rule 5). */
export type StepResult =
  | { kind: 'next' }
  | { kind: 'branched' }
  /** `svc #imm` executed; PC already points past it. The handler decides what happens next. */
  | { kind: 'trap'; immediate: number }
  /** The program asked to stop (exit/exit_group), set by the trap handler. */
  | { kind: 'exit'; code: number }
  | { kind: 'fault'; fault: CpuFault };

export type CpuFault =
  | { type: 'memory'; pc: number; memory: MemoryFault }
  | { type: 'undefined'; pc: number; word: number; message: string }
  | { type: 'unpredictable'; pc: number; word: number; message: string }
  | { type: 'thumb'; pc: number; target: number; message: string }
  /** A trap handler (syscall or built-in) refused: bad pointer argument, abort(), ... */
  | { type: 'runtime'; pc: number; message: string };

/** The register file and flags as the runtime and the debugger see them. */
export interface MachineState {
  /** r0..r15, live. During a trap r15 holds the address after the `svc`. */
  readonly registers: Int32Array;
  /** Condition flags as 0/1. */
  n: number;
  z: number;
  c: number;
  v: number;
  /** Instructions executed so far. */
  steps: number;
  /**
   * Return addresses of the calls in progress, innermost first, skipping the innermost `skip`
   * (during a C function's trap, skip 1: its own call), at most `limit`. Optional: a bare
   * machine in a test may have no call stack.
   */
  returnAddresses?(skip: number, limit: number): number[];
}

/** What a trap handler tells the driver to do next. */
export type TrapOutcome =
  | { kind: 'continue' }
  | { kind: 'exit'; code: number }
  /** No input is available yet: PC is rewound to the `svc`; running again after input arrives repeats the call. */
  | { kind: 'wait-for-input' }
  | { kind: 'fault'; message: string };

export const CONTINUE: TrapOutcome = Object.freeze({ kind: 'continue' });
export const WAIT_FOR_INPUT: TrapOutcome = Object.freeze({ kind: 'wait-for-input' });

/** The process's standard streams as traps see them. */
export interface ProcessIo {
  /** Appends program output (fd 1 = stdout, 2 = stderr). */
  writeOutput(fd: number, bytes: Uint8Array): void;
  /**
   * Every stdin byte received and not yet consumed. A function that needs
   * more than is there returns WAIT_FOR_INPUT (unless `inputClosed`), having
   * consumed nothing, and is called again when input arrives.
   */
  availableInput(): Uint8Array;
  consumeInput(count: number): void;
  /** True once stdin has ended (EOF): reads then return what is left, then 0. */
  readonly inputClosed: boolean;
  /** A once-per-kind warning for the user (unknown syscall, ...). */
  warn(message: string): void;
}

/** What a trap (syscall or built-in C function) may touch. */
export interface TrapContext {
  readonly machine: MachineState;
  readonly memory: GuestMemory;
  readonly io: ProcessIo;
  /** Where the loader put things (heap region for malloc, program break, stack). */
  readonly layout: MemoryLayout;
}

export interface TrapHandler {
  /** `svc #immediate` has executed: PC points past it. */
  supervisorCall(immediate: number, context: TrapContext): TrapOutcome;
}

/**
 * A built-in C function. AAPCS: arguments in r0-r3 then the stack at sp,
 * result in r0 (r0:r1 for 64-bit); it may clobber r0-r3, r12. Returning
 * CONTINUE resumes at the slot's `bx lr`.
 */
export interface BuiltinFunction {
  name: string;
  call(context: TrapContext): TrapOutcome;
}

/** Built-in slots: index i lives at BUILTIN_BASE + i * BUILTIN_SLOT_SIZE (reachable by BL from .text). */
export const BUILTIN_BASE = 0x00008000;
export const BUILTIN_SLOT_SIZE = 8;
export const BUILTIN_LIMIT = 0x00010000;
/** The slot's `svc` immediate is BUILTIN_SVC_BASE + index. */
export const BUILTIN_SVC_BASE = 0x00f00000;

/** Where the loader placed the process's regions (all addresses unsigned). */
export interface MemoryLayout {
  /** Program break region (brk syscall): [brkStart, brkLimit). */
  brkStart: number;
  brkLimit: number;
  /** Region reserved for the built-in malloc (mapped read/write, pages allocated on first touch). */
  heapStart: number;
  heapEnd: number;
  /** Highest stack address (exclusive) and the lowest mapped stack address; the guard lies below. */
  stackTop: number;
  stackLimit: number;
}
