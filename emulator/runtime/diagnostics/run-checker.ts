/**
 * Everything a running program is checked with, behind the few hooks the
 * emulator calls: `checkAccess` from the memory bus (heap-region accesses,
 * misaligned words and writes to executable pages take its slow path),
 * `stackChecker` (CallChecker) from compiled code at calls and returns,
 * `reportPending(pc)` when the CPU stopped at an instruction the checker flagged, `stackOverflow`/`textWrite` from faults, and `finish` at
 * exit (leaks). The driver runs guest code with the checker "attached" and
 * sets `callSite` while a built-in C function runs.
 */
import type { BuddyHeap } from '../heap/buddy.js';
import type { WordReader } from '../heap/leaks.js';
import { hex } from '../heap/facts.js';
import { DiagnosticCollector, type CollectorOptions } from './collector.js';
import { HeapChecker } from './heap-checker.js';
import { reportLeaks, type LeakSummary } from './leak-report.js';
import { siteOf } from './sites.js';
import type { SourceSwitchProblem } from './source-switches.js';
import { StackChecker } from './stack-checker.js';
import * as kinds from './types.js';

/**
 * Kinds off unless asked for (`enabled`). None today: misaligned words are legal in ARMv7 Linux
 * user mode but rarely meant, so a program that relies on them says so in its source
 * (`@ sherwood: allow misaligned-access`, source-switches.ts).
 */
export const DEFAULT_OFF_KINDS: readonly kinds.DiagnosticKind[] = [];

export interface RunCheckerOptions extends CollectorOptions {
  /** The buddy heap behind malloc (none: no heap checks). */
  heap?: BuddyHeap;
  /** Instruction address -> source line. */
  resolve: kinds.SourceResolver;
  /** The machine's step counter. */
  step?: () => number;
  /** Kinds switched on: over DEFAULT_OFF_KINDS (and, in createProcessChecker, over the source's `@ sherwood: allow`). */
  enabled?: Iterable<kinds.DiagnosticKind>;
  /** Report blocks still reachable at exit as notes. */
  reportReachable?: boolean;
  /** A call whose return is not judged: the built-in start-up's `bl main` (glibc's start-up relies on nothing main returns with). */
  uncheckedCall?: number;
  /** The whole region reserved for malloc (the buddy heap is its first part): accesses past the heap in it are overflows too. */
  heapRegion?: { start: number; end: number };
  /** Program text [start, end) ranges: a write there is a `write-to-text` warning. */
  textRanges?: readonly { start: number; end: number }[];
}

const NONE = -1;

export class RunChecker {
  readonly collector: DiagnosticCollector;
  readonly heapChecker: HeapChecker | undefined;
  readonly stackChecker: StackChecker;
  readonly resolve: kinds.SourceResolver;
  readonly step: () => number;
  private readonly heapBase: number;
  private readonly heapLimit: number;
  private readonly checkMisaligned: boolean;
  private readonly reportReachable: boolean;
  private internal = 0;
  private site = -1;
  private readonly textStarts: number[];
  private readonly textEnds: number[];
  // A misaligned access or text write waiting for its PC.
  private pendingKind = NONE;
  private pendingAddress = 0;
  private pendingSize = 0;
  private pendingWrite = false;
  /** Leak totals from `finish`. */
  leakSummary: LeakSummary | undefined;
  /** `@ sherwood: allow` comments in the program's source that named no known kind (process-checks.ts). */
  readonly sourceProblems: SourceSwitchProblem[] = [];

  constructor(options: RunCheckerOptions) {
    const enabled = new Set(options.enabled ?? []);
    const disabled = new Set([...(options.disabled ?? []), ...DEFAULT_OFF_KINDS.filter((kind) => !enabled.has(kind))]);
    this.collector = new DiagnosticCollector({ ...options, disabled });
    this.resolve = options.resolve;
    this.step = options.step ?? (() => 0);
    this.heapChecker = options.heap ? new HeapChecker(options.heap, this.collector, this.resolve, this.step) : undefined;
    this.heapBase = options.heap ? Math.min(options.heap.base, options.heapRegion?.start ?? options.heap.base) : 0;
    this.heapLimit = options.heap ? Math.max(options.heap.limit, options.heapRegion?.end ?? options.heap.limit) : 0;
    if (this.heapChecker) {
      this.heapChecker.regionStart = this.heapBase;
      this.heapChecker.regionEnd = this.heapLimit;
    }
    this.stackChecker = new StackChecker(this.collector, this.resolve, this.step);
    this.stackChecker.uncheckedCall = options.uncheckedCall ?? -1;
    this.checkMisaligned = this.collector.enabled(kinds.KIND_MISALIGNED_ACCESS);
    this.reportReachable = options.reportReachable === true;
    const text = this.collector.enabled(kinds.KIND_WRITE_TO_TEXT) ? (options.textRanges ?? []) : [];
    this.textStarts = text.map((range) => range.start >>> 0);
    this.textEnds = text.map((range) => range.end >>> 0);
  }

  get diagnostics(): readonly kinds.Diagnostic[] {
    return this.collector.diagnostics;
  }

  /** The address range whose accesses the memory bus must hand to `checkAccess` (empty without a heap). */
  get checkedRange(): { start: number; end: number } {
    return { start: this.heapBase, end: this.heapLimit };
  }

  /** True when misaligned words must reach `checkAccess`. */
  get checksAlignment(): boolean {
    return this.checkMisaligned;
  }

  /**
   * The `bl`/`svc` of the built-in C function or system call now running (its heap problems are
   * reported there), or -1. Setting -1 ends the call: the accesses it made are checked then.
   */
  set callSite(pc: number) {
    this.site = pc;
    if (this.heapChecker) this.heapChecker.callSite = pc;
  }

  /** AccessChecker: the runtime names the C function or system call it runs for the program ('puts()', 'write()'). */
  runtimeCall(name: string): void {
    if (this.heapChecker) this.heapChecker.caller = name;
  }

  /** AccessChecker: the runtime read a NUL at `address`, the end of a C string. */
  stringEnd(address: number): void {
    const target = address >>> 0;
    if (this.heapChecker !== undefined && target < this.heapLimit && target >= this.heapBase) this.heapChecker.endString(target);
  }

  /** AccessChecker: the runtime read or wrote `length` bytes at `address` for the program at once (write()'s buffer). */
  checkRange(address: number, length: number, write: boolean, mark = true): void {
    const target = address >>> 0;
    if (this.internal !== 0 || this.heapChecker === undefined || !(length > 0)) return;
    if (target < this.heapLimit && target + length > this.heapBase) this.heapChecker.checkRange(target, length, write, mark);
  }

  get callSite(): number {
    return this.site;
  }

  /** Stops checking accesses (the runtime's own reads, the leak scan, a re-run of a reported instruction). */
  suspend(): void {
    this.internal++;
  }

  resume(): void {
    if (this.internal > 0) this.internal--;
  }

  /**
   * The memory bus's hook for one load or store that took the slow path. True when the
   * CPU must stop at the instruction (the driver then calls `reportPending(pc)`).
   */
  checkAccess(address: number, size: number, write: boolean, base = 0, baseRegister = -1): boolean {
    if (this.internal !== 0) return false;
    let stop = false;
    if (this.checkMisaligned && size === 4 && (address & 3) !== 0) stop = this.hold(kinds.KIND_MISALIGNED_ACCESS, address, size, write);
    const target = address >>> 0;
    if (write && this.textStarts.length !== 0) {
      for (let index = 0; index < this.textStarts.length; index++) {
        if (target < this.textEnds[index] && target + size > this.textStarts[index]) stop = this.hold(kinds.KIND_WRITE_TO_TEXT, address, size, write);
      }
    }
    if (this.heapChecker !== undefined && target < this.heapLimit && target + size > this.heapBase) {
      if (this.heapChecker.access(address, size, write, base, baseRegister)) stop = true;
    }
    return stop;
  }

  /** True while a flagged access waits for `reportPending`. */
  get hasPending(): boolean {
    return this.pendingKind !== NONE || (this.heapChecker?.hasPending ?? false);
  }

  /** Reports what the flagged access did, at the instruction `pc`. */
  reportPending(pc: number): boolean {
    let reported = this.heapChecker?.reportPending(pc) ?? false;
    const kind = this.pendingKind;
    if (kind !== NONE) {
      this.pendingKind = NONE;
      if (kind === kinds.KIND_MISALIGNED_ACCESS) this.misaligned(pc, this.pendingAddress, this.pendingSize, this.pendingWrite);
      else this.textWrite(pc, this.pendingAddress, this.pendingSize);
      reported = true;
    }
    return reported;
  }

  /** An access at `pc` hit the guard page below the stack. */
  stackOverflow(pc: number, address: number, sp: number): void {
    this.stackChecker.overflow(pc, address, sp);
  }

  /** A store into program text at `pc`. */
  textWrite(pc: number, address: number, size: number): void {
    this.collector.report(
      {
        kind: 'write-to-text',
        severity: 'warning',
        ...siteOf(pc, this.resolve(pc)),
        address: address >>> 0,
        step: this.step(),
        message: `write to program text: ${size}-byte write at ${hex(address)} changes the program's own instructions`,
        related: [],
      },
      `${pc >>> 0}`,
    );
  }

  /** At exit: leaks, scanning from `roots()` (registers, stack words, data words; gathered only when a block is still allocated) through `readWord`. */
  finish(roots: () => ArrayLike<number>, readWord: WordReader): void {
    const heap = this.heapChecker?.heap;
    if (!heap || heap.liveBlocks === 0) return;
    this.suspend();
    try {
      this.leakSummary = reportLeaks(heap, this.collector, this.resolve, roots(), readWord, { reportReachable: this.reportReachable, step: this.step() });
    } finally {
      this.resume();
    }
  }

  private hold(kind: number, address: number, size: number, write: boolean): boolean {
    if (this.site >= 0) {
      // Inside a built-in C function: report at its call at once.
      if (kind === kinds.KIND_MISALIGNED_ACCESS) this.misaligned(this.site, address >>> 0, size, write);
      else this.textWrite(this.site, address, size);
      return false;
    }
    if (this.pendingKind === NONE) {
      this.pendingKind = kind;
      this.pendingAddress = address >>> 0;
      this.pendingSize = size;
      this.pendingWrite = write;
    }
    return true;
  }

  private misaligned(pc: number, address: number, size: number, write: boolean): void {
    this.collector.report(
      {
        kind: 'misaligned-access',
        severity: 'warning',
        ...siteOf(pc, this.resolve(pc)),
        address,
        step: this.step(),
        message: `misaligned access: ${size}-byte ${write ? 'write' : 'read'} at ${hex(address)}, which is not a multiple of ${size} (ARMv7 Linux allows it, but it is slower and LDM/STM/LDRD/STRD would fault)`,
        related: [],
      },
      `${pc >>> 0}`,
    );
  }
}
