/**
 * The heap checker: driven by memory accesses that fall in the heap region and
 * by the C library's heap calls, it finds use after free, heap overflows
 * (past a live block's requested size, or into heap memory no block holds),
 * reads of heap bytes never written (a shadow bitmap, one bit per heap byte)
 * and bad frees, and reports them with the sites memcheck names.
 *
 * `access` is the per-access hook and allocates nothing on the common path.
 * Inside compiled code the PC of the access is not known yet, so `access`
 * only remembers the problem and answers true (the CPU then stops at the
 * instruction and the driver calls `reportPending(pc)`). While a built-in C
 * function runs, the driver sets `callSite` (the `bl`), and problems are
 * reported at once, at that line.
 */
import type { BuddyHeap } from '../heap/buddy.js';
import { hex } from '../heap/facts.js';
import type { HeapMonitor } from '../libc/heap-monitor.js';
import * as heapTypes from '../heap/types.js';
import { siteOf } from './sites.js';
import * as kinds from './types.js';

const { LOCATION_FREED, LOCATION_LIVE, LOCATION_SLACK, LOCATION_UNALLOCATED } = heapTypes;

/** Leaves searched below an address for the block an overflow ran out of. */
const NEIGHBOUR_SEARCH = 4096;

const NO_PROBLEM = -1;

export class HeapChecker implements HeapMonitor {
  /** One bit per heap byte: set once the byte has been written (or zeroed by calloc). */
  readonly written: Uint8Array;
  /** The `bl` of the built-in C function now running, or -1 while guest code runs. */
  callSite = -1;
  /** Accesses are not checked while above 0 (the library's own bookkeeping). */
  private internal = 0;
  /** Reads of unwritten bytes are not reported while above 0 (memcpy/memmove copying them). */
  private copying = 0;
  // The problem `access` found, waiting for its PC.
  private pendingKind = NO_PROBLEM;
  private pendingAddress = 0;
  private pendingSize = 0;
  private pendingWrite = false;
  private pendingCode = 0;
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
    this.checkUseAfterFree = sink.enabled(kinds.KIND_USE_AFTER_FREE);
    this.checkOverflow = sink.enabled(kinds.KIND_HEAP_OVERFLOW);
    this.checkUninitialized = sink.enabled(kinds.KIND_UNINITIALIZED_READ);
  }

  /** True while a problem waits for `reportPending`. */
  get hasPending(): boolean {
    return this.pendingKind !== NO_PROBLEM;
  }

  /**
   * One load or store of `size` bytes at `address` (in the heap region). Returns true when the
   * CPU must stop at the instruction so the problem can be reported with its PC.
   */
  access(address: number, size: number, write: boolean): boolean {
    if (this.internal !== 0) return false;
    const heap = this.heap;
    const code = heap.checkAccess(address, size);
    if (code === LOCATION_LIVE) {
      const offset = (address >>> 0) - heap.base;
      if (write) {
        this.mark(offset, size);
        return false;
      }
      if (!this.checkUninitialized || this.copying !== 0 || this.isWritten(offset, size)) return false;
      return this.found(kinds.KIND_UNINITIALIZED_READ, code, address, size, write);
    }
    if (write && code !== heapTypes.LOCATION_OUTSIDE) this.mark((address >>> 0) - heap.base, Math.min(size, heap.limit - (address >>> 0)));
    if (code === LOCATION_FREED) return this.checkUseAfterFree && this.found(kinds.KIND_USE_AFTER_FREE, code, address, size, write);
    return this.checkOverflow && this.found(kinds.KIND_HEAP_OVERFLOW, code, address, size, write);
  }

  /** Reports the problem `access` found, at the instruction `pc`; false when there was none. */
  reportPending(pc: number): boolean {
    const kind = this.pendingKind;
    if (kind === NO_PROBLEM) return false;
    this.pendingKind = NO_PROBLEM;
    this.describe(kind, this.pendingCode, this.pendingAddress, this.pendingSize, this.pendingWrite, pc >>> 0);
    return true;
  }

  /** Forgets a waiting problem (the run ended another way). */
  clearPending(): void {
    this.pendingKind = NO_PROBLEM;
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

  private found(kind: number, code: number, address: number, size: number, write: boolean): boolean {
    if (this.callSite >= 0) {
      this.describe(kind, code, address >>> 0, size, write, this.callSite);
      return false;
    }
    if (this.pendingKind !== NO_PROBLEM) return true;
    this.pendingKind = kind;
    this.pendingCode = code;
    this.pendingAddress = address >>> 0;
    this.pendingSize = size;
    this.pendingWrite = write;
    return true;
  }

  private mark(offset: number, size: number): void {
    const written = this.written;
    for (let index = offset; index < offset + size; index++) written[index >>> 3] |= 1 << (index & 7);
  }

  private clear(offset: number, size: number): void {
    const written = this.written;
    for (let index = offset; index < offset + size; index++) written[index >>> 3] &= ~(1 << (index & 7));
  }

  private isWritten(offset: number, size: number): boolean {
    const written = this.written;
    for (let index = offset; index < offset + size; index++) if ((written[index >>> 3] & (1 << (index & 7))) === 0) return false;
    return true;
  }

  /** Builds and reports the diagnostic for one bad access at `pc`. */
  private describe(kind: number, code: number, address: number, size: number, write: boolean, pc: number): void {
    const heap = this.heap;
    const access = `${size}-byte ${write ? 'write' : 'read'} at ${hex(address)}`;
    const facts = heap.classify(address);
    const related: (kinds.RelatedSite & { text: string })[] = [];
    let message: string;
    let block: kinds.Diagnostic['block'];
    let subject = address;
    if (facts.kind === 'freed') {
      related.push(relatedSite('freed', facts.block.freed, this.resolve), relatedSite('allocated', facts.block.allocated, this.resolve));
      block = { address: facts.block.address, size: facts.block.size, requested: facts.block.requested };
      subject = facts.block.address;
      message = `use after free: ${access}, ${facts.offset} bytes into a ${facts.block.requested}-byte block freed at ${related[0].text}, allocated at ${related[1].text}`;
    } else if (facts.kind === 'live' || facts.kind === 'slack') {
      const facts2 = facts.block;
      related.push(relatedSite('allocated', facts2.allocated, this.resolve));
      block = { address: facts2.address, size: facts2.size, requested: facts2.requested };
      subject = facts2.address;
      if (kind === kinds.KIND_UNINITIALIZED_READ) {
        message = `read of uninitialized heap memory: ${access}, ${facts.offset} bytes into a ${facts2.requested}-byte block allocated at ${related[0].text}; nothing was stored there since malloc`;
      } else if (code === LOCATION_SLACK && facts.offset >= facts2.requested) {
        message = `heap overflow: ${access}, ${facts.offset - facts2.requested} bytes past the end of a ${facts2.requested}-byte block allocated at ${related[0].text}`;
      } else {
        message = `heap overflow: ${access} runs past the end of a ${facts2.requested}-byte block (it starts ${facts.offset} bytes into it) allocated at ${related[0].text}`;
      }
    } else {
      const below = code === LOCATION_UNALLOCATED ? this.blockBelow(address) : null;
      if (below) {
        related.push(relatedSite('allocated', below.allocated, this.resolve));
        block = { address: below.address, size: below.size, requested: below.requested };
        subject = below.address;
        message = `heap overflow: ${access}, ${address - below.address - below.requested} bytes past the end of a ${below.requested}-byte block allocated at ${related[0].text}`;
      } else {
        message =
          address >= heap.limit || address < heap.base
            ? `heap overflow: ${access} is outside the ${heap.size}-byte heap (${hex(heap.base)}-${hex(heap.limit - 1)}): malloc never hands out memory there`
            : `heap overflow: ${access} is in heap memory no block holds (nothing was allocated there)`;
      }
    }
    const name = kinds.DIAGNOSTIC_KINDS[kind];
    this.sink.report(
      {
        kind: name,
        severity: kind === kinds.KIND_UNINITIALIZED_READ ? 'warning' : 'error',
        ...siteOf(pc, this.resolve(pc)),
        address,
        step: this.step(),
        message,
        related: related.map(withoutText),
        block,
      },
      `${pc}|${subject}`,
    );
  }

  /** The live block nearest below `address` (the one an overflow ran out of), or null. */
  private blockBelow(address: number): heapTypes.BlockFacts | null {
    const heap = this.heap;
    const leaf = (address - heap.base) >>> heap.minimumShift;
    for (let candidate = leaf; candidate >= 0 && candidate > leaf - NEIGHBOUR_SEARCH; candidate--) {
      if (heap.blockOrderAt(candidate) < 0) continue;
      const facts = heap.classify(heap.addressOf(candidate));
      return facts.kind === 'live' || facts.kind === 'slack' ? facts.block : null;
    }
    return null;
  }
}

/** A heap site (its PC is the call's return address) as a related site, with its `file:line` text. */
function relatedSite(role: 'allocated' | 'freed', site: heapTypes.HeapSite, resolve: kinds.SourceResolver): kinds.RelatedSite & { text: string } {
  const pc = site.pc === 0 ? 0 : (site.pc - 4) >>> 0;
  const line = site.line ?? (pc === 0 ? null : resolve(pc));
  const text = line ? `${line.file}:${line.line}` : pc === 0 ? 'an unknown place' : hex(pc);
  return { role, pc, file: line?.file ?? null, line: line?.line ?? null, text };
}

function withoutText(site: kinds.RelatedSite & { text: string }): kinds.RelatedSite {
  return { role: site.role, pc: site.pc, file: site.file, line: site.line };
}
