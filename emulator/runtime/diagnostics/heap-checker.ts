/**
 * The heap checker: driven by memory accesses that fall in the heap region and
 * by the C library's heap calls, it finds use after free, heap overflows
 * (past a live block's requested size, into heap memory no block holds, or
 * into another live block through a pointer into the first: the base
 * register's provenance), reads of heap bytes never written (a shadow bitmap,
 * one bit per heap byte) and bad frees, and reports them with the sites
 * memcheck names.
 *
 * `access` is the per-access hook and allocates nothing on the common path.
 * Inside compiled code the PC of the access is not known yet, so `access`
 * only remembers the problem and answers true (the CPU then stops at the
 * instruction and the driver calls `reportPending(pc)`). While a built-in C
 * function or system call runs, the driver sets `callSite` (the `bl` or
 * `svc`) and the runtime names it (`caller`); its accesses are gathered into
 * runs (access-runs.ts) and checked once per run when the call ends, each
 * problem reported at that line as a read or write by that function.
 */
import type { BuddyHeap } from '../heap/buddy.js';
import type { HeapMonitor } from '../libc/heap-monitor.js';
import * as heapTypes from '../heap/types.js';
import { AccessRuns } from './access-runs.js';
import { describeAccess, LOCATION_STRAY, relatedSite, withoutText, type AccessProblem } from './heap-messages.js';
import { siteOf } from './sites.js';
import * as kinds from './types.js';

const { LOCATION_FREED, LOCATION_LIVE, LOCATION_OUTSIDE, LOCATION_SLACK } = heapTypes;

const NO_PROBLEM = -1;

export class HeapChecker implements HeapMonitor {
  /** One bit per heap byte: set once the byte has been written (or zeroed by calloc). */
  readonly written: Uint8Array;
  /** The C function or system call now running for the program ('puts()', 'write()'), named in its reports; '' while guest code runs. */
  caller = '';
  /** The addresses whose accesses are heap accesses: the heap, or the whole region reserved for malloc (RunChecker sets it). */
  regionStart: number;
  regionEnd: number;
  /** Accesses are not checked while above 0 (the library's own bookkeeping). */
  private internal = 0;
  /** Reads of unwritten bytes are not reported while above 0 (memcpy/memmove copying them). */
  private copying = 0;
  private site = -1;
  /** A runtime call's accesses, checked as runs when it ends. */
  private readonly runs: AccessRuns;
  /** The problem `access` found, waiting for its PC (kind NO_PROBLEM: none). */
  private readonly pending: AccessProblem = { kind: NO_PROBLEM, code: 0, address: 0, size: 0, write: false, by: '', first: 0, base: 0, baseRegister: -1 };
  private readonly checkUseAfterFree: boolean;
  private readonly checkOverflow: boolean;
  private readonly checkUninitialized: boolean;

  constructor(
    readonly heap: BuddyHeap,
    readonly sink: kinds.DiagnosticSink,
    readonly resolve: kinds.SourceResolver,
    readonly step: () => number = () => 0,
  ) {
    this.written = new Uint8Array(Math.ceil(heap.size / 8));
    this.regionStart = heap.base;
    this.regionEnd = heap.limit;
    this.checkUseAfterFree = sink.enabled(kinds.KIND_USE_AFTER_FREE);
    this.checkOverflow = sink.enabled(kinds.KIND_HEAP_OVERFLOW);
    this.checkUninitialized = sink.enabled(kinds.KIND_UNINITIALIZED_READ);
    this.runs = new AccessRuns((start, length, write) => this.checkRange(start, length, write));
  }

  /**
   * The `bl`/`svc` of the built-in C function or system call now running (its accesses are
   * reported there), or -1 while guest code runs. Setting -1 ends the call: its accesses are
   * checked, and `caller` is forgotten.
   */
  set callSite(pc: number) {
    if (this.site >= 0 && this.runs.pending) this.runs.flush();
    if (pc < 0) this.caller = '';
    this.site = pc;
  }

  get callSite(): number {
    return this.site;
  }

  /** True while a problem waits for `reportPending`. */
  get hasPending(): boolean {
    return this.pending.kind !== NO_PROBLEM;
  }

  /**
   * One load or store of `size` bytes at `address` (in the heap region). `base` is the value of
   * the instruction's base register (before any writeback) and `baseRegister` its number, for the
   * CPU's own loads and stores (0 and -1 for the runtime's). Returns true when the CPU must stop
   * at the instruction so the problem can be reported with its PC.
   */
  access(address: number, size: number, write: boolean, base = 0, baseRegister = -1): boolean {
    if (this.internal !== 0) return false;
    if (this.site >= 0) {
      this.runs.add(address >>> 0, size, write);
      return false;
    }
    const heap = this.heap;
    const code = heap.checkAccess(address, size);
    if (code === LOCATION_LIVE) {
      const location = heap.lastLocation;
      const offset = (address >>> 0) - heap.base;
      // The base register points outside the accessed block (a pointer into another one ran over)?
      const home = (base >>> 0) - heap.base;
      if (((home - (location.leaf << heap.minimumShift)) >>> 0) >= heap.minimumBlock << location.order && home >= 0 && home < heap.size && this.checkOverflow) {
        if (this.strayBase(address >>> 0, base >>> 0)) {
          if (write) this.mark(offset, size);
          return this.found(kinds.KIND_HEAP_OVERFLOW, LOCATION_STRAY, address, size, write, base >>> 0, baseRegister);
        }
      }
      if (write) {
        this.mark(offset, size);
        return false;
      }
      if (!this.checkUninitialized || this.copying !== 0 || this.isWritten(offset, size)) return false;
      return this.found(kinds.KIND_UNINITIALIZED_READ, code, address, size, write, 0, -1);
    }
    if (write && code !== LOCATION_OUTSIDE) this.mark((address >>> 0) - heap.base, Math.min(size, heap.limit - (address >>> 0)));
    if (code === LOCATION_FREED) return this.checkUseAfterFree && this.found(kinds.KIND_USE_AFTER_FREE, code, address, size, write, 0, -1);
    return this.checkOverflow && this.found(kinds.KIND_HEAP_OVERFLOW, code, address, size, write, 0, -1);
  }

  /** The runtime read a NUL at `address` (the end of a C string): a read run ends there, but not in a copy (memcpy reads by length). */
  endString(address: number): void {
    if (this.copying === 0 && this.site >= 0 && this.runs.pending) this.runs.endString(address >>> 0);
  }

  /**
   * `length` bytes at `address` read or written at once by the runtime for the program (a system
   * call's buffer, or a run of a C function's accesses): checked as one access, reported at
   * `callSite` as a read or write by `caller`. A range starting in a block belongs to that block:
   * running on into the next one is an overflow even when that one is live. A write with `mark`
   * false (read()'s whole buffer, before it is filled) is checked but marks nothing written.
   */
  checkRange(address: number, length: number, write: boolean, mark = true): void {
    address >>>= 0;
    if (this.internal !== 0 || !(length > 0) || address >= this.regionEnd || address + length <= this.regionStart) return;
    const heap = this.heap;
    const size = Math.min(length, 0x100000000 - address);
    const code = heap.checkAccess(address, size);
    if (code === LOCATION_LIVE) {
      const offset = address - heap.base;
      if (write) {
        if (mark) this.mark(offset, size);
      } else if (this.checkUninitialized && this.copying === 0) {
        const unwritten = this.firstUnwritten(offset, size);
        if (unwritten >= 0) this.foundRange(kinds.KIND_UNINITIALIZED_READ, code, address, size, write, heap.base + unwritten);
      }
      return;
    }
    if (write && mark) {
      const low = Math.max(address, heap.base);
      const high = Math.min(address + size, heap.limit);
      if (high > low) this.mark(low - heap.base, high - low);
    }
    if (code === LOCATION_FREED) {
      if (this.checkUseAfterFree) this.foundRange(kinds.KIND_USE_AFTER_FREE, code, address, size, write, address);
    } else if (this.checkOverflow) this.foundRange(kinds.KIND_HEAP_OVERFLOW, code, address, size, write, address);
  }

  /** Reports the problem `access` found, at the instruction `pc`; false when there was none. */
  reportPending(pc: number): boolean {
    const pending = this.pending;
    if (pending.kind === NO_PROBLEM) return false;
    this.report(pending, pc >>> 0);
    pending.kind = NO_PROBLEM;
    return true;
  }

  /** Forgets a waiting problem and a call's unchecked accesses (the run ended another way). */
  clearPending(): void {
    this.pending.kind = NO_PROBLEM;
    this.runs.clear();
  }

  // ---- HeapMonitor: what the C library tells the checker ----------------------------------

  allocated(address: number, zeroed: boolean): void {
    const size = this.heap.blockSizeOf(address);
    if (size < 0) return;
    const offset = (address >>> 0) - this.heap.base;
    if (zeroed) this.mark(offset, size);
    else this.clear(offset, size);
  }

  resized(address: number, kept: number): void {
    const size = this.heap.blockSizeOf(address);
    if (size < 0 || kept >= size) return;
    this.clear((address >>> 0) - this.heap.base + kept, size - kept);
  }

  moved(from: number, to: number, length: number): void {
    const heap = this.heap;
    const size = heap.blockSizeOf(to);
    if (size < 0) return;
    const source = (from >>> 0) - heap.base;
    const target = (to >>> 0) - heap.base;
    this.clear(target, size);
    for (let index = 0; index < length && index < size; index++) {
      if (this.isWritten(source + index, 1)) this.mark(target + index, 1);
    }
  }

  rejected(problem: heapTypes.ReleaseProblem): void {
    const kind = problem.kind === 'double-free' ? kinds.KIND_DOUBLE_FREE : kinds.KIND_INVALID_FREE;
    if (!this.sink.enabled(kind)) return;
    const pc = (problem.site.pc - 4) >>> 0;
    const where = siteOf(pc, problem.site.line ?? this.resolve(pc));
    const related: kinds.RelatedSite[] = [];
    const block = problem.block;
    if (block && 'freed' in block) related.push(withoutText(relatedSite('freed', block.freed, this.resolve)));
    if (block) related.push(withoutText(relatedSite('allocated', block.allocated, this.resolve)));
    const text = problem.message.replace(/^\w+\(0x[0-9a-f]+\): (double|invalid) free: /, '');
    const call = problem.message.slice(0, problem.message.indexOf(')') + 1);
    this.sink.report(
      {
        kind: kind === kinds.KIND_DOUBLE_FREE ? 'double-free' : 'invalid-free',
        severity: 'error',
        ...where,
        address: problem.address >>> 0,
        step: this.step(),
        message: `${kind === kinds.KIND_DOUBLE_FREE ? 'double free' : 'invalid free'}: ${call}: ${text}`,
        related,
        block: block ? { address: block.address, size: block.size, requested: block.requested } : undefined,
      },
      `${pc}|${problem.address >>> 0}`,
    );
  }

  beginInternal(): void {
    this.internal++;
  }

  endInternal(): void {
    if (this.internal > 0) this.internal--;
  }

  beginCopy(): void {
    this.copying++;
  }

  endCopy(from: number, to: number, length: number): void {
    // The copy's own accesses are judged first, while copying unwritten bytes is still no problem.
    if (this.site >= 0 && this.runs.pending) this.runs.flush();
    if (this.copying > 0) this.copying--;
    const heap = this.heap;
    const source = (from >>> 0) - heap.base;
    const target = (to >>> 0) - heap.base;
    // A copy longer than the heap faulted on the way; only the heap's size can have landed in it.
    length = Math.min(length >>> 0, heap.size);
    if (length === 0 || target + length <= 0 || target >= heap.size) return;
    // Snapshot the source bits first: the areas may overlap (memmove).
    const bits = new Uint8Array(length);
    for (let index = 0; index < length; index++) {
      const at = source + index;
      bits[index] = at < 0 || at >= heap.size || this.isWritten(at, 1) ? 1 : 0;
    }
    for (let index = 0; index < length; index++) {
      const at = target + index;
      if (at < 0 || at >= heap.size) continue;
      if (bits[index] === 1) this.mark(at, 1);
      else this.clear(at, 1);
    }
  }

  // ---- internals ------------------------------------------------------------------------

  /**
   * The access's base register points into a live block other than the one the access landed in:
   * an overflow out of that block, unless the base is exactly that block's start and the access
   * goes below it (a pointer one past the end of the block below, walking down: correct code).
   */
  private strayBase(address: number, base: number): boolean {
    const heap = this.heap;
    const code = heap.locate(base);
    if (code !== LOCATION_LIVE && code !== LOCATION_SLACK) return false;
    const start = heap.base + (heap.lastLocation.leaf << heap.minimumShift);
    return !(base === start && address < start);
  }

  private found(kind: number, code: number, address: number, size: number, write: boolean, base: number, baseRegister: number): boolean {
    const pending = this.pending;
    if (pending.kind !== NO_PROBLEM) return true;
    pending.kind = kind;
    pending.code = code;
    pending.address = address >>> 0;
    pending.size = size;
    pending.write = write;
    pending.by = '';
    pending.first = address >>> 0;
    pending.base = base;
    pending.baseRegister = baseRegister;
    return true;
  }

  /** A problem in a range the runtime accessed: reported at once, at the call (position unknown without one). */
  private foundRange(kind: number, code: number, address: number, size: number, write: boolean, first: number): void {
    this.report({ kind, code, address, size, write, by: this.caller, first, base: 0, baseRegister: -1 }, this.site >= 0 ? this.site : 0);
  }

  private report(problem: AccessProblem, pc: number): void {
    const { diagnostic, key } = describeAccess(this.heap, this.resolve, problem, pc, this.step());
    this.sink.report(diagnostic, key);
  }

  private mark(offset: number, size: number): void {
    const written = this.written;
    let index = offset;
    const end = offset + size;
    for (; index < end && (index & 7) !== 0; index++) written[index >>> 3] |= 1 << (index & 7);
    for (; index + 8 <= end; index += 8) written[index >>> 3] = 0xff;
    for (; index < end; index++) written[index >>> 3] |= 1 << (index & 7);
  }

  private clear(offset: number, size: number): void {
    const written = this.written;
    let index = offset;
    const end = offset + size;
    for (; index < end && (index & 7) !== 0; index++) written[index >>> 3] &= ~(1 << (index & 7));
    for (; index + 8 <= end; index += 8) written[index >>> 3] = 0;
    for (; index < end; index++) written[index >>> 3] &= ~(1 << (index & 7));
  }

  private isWritten(offset: number, size: number): boolean {
    const written = this.written;
    for (let index = offset; index < offset + size; index++) if ((written[index >>> 3] & (1 << (index & 7))) === 0) return false;
    return true;
  }

  /** The offset of the first byte in [offset, offset + size) never written, or -1. */
  private firstUnwritten(offset: number, size: number): number {
    const written = this.written;
    const end = offset + size;
    let index = offset;
    for (; index < end; index++) {
      if ((index & 7) === 0 && index + 8 <= end && written[index >>> 3] === 0xff) {
        index += 7;
        continue;
      }
      if ((written[index >>> 3] & (1 << (index & 7))) === 0) return index;
    }
    return -1;
  }
}
