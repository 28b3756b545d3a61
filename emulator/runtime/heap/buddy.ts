/**
 * A binary Buddy System allocator over a heap region of 2^k bytes.
 *
 * Blocks are 2^order minimum blocks (order 0 = the minimum block, order
 * `orders - 1` = the whole heap). A request takes the smallest free block that
 * fits, splitting larger ones in halves; free merges a block with its buddy for
 * as long as the buddy is free, so no two free buddies ever stay apart.
 *
 * No header: every piece of metadata lives host-side in typed arrays, never in
 * guest memory, so a program writing past its block cannot corrupt the
 * allocator (catching such writes is the checker's job). Blocks are addressed
 * by their first minimum block ("leaf"); the tree is implicit (node 1 is the
 * root, children of n are 2n and 2n+1; the node of a block is
 * 2^(orders-1-order) + leaf/2^order). Free lists are intrusive doubly linked
 * lists over leaves, one per order, with a bit mask of non-empty orders, so
 * malloc and free are O(log n) and allocate nothing.
 */
import type { HeapAllocator } from '../libc/simple-heap.js';
import { HeapEventLog } from './events.js';
import { checkAccessRange, classifyAddress, describeInvalidFree, locateAddress, type Location } from './facts.js';
import * as layout from './layout.js';
import { checkHeapOptions } from './options.js';
import { resizeBlock } from './resize.js';
import * as types from './types.js';

const { NODE_ABSENT, NODE_ALLOCATED, NODE_FREE, NODE_QUARANTINED, NODE_SPLIT } = types;
const { EVENT_ALLOC, EVENT_FAIL, EVENT_FREE, EVENT_MERGE, EVENT_SPLIT } = types;
const { RECORD_WORDS, FIELD_NEXT, FIELD_PREVIOUS, FIELD_ORDER, FIELD_REQUESTED, FIELD_SEQUENCE, FIELD_SITE } = layout;
const { FIELD_FREED_ORDER, FIELD_FREED_SEQUENCE, FIELD_FREED_SITE, FIELD_FREED_REQUESTED, FIELD_FREED_ALLOCATION_SEQUENCE, FIELD_FREED_ALLOCATION_SITE } = layout;

export { checkHeapOptions };

const MAXIMUM_NOTES = 64;

export type CreateHeapResult = { ok: true; heap: BuddyHeap } | { ok: false; error: string };

export class BuddyHeap implements HeapAllocator, types.IntrospectableHeap {
  /** Makes a heap, or says why the options cannot make one. */
  static create(options: types.BuddyHeapOptions): CreateHeapResult {
    const problem = checkHeapOptions(options);
    return problem === null ? { ok: true, heap: new BuddyHeap(options) } : { ok: false, error: problem };
  }

  readonly base: number;
  readonly size: number;
  /** First address past the heap. */
  readonly limit: number;
  readonly minimumBlock: number;
  readonly minimumShift: number;
  /** Number of orders: order 0 is the minimum block, order orders-1 the whole heap. */
  readonly orders: number;
  readonly leaves: number;
  readonly options: Readonly<types.BuddyHeapOptions>;
  readonly resolveSite: types.SiteResolver | undefined;
  readonly events: HeapEventLog;

  // The tree and free lists (read by the introspection modules; change them only here).
  /** NODE_* per node of the implicit tree (index 1 is the root; index 0 unused). */
  readonly nodeState: Uint8Array;
  /** Head leaf of each order's free list, or -1. */
  readonly freeHead: Int32Array;
  /** Bit o set when the free list of order o is not empty. */
  nonEmptyOrders = 0;
  /** RECORD_WORDS words per leaf (layout.ts): free-list links, the live block and the last freed block starting there. */
  readonly records: Int32Array;
  /** The same memory as `records`, read unsigned (sites, sizes). */
  readonly words: Uint32Array;

  /** Call stacks of live blocks and of the last freed blocks, by first leaf (kept only when callers supply them). */
  readonly callStacks = new Map<number, readonly number[]>();
  readonly freedCallStacks = new Map<number, readonly number[]>();
  readonly freedAllocationCallStacks = new Map<number, readonly number[]>();

  // Quarantine: a ring of freed blocks not yet returned to the free lists.
  readonly quarantineCapacity: number;
  /** Bytes added after each request when its block is chosen (BuddyHeapOptions.redzone). */
  readonly redzone: number;
  readonly quarantineLeaves: Int32Array;
  readonly quarantineOrders: Int8Array;
  quarantineStart = 0;
  quarantineCount = 0;

  // Statistics.
  liveBlocks = 0;
  bytesRequested = 0;
  bytesInBlocks = 0;
  quarantinedBytes = 0;
  peakBytesInBlocks = 0;
  peakBytesRequested = 0;
  allocations = 0;
  frees = 0;
  failedAllocations = 0;
  /** malloc/free/realloc calls so far (the event step when no step source is given). */
  operations = 0;
  readonly notes: types.HeapNote[] = [];
  notesDropped = 0;

  private readonly stepSource: (() => number) | undefined;

  private constructor(options: types.BuddyHeapOptions) {
    this.options = { ...options };
    this.base = options.base;
    this.size = options.size ?? 1 << 20;
    this.limit = this.base + this.size;
    this.minimumBlock = options.minimumBlock ?? 16;
    this.minimumShift = 31 - Math.clz32(this.minimumBlock);
    this.leaves = this.size >>> this.minimumShift;
    this.orders = 31 - Math.clz32(this.leaves) + 1;
    this.resolveSite = options.resolveSite;
    this.stepSource = options.step;
    this.events = new HeapEventLog(options.eventCapacity ?? 1024);
    this.nodeState = new Uint8Array(this.leaves * 2);
    this.freeHead = new Int32Array(this.orders).fill(-1);
    this.records = new Int32Array(this.leaves * RECORD_WORDS);
    this.words = new Uint32Array(this.records.buffer);
    this.quarantineCapacity = options.quarantine ?? 0;
    this.redzone = options.redzone ?? 0;
    this.quarantineLeaves = new Int32Array(this.quarantineCapacity);
    this.quarantineOrders = new Int8Array(this.quarantineCapacity);
    this.nodeState[1] = NODE_FREE;
    this.pushFree(0, this.orders - 1);
  }

  /** The tree node of the block of `order` starting at `leaf`. */
  nodeOf(leaf: number, order: number): number {
    return (1 << (this.orders - 1 - order)) + (leaf >>> order);
  }

  /** Order of the live block starting at `leaf`, or -1. */
  blockOrderAt(leaf: number): number {
    return this.records[leaf * RECORD_WORDS + FIELD_ORDER] - 1;
  }

  /** Order of the last block freed starting at `leaf`, or -1. */
  freedOrderAt(leaf: number): number {
    return this.records[leaf * RECORD_WORDS + FIELD_FREED_ORDER] - 1;
  }

  /** One unsigned word of a leaf's record (layout.ts FIELD_*). */
  word(leaf: number, field: number): number {
    return this.words[leaf * RECORD_WORDS + field];
  }

  setWord(leaf: number, field: number, value: number): void {
    this.words[leaf * RECORD_WORDS + field] = value;
  }

  /** The next leaf in a free list, or -1. */
  nextFree(leaf: number): number {
    return this.records[leaf * RECORD_WORDS + FIELD_NEXT];
  }

  addressOf(leaf: number): number {
    return this.base + leaf * this.minimumBlock;
  }

  /** The smallest order whose blocks hold `size` bytes (may be >= orders when none does). */
  orderFor(size: number): number {
    return size <= this.minimumBlock ? 0 : 32 - Math.clz32(size - 1) - this.minimumShift;
  }

  /** The order of the block a request of `size` bytes takes: its size plus the redzone (beyond the heap: `orders`, which never fits). */
  orderForRequest(size: number): number {
    const total = size + this.redzone;
    return total > this.size ? this.orders : this.orderFor(total);
  }

  currentStep(): number {
    return this.stepSource ? this.stepSource() : this.operations;
  }

  // ---- malloc / calloc / free -------------------------------------------------------------

  /** malloc(size): an 8-byte-aligned block of at least `size` bytes, or 0 (with a note) when none is free. */
  allocate(size: number, site: number, callStack?: readonly number[]): number {
    size >>>= 0;
    site >>>= 0;
    this.operations++;
    const order = this.orderForRequest(size);
    if (order >= this.orders) return this.fail(size, site, `malloc(${size}) failed: the request is larger than the whole ${this.size}-byte heap`);
    let found = this.nonEmptyOrders & (-1 << order);
    if (found === 0 && this.quarantineCount !== 0) {
      this.flushQuarantine();
      found = this.nonEmptyOrders & (-1 << order);
    }
    if (found === 0) return this.fail(size, site, `malloc(${size}) failed: no free block of ${this.minimumBlock << order} bytes or more is left (heap exhausted)`);
    let current = 31 - Math.clz32(found & -found);
    const leaf = this.freeHead[current];
    this.unlinkFree(leaf, current);
    const step = this.currentStep();
    const nodeState = this.nodeState;
    let node = this.nodeOf(leaf, current);
    while (current > order) {
      nodeState[node] = NODE_SPLIT;
      this.events.record(EVENT_SPLIT, step, this.addressOf(leaf), current, site, size);
      current--;
      node <<= 1;
      nodeState[node + 1] = NODE_FREE;
      this.pushFree(leaf + (1 << current), current);
    }
    nodeState[node] = NODE_ALLOCATED;
    this.claim(leaf, order, size, site, callStack);
    const address = this.addressOf(leaf);
    this.events.record(EVENT_ALLOC, step, address, order, site, size);
    return address;
  }

  /** calloc(count, size): like allocate, with count*size checked for overflow (0 and a note when it does). The caller zeroes `count*size` bytes. */
  allocateArray(count: number, size: number, site: number, callStack?: readonly number[]): number {
    const total = (count >>> 0) * (size >>> 0);
    if (total > 0xffffffff) {
      this.operations++;
      return this.fail(0xffffffff, site >>> 0, `calloc(${count >>> 0}, ${size >>> 0}) failed: count * size overflows 32 bits`);
    }
    return this.allocate(total, site, callStack);
  }

  /** The HeapAllocator form of free: null when released, or the plain-words reason it cannot be. */
  release(address: number, site: number): string | null {
    const problem = this.free(address, site);
    return problem === null ? null : problem.message;
  }

  /** free(address): null when released (free(NULL) included), or what is wrong: double free or invalid free, with the sites involved. */
  free(address: number, site: number, callStack?: readonly number[]): types.ReleaseProblem | null {
    address >>>= 0;
    if (address === 0) return null;
    const offset = address - this.base;
    if (offset >= 0 && offset < this.size && (offset & (this.minimumBlock - 1)) === 0) {
      const leaf = offset >>> this.minimumShift;
      const order = this.records[leaf * RECORD_WORDS + FIELD_ORDER] - 1;
      if (order >= 0) {
        this.operations++;
        this.releaseBlock(leaf, order, site >>> 0, callStack);
        return null;
      }
    }
    return describeInvalidFree(this, address, site >>> 0, callStack ?? []);
  }

  /** The size the program asked for when `address` was allocated, or -1 when it is not a live block. */
  sizeOf(address: number): number {
    const offset = (address >>> 0) - this.base;
    if (offset < 0 || offset >= this.size || (offset & (this.minimumBlock - 1)) !== 0) return -1;
    const base = (offset >>> this.minimumShift) * RECORD_WORDS;
    return this.records[base + FIELD_ORDER] !== 0 ? this.words[base + FIELD_REQUESTED] : -1;
  }

  /** The bytes in the live block at `address` (its full 2^k size), or -1. */
  blockSizeOf(address: number): number {
    if (this.sizeOf(address) < 0) return -1;
    return this.minimumBlock << this.blockOrderAt(((address >>> 0) - this.base) >>> this.minimumShift);
  }

  // ---- realloc ----------------------------------------------------------------------------

  /**
   * realloc(address, size) as glibc: realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and
   * gives NULL; a block shrinks in place (its upper halves return to the free lists), grows in
   * place while its buddies up to the needed order are free, and otherwise moves (the old block
   * stays intact when no new block is free).
   */
  resize(address: number, size: number, site: number, callStack?: readonly number[]): types.ResizeOutcome {
    return resizeBlock(this, address >>> 0, size >>> 0, site >>> 0, callStack);
  }

  // ---- where an address is ----------------------------------------------------------------

  /** A LOCATION_* code for one address in O(log n), allocating nothing; `lastLocation` then names the block. */
  locate(address: number): number {
    return locateAddress(this, address >>> 0, this.lastLocation);
  }

  /** One load or store of `size` bytes: LOCATION_LIVE when all of it is inside one live block's requested bytes, else the problem's code (see facts.ts); `lastLocation` names the block. */
  checkAccess(address: number, size: number): number {
    return checkAccessRange(this, address >>> 0, size >>> 0, this.lastLocation);
  }

  /** The block `locate` found: its first leaf and order (-1 when none), and the offset into it. */
  readonly lastLocation: Location = { leaf: -1, order: -1, offset: 0 };

  /** What an address is, with the block and sites involved, for messages. */
  classify(address: number): types.AddressFacts {
    return classifyAddress(this, address >>> 0);
  }

  // ---- internals shared with resize.ts and snapshot.ts ------------------------------------

  /** Records a live block of `order` at `leaf` (the node is already marked allocated). */
  claim(leaf: number, order: number, size: number, site: number, callStack: readonly number[] | undefined): void {
    const base = leaf * RECORD_WORDS;
    const words = this.words;
    words[base + FIELD_ORDER] = order + 1;
    words[base + FIELD_REQUESTED] = size;
    words[base + FIELD_SEQUENCE] = ++this.allocations;
    words[base + FIELD_SITE] = site;
    if (callStack !== undefined) this.callStacks.set(leaf, callStack);
    else if (this.callStacks.size !== 0) this.callStacks.delete(leaf);
    this.liveBlocks++;
    this.bytesRequested += size;
    this.bytesInBlocks += this.minimumBlock << order;
    if (this.bytesInBlocks > this.peakBytesInBlocks) this.peakBytesInBlocks = this.bytesInBlocks;
    if (this.bytesRequested > this.peakBytesRequested) this.peakBytesRequested = this.bytesRequested;
  }

  /** Frees the live block at `leaf`: remembers who freed it, then quarantines it or merges it. */
  releaseBlock(leaf: number, order: number, site: number, callStack: readonly number[] | undefined): void {
    const blockSize = this.minimumBlock << order;
    const base = leaf * RECORD_WORDS;
    const words = this.words;
    const requested = words[base + FIELD_REQUESTED];
    words[base + FIELD_ORDER] = 0;
    this.liveBlocks--;
    this.bytesRequested -= requested;
    this.bytesInBlocks -= blockSize;
    words[base + FIELD_FREED_ORDER] = order + 1;
    words[base + FIELD_FREED_SEQUENCE] = ++this.frees;
    words[base + FIELD_FREED_SITE] = site;
    words[base + FIELD_FREED_REQUESTED] = requested;
    words[base + FIELD_FREED_ALLOCATION_SEQUENCE] = words[base + FIELD_SEQUENCE];
    words[base + FIELD_FREED_ALLOCATION_SITE] = words[base + FIELD_SITE];
    if (this.callStacks.size !== 0 || this.freedAllocationCallStacks.size !== 0) this.moveCallStack(leaf);
    if (callStack !== undefined) this.freedCallStacks.set(leaf, callStack);
    else if (this.freedCallStacks.size !== 0) this.freedCallStacks.delete(leaf);
    const step = this.currentStep();
    this.events.record(EVENT_FREE, step, this.addressOf(leaf), order, site, requested);
    if (this.quarantineCapacity === 0) {
      this.mergeFree(leaf, order, step, site);
      return;
    }
    this.nodeState[this.nodeOf(leaf, order)] = NODE_QUARANTINED;
    this.quarantinedBytes += blockSize;
    if (this.quarantineCount === this.quarantineCapacity) this.evictQuarantined(step, site);
    const slot = (this.quarantineStart + this.quarantineCount) % this.quarantineCapacity;
    this.quarantineLeaves[slot] = leaf;
    this.quarantineOrders[slot] = order;
    this.quarantineCount++;
  }

  /** Marks the block free and merges it with its buddy for as long as the buddy is free. */
  mergeFree(leaf: number, order: number, step: number, site: number): void {
    const nodeState = this.nodeState;
    const top = this.orders - 1;
    let node = this.nodeOf(leaf, order);
    while (order < top && nodeState[node ^ 1] === NODE_FREE) {
      this.unlinkFree(leaf ^ (1 << order), order);
      nodeState[node] = NODE_ABSENT;
      nodeState[node ^ 1] = NODE_ABSENT;
      leaf &= ~(1 << order);
      node >>>= 1;
      order++;
      this.events.record(EVENT_MERGE, step, this.addressOf(leaf), order, site, 0);
    }
    nodeState[node] = NODE_FREE;
    this.pushFree(leaf, order);
  }

  /** Returns every quarantined block to the free lists (when malloc would fail otherwise). */
  flushQuarantine(): void {
    const step = this.currentStep();
    while (this.quarantineCount !== 0) this.evictQuarantined(step, 0);
  }

  pushFree(leaf: number, order: number): void {
    const records = this.records;
    const head = this.freeHead[order];
    const base = leaf * RECORD_WORDS;
    records[base + FIELD_NEXT] = head;
    records[base + FIELD_PREVIOUS] = -1;
    if (head >= 0) records[head * RECORD_WORDS + FIELD_PREVIOUS] = leaf;
    this.freeHead[order] = leaf;
    this.nonEmptyOrders |= 1 << order;
  }

  unlinkFree(leaf: number, order: number): void {
    const records = this.records;
    const base = leaf * RECORD_WORDS;
    const next = records[base + FIELD_NEXT];
    const previous = records[base + FIELD_PREVIOUS];
    if (previous >= 0) records[previous * RECORD_WORDS + FIELD_NEXT] = next;
    else {
      this.freeHead[order] = next;
      if (next < 0) this.nonEmptyOrders &= ~(1 << order);
    }
    if (next >= 0) records[next * RECORD_WORDS + FIELD_PREVIOUS] = previous;
  }

  /** Records a diagnostic note (bounded: the oldest are dropped past 64). */
  note(site: number, message: string): void {
    if (this.notes.length === MAXIMUM_NOTES) {
      this.notes.shift();
      this.notesDropped++;
    }
    this.notes.push({ step: this.currentStep(), site, line: this.resolveSite && site !== 0 ? this.resolveSite(site) : null, message });
  }

  private fail(size: number, site: number, message: string): number {
    this.failedAllocations++;
    this.events.record(EVENT_FAIL, this.currentStep(), 0, 0, site, size);
    this.note(site, message);
    return 0;
  }

  private evictQuarantined(step: number, site: number): void {
    const slot = this.quarantineStart;
    const leaf = this.quarantineLeaves[slot];
    const order = this.quarantineOrders[slot];
    this.quarantineStart = slot + 1 === this.quarantineCapacity ? 0 : slot + 1;
    this.quarantineCount--;
    this.quarantinedBytes -= this.minimumBlock << order;
    this.mergeFree(leaf, order, step, site);
  }

  private moveCallStack(leaf: number): void {
    const stack = this.callStacks.get(leaf);
    if (stack !== undefined) {
      this.callStacks.delete(leaf);
      this.freedAllocationCallStacks.set(leaf, stack);
    } else this.freedAllocationCallStacks.delete(leaf);
  }
}
