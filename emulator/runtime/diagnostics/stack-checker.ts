/**
 * The stack checker: the AAPCS at every call. At a `bl`/`blx` SP must be a
 * multiple of 8, and SP and r4-r11 are saved; when that function returns
 * (bx lr, pop {..., pc}, mov pc, lr, ldm ... pc) r4-r11 and SP must be what
 * they were at the call.
 *
 * Frames are indexed by the CPU's call depth. Compiled code does the common
 * case itself (CallChecker in cpu/interfaces.ts): it stores the frame into
 * `frames` at the call and compares it at the return, and calls
 * `misalignedCall` / `returnMismatch` only when something is wrong, so a
 * correct call costs a few typed-array stores. Nothing is allocated per call.
 */
import { CALL_CAPACITY, CALL_FRAME_WORDS, type CallChecker } from '../../cpu/interfaces.js';
import { hex } from '../heap/facts.js';
import { siteOf, siteText } from './sites.js';
import * as kinds from './types.js';

/** Calls remembered in full, as many as the CPU's call stack holds; deeper ones are not judged. */
export const STACK_CHECK_CAPACITY = CALL_CAPACITY;
const FIRST_SAVED = 4;
const LAST_SAVED = 11;
const CACHE_SLOTS = 4096;
const ALL_SAVED = 0xff0;

export class StackChecker implements CallChecker {
  /** Calls in progress, for `call`/`return` (compiled code uses the CPU's own depth). */
  depth = 0;
  readonly judged: Uint8Array;
  /** r4..r11 at each judged call, by depth. */
  readonly frames: Int32Array;
  readonly capacity: number;
  /** The last call site reported misaligned, per slot `(pc >>> 2) & 4095`. */
  readonly misalignedSeen: Int32Array;
  /** A call site whose frame is not judged (the built-in start-up's call of main), or -1. */
  uncheckedCall = -1;
  /** Ask the CPU to pause after an instruction that reported (the debugger's "pause at diagnostic"). */
  pause = false;
  /** (pc * 4 + kind) of reports made: a repeat costs one lookup, not a message (a misaligned call in a loop). */
  private readonly reported = new Set<number>();
  /** Slots for kinds 1 (clobbered) and 2 (imbalance): the last pc reported. */
  private readonly lastReported = new Int32Array(2 * CACHE_SLOTS).fill(-1);
  /** For `call`/`return` (the CPU keeps its own): sp at each call and the call's address, made on first use. */
  private entryStackPointers: Int32Array | undefined;
  private callSites: Int32Array | undefined;
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
    this.frames = new Int32Array(this.capacity * CALL_FRAME_WORDS);
    this.judged = new Uint8Array(this.capacity);
    this.misalignedSeen = new Int32Array(CACHE_SLOTS).fill(-1);
    this.checkAlignment = sink.enabled(kinds.KIND_SP_MISALIGNED);
    this.checkSaved = sink.enabled(kinds.KIND_CALLEE_SAVED_CLOBBERED);
    this.checkBalance = sink.enabled(kinds.KIND_STACK_IMBALANCE);
  }

  /** True when any of the three checks is on (the CPU gets no hooks otherwise). */
  get active(): boolean {
    return this.checkAlignment || this.checkSaved || this.checkBalance;
  }

  /** Every call is judged but the start-up's call of main (glibc's start-up relies on nothing main returns with). */
  judgesCallAt(pc: number): boolean {
    return (pc >>> 0) !== (this.uncheckedCall >>> 0) || this.uncheckedCall === -1;
  }

  /**
   * A `bl`/`blx` at `pc` (registers as at the call: sp = r13): what compiled code does inline.
   * `checked` false records the frame without judging it.
   */
  call(pc: number, registers: Int32Array, checked = true): void {
    const depth = this.depth++;
    if (depth >= this.capacity) return;
    const entries = (this.entryStackPointers ??= new Int32Array(this.capacity));
    const sites = (this.callSites ??= new Int32Array(this.capacity));
    entries[depth] = registers[13];
    sites[depth] = pc;
    if (!checked || !this.judgesCallAt(pc)) {
      this.judged[depth] = 0;
      return;
    }
    const base = depth * CALL_FRAME_WORDS;
    for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) this.frames[base + register - FIRST_SAVED] = registers[register];
    this.judged[depth] = 1;
    if ((registers[13] & 7) !== 0 && this.misalignedSeen[(pc >>> 2) & (CACHE_SLOTS - 1)] !== pc) {
      this.misalignedCall(depth, pc, registers[13], depth > 0 ? entries[depth - 1] : 0, depth > 0 ? sites[depth - 1] : 0);
    }
  }

  /** The instruction at `pc` returned from the innermost call (registers as it returns): what compiled code does inline. */
  return(pc: number, registers: Int32Array): void {
    if (this.depth === 0) return;
    const depth = --this.depth;
    if (depth >= this.capacity || this.judged[depth] === 0) return;
    const entrySp = this.entryStackPointers?.[depth] ?? 0;
    const base = depth * CALL_FRAME_WORDS;
    let same = entrySp === registers[13];
    for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) same &&= this.frames[base + register - FIRST_SAVED] === registers[register];
    if (!same) {
      this.returnMismatch(depth, pc, ALL_SAVED, registers[13], entrySp, this.callSites?.[depth] ?? 0, registers[4], registers[5], registers[6], registers[7], registers[8], registers[9], registers[10], registers[11]);
    }
  }

  misalignedCall(depth: number, pc: number, sp: number, entrySp: number, entryCall: number): number {
    this.misalignedSeen[(pc >>> 2) & (CACHE_SLOTS - 1)] = pc;
    if (!this.checkAlignment || !this.first(pc, 0)) return 0;
    return this.misaligned(pc >>> 0, sp >>> 0, depth > 0 ? entrySp >>> 0 : 0, depth > 0 ? entryCall >>> 0 : 0) && this.pause ? 1 : 0;
  }

  returnMismatch(
    depth: number, pc: number, saved: number, sp: number, entrySp: number, callPc: number,
    r4: number, r5: number, r6: number, r7: number, r8: number, r9: number, r10: number, r11: number,
  ): number {
    if (depth < 0 || depth >= this.capacity) return 0;
    const frames = this.frames;
    const base = depth * CALL_FRAME_WORDS;
    let reported = false;
    if (this.checkSaved) {
      const now = Int32Array.of(0, 0, 0, 0, r4, r5, r6, r7, r8, r9, r10, r11);
      const changes: string[] = [];
      for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) {
        const before = frames[base + register - FIRST_SAVED];
        if ((saved & (1 << register)) !== 0 && before !== now[register]) changes.push(`r${register} (${hex(before)} at the call, ${hex(now[register])} now)`);
      }
      if (changes.length > 0 && this.first(pc, 1)) reported = this.clobbered(pc >>> 0, callPc >>> 0, sp >>> 0, changes);
    }
    if (this.checkBalance && entrySp !== sp && this.first(pc, 2)) reported = this.imbalance(pc >>> 0, callPc >>> 0, sp >>> 0, entrySp >>> 0) || reported;
    return reported && this.pause ? 1 : 0;
  }

  /** Forgets every frame (a restart). */
  reset(): void {
    this.depth = 0;
    this.judged.fill(0);
    this.misalignedSeen.fill(-1);
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
    if (kind > 0) {
      const slot = (kind - 1) * CACHE_SLOTS + ((pc >>> 2) & (CACHE_SLOTS - 1));
      if (this.lastReported[slot] === pc) return false;
      this.lastReported[slot] = pc;
    }
    const key = (pc >>> 0) * 4 + kind;
    if (this.reported.has(key)) return false;
    this.reported.add(key);
    return true;
  }

  /** `entrySp`, `entryCall`: sp when the calling function was entered and the call that entered it (0: unknown). */
  private misaligned(pc: number, sp: number, entrySp: number, entryCall: number): boolean {
    let why = 'push an even number of registers, or adjust sp by a multiple of 8';
    const moved = entrySp - sp;
    const called = entryCall === 0 ? undefined : this.calledFrom(entryCall);
    if (entrySp !== 0 && (entrySp & 7) === 0 && moved > 0) {
      const from = called === undefined || called.site.line === null ? '' : ` (called at ${called.text})`;
      why = `this function has moved sp ${moved} bytes down since it was entered${from}: ${why}`;
    }
    return this.sink.report(
      {
        kind: 'sp-misaligned',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: sp,
        step: this.step(),
        message: `sp misaligned at a call: sp is ${hex(sp)}, not a multiple of 8 as the AAPCS requires at a call; ${why}`,
        related: called === undefined ? [] : [called.site],
      },
      `${pc}`,
    );
  }

  private calledFrom(pc: number): { site: kinds.RelatedSite; text: string } {
    const line = this.resolve(pc);
    return { site: { role: 'called', pc, file: line?.file ?? null, line: line?.line ?? null }, text: siteText(pc, line) };
  }

  private clobbered(pc: number, callPc: number, sp: number, changes: string[]): boolean {
    const called = this.calledFrom(callPc);
    return this.sink.report(
      {
        kind: 'callee-saved-clobbered',
        severity: 'error',
        ...siteOf(pc, this.resolve(pc)),
        address: sp,
        step: this.step(),
        message: `callee-saved register${changes.length > 1 ? 's' : ''} not restored: the function called at ${called.text} returns with ${changes.join(', ')}; save r4-r11 with push before changing them and pop them before returning`,
        related: [called.site],
      },
      `${pc}`,
    );
  }

  private imbalance(pc: number, callPc: number, sp: number, entry: number): boolean {
    const difference = sp - entry;
    const called = this.calledFrom(callPc);
    const how = difference < 0 ? `${-difference} bytes below` : `${difference} bytes above`;
    return this.sink.report(
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
