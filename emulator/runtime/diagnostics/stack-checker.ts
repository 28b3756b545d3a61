/**
 * The stack checker: driven by the calls and returns the CPU already tracks
 * for its call stack. At a `bl`/`blx` it checks the AAPCS rule that SP is a
 * multiple of 8 and saves SP and r4-r11; when that function returns (bx lr,
 * pop {..., pc}, mov pc, lr, ldm ... pc) it checks that r4-r11 and SP are what
 * they were at the call. Typed arrays, nothing allocated per call.
 */
import { hex } from '../heap/facts.js';
import { siteOf, siteText } from './sites.js';
import * as kinds from './types.js';

/** Calls remembered in full (as the CPU's call stack); deeper ones are counted only. */
export const STACK_CHECK_CAPACITY = 1 << 18;
/** Per frame: sp, the call's pc, whether to check it, then r4..r11. */
const FRAME_WORDS = 11;
const SLOT_SP = 0;
const SLOT_PC = 1;
const SLOT_CHECK = 2;
const SLOT_REGISTERS = 3;
const FIRST_SAVED = 4;
const LAST_SAVED = 11;

export class StackChecker {
  /** Calls in progress. */
  depth = 0;
  private readonly frames: Int32Array;
  private readonly checkAlignment: boolean;
  private readonly checkSaved: boolean;
  private readonly checkBalance: boolean;

  constructor(
    readonly sink: kinds.DiagnosticSink,
    readonly resolve: kinds.SourceResolver,
    readonly step: () => number = () => 0,
    capacity = STACK_CHECK_CAPACITY,
  ) {
    this.frames = new Int32Array(Math.max(1, capacity) * FRAME_WORDS);
    this.checkAlignment = sink.enabled(kinds.KIND_SP_MISALIGNED);
    this.checkSaved = sink.enabled(kinds.KIND_CALLEE_SAVED_CLOBBERED);
    this.checkBalance = sink.enabled(kinds.KIND_STACK_IMBALANCE);
  }

  /** True when any of the three checks is on (a driver may skip the hooks otherwise). */
  get active(): boolean {
    return this.checkAlignment || this.checkSaved || this.checkBalance;
  }

  /**
   * A `bl`/`blx` at `pc` is calling: `registers` hold the caller's values (sp = r13).
   * `checked` false records the frame without judging its return (e.g. the start-up's call of main).
   */
  call(pc: number, registers: Int32Array, checked = true): void {
    const sp = registers[13];
    if ((sp & 7) !== 0 && this.checkAlignment && checked) this.misaligned(pc >>> 0, sp >>> 0);
    const depth = this.depth;
    this.depth = depth + 1;
    const base = depth * FRAME_WORDS;
    const frames = this.frames;
    if (base >= frames.length) return;
    frames[base + SLOT_SP] = sp;
    frames[base + SLOT_PC] = pc;
    frames[base + SLOT_CHECK] = checked ? 1 : 0;
    for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) frames[base + SLOT_REGISTERS + register - FIRST_SAVED] = registers[register];
  }

  /** The instruction at `pc` returned from the innermost call; `registers` hold the values it returned with. */
  return(pc: number, registers: Int32Array): void {
    if (this.depth === 0) return;
    const depth = --this.depth;
    const base = depth * FRAME_WORDS;
    const frames = this.frames;
    if (base >= frames.length || frames[base + SLOT_CHECK] === 0) return;
    if (this.checkSaved) {
      for (let register = FIRST_SAVED; register <= LAST_SAVED; register++) {
        if (frames[base + SLOT_REGISTERS + register - FIRST_SAVED] !== registers[register]) {
          this.clobbered(pc >>> 0, base, registers);
          break;
        }
      }
    }
    if (this.checkBalance && frames[base + SLOT_SP] !== registers[13]) this.imbalance(pc >>> 0, base, registers[13] >>> 0);
  }

  /** Forgets every frame (a restart). */
  reset(): void {
    this.depth = 0;
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
        message: `stack overflow: access at ${hex(address)} is in the guard page below the stack (sp is ${hex(sp)}, ${this.depth} calls deep): too much pushed, or a recursion that never stops`,
        related: [],
      },
      `${pc >>> 0}`,
    );
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
      `${pc}|${called.site.pc}`,
    );
  }

  private imbalance(pc: number, base: number, sp: number): void {
    const entry = this.frames[base + SLOT_SP] >>> 0;
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
      `${pc}|${called.site.pc}`,
    );
  }
}
