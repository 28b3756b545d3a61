/**
 * The heap interface malloc/free/calloc/realloc are handed to, and a simple
 * first-fit allocator implementing it (for tests; the runtime's default is
 * the Buddy System of emulator/runtime/heap, which also does the optional
 * calls: calloc's overflow check, structured free problems, realloc in place). Block bookkeeping lives on the host
 * side (not in guest memory), so a program overrunning a block cannot corrupt
 * it; the runtime maps [base, limit) as the heap region.
 */

import type { ReleaseProblem, ResizeOutcome } from '../heap/types.js';

export interface HeapAllocator {
  /** malloc: an 8-byte-aligned block of at least `size` bytes, or 0 when none fits. `site` is the caller's return address, `callStack` the enclosing calls' (innermost first). */
  allocate(size: number, site: number, callStack?: readonly number[]): number;
  /** free (address is not 0): null when released, or a plain-words reason it cannot be (double free, not a heap block). */
  release(address: number, site: number): string | null;
  /** The size the program asked for when `address` was allocated, or -1 when it is not a live block. */
  sizeOf(address: number): number;
  /** calloc with count*size checked for overflow (0 when it overflows or nothing fits); the caller zeroes the bytes. Absent: the library multiplies and calls allocate. */
  allocateArray?(count: number, size: number, site: number, callStack?: readonly number[]): number;
  /** free with the facts of a double or invalid free (absent: `release`). */
  free?(address: number, site: number, callStack?: readonly number[]): ReleaseProblem | null;
  /** realloc in place when it can (absent: the library allocates, copies and releases). */
  resize?(address: number, size: number, site: number, callStack?: readonly number[]): ResizeOutcome;
}

export interface HeapBlock {
  address: number;
  /** Bytes reserved (a multiple of 8). */
  size: number;
  /** Bytes the program asked for. */
  requested: number;
  /** The return address of the call that allocated it. */
  site: number;
}

const ALIGNMENT = 8;

export class SimpleHeap implements HeapAllocator {
  readonly base: number;
  readonly limit: number;
  /** Live blocks by address. */
  private readonly blocks = new Map<number, HeapBlock>();
  /** Free ranges, sorted by address, never adjacent (merged on free). */
  private readonly freeStarts: number[] = [];
  private readonly freeEnds: number[] = [];
  /** Addresses freed and not handed out again, to name a double free. */
  private readonly released = new Set<number>();
  /** The highest address ever handed out (end of the furthest block): how much of the region is in use. */
  top: number;

  constructor(base: number, limit: number) {
    this.base = (base + ALIGNMENT - 1) & ~(ALIGNMENT - 1);
    this.limit = limit >>> 0;
    this.top = this.base;
    if (this.limit > this.base) {
      this.freeStarts.push(this.base);
      this.freeEnds.push(this.limit);
    }
  }

  allocate(size: number, site: number): number {
    size >>>= 0;
    const reserved = Math.max(ALIGNMENT, Math.ceil(size / ALIGNMENT) * ALIGNMENT);
    for (let index = 0; index < this.freeStarts.length; index++) {
      const start = this.freeStarts[index];
      if (this.freeEnds[index] - start < reserved) continue;
      if (this.freeEnds[index] - start === reserved) {
        this.freeStarts.splice(index, 1);
        this.freeEnds.splice(index, 1);
      } else this.freeStarts[index] = start + reserved;
      this.blocks.set(start, { address: start, size: reserved, requested: size, site: site >>> 0 });
      this.released.delete(start);
      if (start + reserved > this.top) this.top = start + reserved;
      return start;
    }
    return 0;
  }

  release(address: number, site: number): string | null {
    void site;
    address >>>= 0;
    const block = this.blocks.get(address);
    if (!block) {
      if (this.released.has(address)) return `free(0x${address.toString(16)}): this block was already freed (double free)`;
      if (address >= this.base && address < this.limit) return `free(0x${address.toString(16)}): this address is inside the heap but is not the start of an allocated block`;
      return `free(0x${address.toString(16)}): this address was not returned by malloc, calloc or realloc`;
    }
    this.blocks.delete(address);
    this.released.add(address);
    this.insertFree(address, address + block.size);
    return null;
  }

  sizeOf(address: number): number {
    const block = this.blocks.get(address >>> 0);
    return block ? block.requested : -1;
  }

  /** Live blocks in address order (for leak reports and tests). */
  liveBlocks(): HeapBlock[] {
    return [...this.blocks.values()].sort((a, b) => a.address - b.address);
  }

  private insertFree(start: number, end: number): void {
    let index = 0;
    while (index < this.freeStarts.length && this.freeStarts[index] < start) index++;
    const mergesBefore = index > 0 && this.freeEnds[index - 1] === start;
    const mergesAfter = index < this.freeStarts.length && this.freeStarts[index] === end;
    if (mergesBefore && mergesAfter) {
      this.freeEnds[index - 1] = this.freeEnds[index];
      this.freeStarts.splice(index, 1);
      this.freeEnds.splice(index, 1);
    } else if (mergesBefore) this.freeEnds[index - 1] = end;
    else if (mergesAfter) this.freeStarts[index] = start;
    else {
      this.freeStarts.splice(index, 0, start);
      this.freeEnds.splice(index, 0, end);
    }
  }
}
