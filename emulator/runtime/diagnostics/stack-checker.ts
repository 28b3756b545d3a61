/**
 * The stack checker: driven by the calls and returns the CPU already tracks
 * for its call stack. At a `bl`/`blx` it checks the AAPCS rule that SP is a
 * multiple of 8 and saves SP and r4-r11; when that function returns (bx lr,
 * pop {..., pc}, mov pc, lr, ldm ... pc) it checks that r4-r11 and SP are what
 * they were at the call.
 *
 * Frames are indexed by the CPU's call depth, so calls that are not judged
 * (internal helpers of a program with its own _start) need no hook at all:
 * compiled code asks `judges(target)` when it compiles a direct call, and a
 * return calls `returnWith` only when `judged[depth]` is set. Typed arrays,
 * nothing allocated per call.
 */
import { hex } from '../heap/facts.js';
import { siteOf, siteText } from './sites.js';
import * as kinds from './types.js';

/** Calls remembered in full (as the CPU's call stack); deeper ones are not judged. */
export const STACK_CHECK_CAPACITY = 1 << 18;
/** Per frame: sp, the call's pc, then r4..r11. */
const FRAME_WORDS = 10;
const SLOT_PC = 1;
const SLOT_REGISTERS = 2;
const FIRST_SAVED = 4;
const LAST_SAVED = 11;

export class StackChecker {
  /** Calls in progress, for `call`/`return` (the CPU passes its own depth to callWith/returnWith). */
  depth = 0;
  /** 1 while the frame at that depth (0 = outermost call) is judged at its return. */
  readonly judged: Uint8Array;
  /** A call site whose frame is not judged (the built-in start-up's call of main), or -1. */
  uncheckedCall = -1;
  /**
   * True: every call is judged (the AAPCS everywhere: programs entered through main). False: only
   * calls into [libraryStart, libraryEnd), the C library's public interface (a program with its own
   * _start may give its internal helpers their own conventions, e.g. r9 as a global counter).
   */
  judgeAll = true;
  libraryStart = 0;
  libraryEnd = 0;
  private readonly frames: Int32Array;
  private readonly capacity: number;
  /** (pc * 4 + kind) of reports made: a repeat costs one lookup, not a message (a misaligned call in a loop). */
  private readonly reported = new Set<number>();
  private readonly lastReported = new Int32Array(3 << 12).fill(-1);
  private readonly checkAlignment: boolean;
  private readonly checkSaved: boolean;
  private readonly checkBalance: boolean;

  constructor(
    readonly sink: kinds.DiagnosticSink,
    readonly resolve: kinds.SourceResolver,
    readonly step: () => number = () => 0,
    capacity = STACK_CHECK_CAPACITY,
  ) {
    this.capacity = Math.max(1, capacity);
    this.frames = new Int32Array(this.capacity * FRAME_WORDS);
    this.judged = new Uint8Array(this.capacity);
    this.checkAlignment = sink.enabled(kinds.KIND_SP_MISALIGNED);
    this.checkSaved = sink.enabled(kinds.KIND_CALLEE_SAVED_CLOBBERED);
    this.checkBalance = sink.enabled(kinds.KIND_STACK_IMBALANCE);
  }

  /** True when any of the three checks is on (a driver may skip the hooks otherwise). */
  get active(): boolean {
    return this.checkAlignment || this.checkSaved || this.checkBalance;
  }

  /** Whether a call to `target` is judged (compiled direct calls to other targets call no hook). */
  judges(target: number): boolean {
    if (!this.active) return false;
    return this.judgeAll || ((target >>> 0) >= this.libraryStart && (target >>> 0) < this.libraryEnd);
  }

  /**
   * A `bl`/`blx` at `pc` is calling `target`: `registers` hold the caller's values (sp = r13).
   * `checked` false records the frame without judging it (e.g. the start-up's call of main).
   */
  call(pc: number, registers: Int32Array, checked = true, target = 0): void {
    const depth = this.depth++;
    if (!checked || !this.judges(target)) {
      if (depth < this.capacity) this.judged[depth] = 0;
      return;
    }
    this.callWith(depth, pc, target, registers[13], registers[4], registers[5], registers[6], registers[7], registers[8], registers[9], registers[10], registers[11]);
  }

  /** The instruction at `pc` returned from the innermost call; `registers` hold the values it returned with. */
  return(pc: number, registers: Int32Array): void {
    if (this.depth === 0) return;
    const depth = --this.depth;
    if (depth >= this.capacity || this.judged[depth] === 0) return;
    this.returnWith(depth, pc, registers[13], registers[4], registers[5], registers[6], registers[7], registers[8], registers[9], registers[10], registers[11]);
  }

  /** The CPU's hook at a judged call: the new frame's depth, the call, its target, sp and r4-r11. */
  callWith(depth: number, pc: number, target: number, sp: number, r4: number, r5: number, r6: number, r7: number, r8: number, r9: number, r10: number, r11: number): void {
    if (depth < 0 || depth >= this.capacity) return;
    if (pc === this.uncheckedCall || (!this.judgeAll && ((target >>> 0) < this.libraryStart || (target >>> 0) >= this.libraryEnd))) {
      this.judged[depth] = 0;
      return;
    }
    if ((sp & 7) !== 0 && this.checkAlignment && this.first(pc, 0)) this.misaligned(pc >>> 0, sp >>> 0);
    this.judged[depth] = 1;
    const frames = this.frames;
    const base = depth * FRAME_WORDS;
    frames[base] = sp;
    frames[base + SLOT_PC] = pc;
    frames[base + 2] = r4;
    frames[base + 3] = r5;
    frames[base + 4] = r6;
    frames[base + 5] = r7;
    frames[base + 6] = r8;
    frames[base + 7] = r9;
    frames[base + 8] = r10;
    frames[base + 9] = r11;
  }

  /** The CPU's hook at the return from a judged frame (`judged[depth]` set): the return's pc, sp and r4-r11. */
  returnWith(depth: number, pc: number, sp: number, r4: number, r5: number, r6: number, r7: number, r8: number, r9: number, r10: number, r11: number): void {
    if (depth < 0 || depth >= this.capacity || this.judged[depth] === 0) return;
    this.judged[depth] = 0;
    const frames = this.frames;
    const base = depth * FRAME_WORDS;
    if (
      this.checkSaved &&
      (frames[base + 2] !== r4 || frames[base + 3] !== r5 || frames[base + 4] !== r6 || frames[base + 5] !== r7 ||
        frames[base + 6] !== r8 || frames[base + 7] !== r9 || frames[base + 8] !== r10 || frames[base + 9] !== r11)
    ) {
      if (this.first(pc, 1)) this.clobbered(pc >>> 0, base, Int32Array.of(0, 0, 0, 0, r4, r5, r6, r7, r8, r9, r10, r11, 0, sp));
    }
    if (this.checkBalance && frames[base] !== sp && this.first(pc, 2)) this.imbalance(pc >>> 0, base, sp >>> 0);
  }

  /** Forgets every frame (a restart). */
  reset(): void {
    this.depth = 0;
    this.judged.fill(0);
  }

  /** An access into the guard page below the stack limit at `pc` (the run cannot go on). */
  overflow(pc: number, address: number, sp: number): void {
    this.sink.report(
      {
        kind: 'stack-overflow',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: address >>> 0,
        step: this.step(),
        message: `stack overflow: access at ${hex(address)} is in the guard page below the stack (sp is ${hex(sp)}): too much pushed, or a recursion that never stops`,
        related: [],
      },
      `${pc >>> 0}`,
    );
  }

  /** True the first time `pc` reports `kind` (0 misaligned, 1 clobbered, 2 imbalance). */
  private first(pc: number, kind: number): boolean {
    // A repeat from the same place (a loop, a recursion) is answered by a direct-mapped cache, without the set.
    const slot = (kind << 12) | ((pc >>> 2) & 4095);
    if (this.lastReported[slot] === pc) return false;
    this.lastReported[slot] = pc;
    const key = (pc >>> 0) * 4 + kind;
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }

  private misaligned(pc: number, sp: number): void {
    this.sink.report(
      {
        kind: 'sp-misaligned',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: sp,
        step: this.step(),
        message: `sp misaligned at a call: sp is ${hex(sp)}, not a multiple of 8 as the AAPCS requires at a public call (push an even number of registers, or adjust sp by 8)`,
        related: [],
      },
      `${pc}`,
    );
  }

  private calledFrom(base: number): { site: kinds.RelatedSite; text: string } {
    const pc = this.frames[base + SLOT_PC] >>> 0;
    const line = this.resolve(pc);
    return { site: { role: 'called', pc, file: line?.file ?? null, line: line?.line ?? null }, text: siteText(pc, line) };
  }

  private clobbered(pc: number, base: number, registers: Int32Array): void {
    const changes: string[] = [];
    for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) {
      const before = this.frames[base + SLOT_REGISTERS + register - FIRST_SAVED];
      if (before !== registers[register]) changes.push(`r${register} (${hex(before)} at the call, ${hex(registers[register])} now)`);
    }
    const called = this.calledFrom(base);
    this.sink.report(
      {
        kind: 'callee-saved-clobbered',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: registers[13] >>> 0,
        step: this.step(),
        message: `callee-saved register${changes.length > 1 ? 's' : ''} not restored: the function called at ${called.text} returns with ${changes.join(', ')}; save r4-r11 with push before changing them and pop them before returning`,
        related: [called.site],
      },
      `${pc}`,
    );
  }

  private imbalance(pc: number, base: number, sp: number): void {
    const entry = this.frames[base] >>> 0;
    const difference = sp - entry;
    const called = this.calledFrom(base);
    const how = difference < 0 ? `${-difference} bytes below` : `${difference} bytes above`;
    this.sink.report(
      {
        kind: 'stack-imbalance',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: sp,
        step: this.step(),
        message: `stack imbalance: the function called at ${called.text} returns with sp ${hex(sp)}, ${how} its value at the call (${hex(entry)}); every push or sub sp needs its pop or add before returning`,
        related: [called.site],
      },
      `${pc}`,
    );
  }
}
