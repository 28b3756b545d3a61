/**
 * The allocator's complete state as a JSON-able value, for session snapshots,
 * and its restoration. Restoring rebuilds the tree by carving every live and
 * quarantined block out of a fresh heap (which proves they do not overlap and
 * that merging is complete), then checks that the saved free lists name exactly
 * the free nodes of that tree and restores their order, so the next malloc
 * picks the same block as it would have. Malformed input gives a reason, never
 * an exception.
 */
import { BuddyHeap, checkHeapOptions } from './buddy.js';
import { forEachNode, nodeLeaf } from './inspect.js';
import * as layout from './layout.js';
import * as types from './types.js';

const { NODE_ALLOCATED, NODE_FREE, NODE_QUARANTINED, NODE_SPLIT, EVENT_KIND_NAMES } = types;

export const HEAP_SNAPSHOT_FORMAT = 'sherwood-buddy-heap';
export const HEAP_SNAPSHOT_VERSION = 1;

type Stack = number[] | null;
/** [address, order, requested, sequence, site, callStack] */
export type SavedBlock = [number, number, number, number, number, Stack];
/** [address, order, freeSequence, freeSite, requested, allocationSequence, allocationSite, freeCallStack, allocationCallStack] */
export type SavedFreed = [number, number, number, number, number, number, number, Stack, Stack];
/** [kind, step, address, order, site, size] */
export type SavedEvent = [number, number, number, number, number, number];

export interface HeapSnapshot {
  format: typeof HEAP_SNAPSHOT_FORMAT;
  version: typeof HEAP_SNAPSHOT_VERSION;
  base: number;
  size: number;
  minimumBlock: number;
  quarantine: number;
  /** BuddyHeapOptions.redzone (absent in snapshots of heaps without one). */
  redzone?: number;
  eventCapacity: number;
  /** Live blocks in address order. */
  blocks: SavedBlock[];
  /** Quarantined blocks, oldest first: [address, order]. */
  quarantined: [number, number][];
  /** The last block freed at each start address. */
  freed: SavedFreed[];
  /** Per order, the free list's addresses from head to tail. */
  freeLists: number[][];
  counters: { allocations: number; frees: number; failedAllocations: number; operations: number; peakBytesInBlocks: number; peakBytesRequested: number; eventsTotal: number; notesDropped: number };
  events: SavedEvent[];
  /** [step, site, message] */
  notes: [number, number, string][];
}

const stackOf = (stack: readonly number[] | undefined): Stack => (stack ? [...stack] : null);

export function saveHeap(heap: BuddyHeap): HeapSnapshot {
  const blocks: SavedBlock[] = [];
  forEachNode(heap, (node) => {
    if (heap.nodeState[node] !== NODE_ALLOCATED) return;
    const leaf = nodeLeaf(heap, node);
    const word = (field: number): number => heap.word(leaf, field);
    blocks.push([heap.addressOf(leaf), heap.blockOrderAt(leaf), word(layout.FIELD_REQUESTED), word(layout.FIELD_SEQUENCE), word(layout.FIELD_SITE), stackOf(heap.callStacks.get(leaf))]);
  });
  const quarantined: [number, number][] = [];
  for (let index = 0; index < heap.quarantineCount; index++) {
    const slot = (heap.quarantineStart + index) % heap.quarantineCapacity;
    quarantined.push([heap.addressOf(heap.quarantineLeaves[slot]), heap.quarantineOrders[slot]]);
  }
  const freed: SavedFreed[] = [];
  for (let leaf = 0; leaf < heap.leaves; leaf++) {
    if (heap.freedOrderAt(leaf) < 0) continue;
    const word = (field: number): number => heap.word(leaf, field);
    freed.push([
      heap.addressOf(leaf),
      heap.freedOrderAt(leaf),
      word(layout.FIELD_FREED_SEQUENCE),
      word(layout.FIELD_FREED_SITE),
      word(layout.FIELD_FREED_REQUESTED),
      word(layout.FIELD_FREED_ALLOCATION_SEQUENCE),
      word(layout.FIELD_FREED_ALLOCATION_SITE),
      stackOf(heap.freedCallStacks.get(leaf)),
      stackOf(heap.freedAllocationCallStacks.get(leaf)),
    ]);
  }
  const freeLists: number[][] = [];
  for (let order = 0; order < heap.orders; order++) {
    const list: number[] = [];
    for (let leaf = heap.freeHead[order]; leaf >= 0; leaf = heap.nextFree(leaf)) list.push(heap.addressOf(leaf));
    freeLists.push(list);
  }
  return {
    format: HEAP_SNAPSHOT_FORMAT,
    version: HEAP_SNAPSHOT_VERSION,
    base: heap.base,
    size: heap.size,
    minimumBlock: heap.minimumBlock,
    quarantine: heap.quarantineCapacity,
    ...(heap.redzone === 0 ? {} : { redzone: heap.redzone }),
    eventCapacity: heap.events.capacity,
    blocks,
    quarantined,
    freed,
    freeLists,
    counters: {
      allocations: heap.allocations,
      frees: heap.frees,
      failedAllocations: heap.failedAllocations,
      operations: heap.operations,
      peakBytesInBlocks: heap.peakBytesInBlocks,
      peakBytesRequested: heap.peakBytesRequested,
      eventsTotal: heap.events.total,
      notesDropped: heap.notesDropped,
    },
    events: heap.events.entries().map((event) => [EVENT_KIND_NAMES.indexOf(event.kind), event.step, event.address, event.order, event.site, event.size]),
    notes: heap.notes.map((note) => [note.step, note.site, note.message]),
  };
}

class Invalid {
  constructor(readonly reason: string) {}
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown, maximum = Number.MAX_SAFE_INTEGER): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maximum;
const isWord = (value: unknown): value is number => isCount(value, 0xffffffff);

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Invalid(`${what} must be a list`);
  return value;
}

function tuple(value: unknown, length: number, what: string): unknown[] {
  const items = list(value, what);
  if (items.length !== length) throw new Invalid(`${what} must have ${length} entries`);
  return items;
}

function count(value: unknown, what: string, maximum = Number.MAX_SAFE_INTEGER): number {
  if (!isCount(value, maximum)) throw new Invalid(`${what} must be a whole number from 0 to ${maximum}`);
  return value;
}

function callStack(value: unknown, what: string): number[] | undefined {
  if (value === null) return undefined;
  const items = list(value, what);
  if (!items.every(isWord)) throw new Invalid(`${what} must hold 32-bit addresses`);
  return items as number[];
}

/** The first leaf of a block at `address` of `order`, checked to lie in the heap on a block boundary. */
function blockLeaf(heap: BuddyHeap, address: unknown, order: unknown, what: string): [number, number] {
  const checkedOrder = count(order, `${what}'s order`, heap.orders - 1);
  const offset = count(address, `${what}'s address`, 0xffffffff) - heap.base;
  const size = heap.minimumBlock << checkedOrder;
  if (offset < 0 || offset >= heap.size || offset % size !== 0) throw new Invalid(`${what} at ${String(address)} is not a ${size}-byte block boundary inside the heap`);
  return [offset >>> heap.minimumShift, checkedOrder];
}

/** Takes the block of `order` at `leaf` out of the free tree of a heap under reconstruction, marking it `state`. */
function carve(heap: BuddyHeap, leaf: number, order: number, state: number, what: string): void {
  const nodeState = heap.nodeState;
  let node = 1;
  for (let current = heap.orders - 1; current > order; current--) {
    if (nodeState[node] === NODE_FREE) {
      heap.unlinkFree(nodeLeaf(heap, node), current);
      nodeState[node] = NODE_SPLIT;
      nodeState[node * 2] = NODE_FREE;
      nodeState[node * 2 + 1] = NODE_FREE;
      heap.pushFree(nodeLeaf(heap, node * 2), current - 1);
      heap.pushFree(nodeLeaf(heap, node * 2 + 1), current - 1);
    } else if (nodeState[node] !== NODE_SPLIT) throw new Invalid(`${what} at ${heap.addressOf(leaf)} overlaps another block`);
    node = node * 2 + ((leaf >>> (current - 1)) & 1);
  }
  if (nodeState[node] !== NODE_FREE) throw new Invalid(`${what} at ${heap.addressOf(leaf)} overlaps another block`);
  heap.unlinkFree(leaf, order);
  nodeState[node] = state;
}

function rebuild(input: unknown, hooks: Pick<types.BuddyHeapOptions, 'step' | 'resolveSite'>): BuddyHeap {
  if (!isRecord(input)) throw new Invalid('the heap snapshot must be an object');
  if (input.format !== HEAP_SNAPSHOT_FORMAT) throw new Invalid(`the heap snapshot's format must be "${HEAP_SNAPSHOT_FORMAT}"`);
  if (input.version !== HEAP_SNAPSHOT_VERSION) throw new Invalid(`heap snapshot version ${String(input.version)} is not supported (expected ${HEAP_SNAPSHOT_VERSION})`);
  for (const field of ['base', 'size', 'minimumBlock', 'quarantine', 'eventCapacity']) if (typeof input[field] !== 'number') throw new Invalid(`the heap snapshot's ${field} must be a number`);
  if (input.redzone !== undefined && typeof input.redzone !== 'number') throw new Invalid("the heap snapshot's redzone must be a number");
  const options = {
    base: input.base as number, size: input.size as number, minimumBlock: input.minimumBlock as number, quarantine: input.quarantine as number,
    redzone: (input.redzone as number | undefined) ?? 0, eventCapacity: input.eventCapacity as number, ...hooks,
  };
  const created = BuddyHeap.create(options);
  if (!created.ok) throw new Invalid(created.error);
  const heap = created.heap;
  if (!isRecord(input.counters)) throw new Invalid('the heap snapshot needs its counters');
  const counters = input.counters;
  heap.allocations = count(counters.allocations, 'counters.allocations', 0xffffffff);
  heap.frees = count(counters.frees, 'counters.frees', 0xffffffff);
  heap.failedAllocations = count(counters.failedAllocations, 'counters.failedAllocations');
  heap.operations = count(counters.operations, 'counters.operations');
  heap.notesDropped = count(counters.notesDropped, 'counters.notesDropped');

  for (const [index, item] of list(input.blocks, 'blocks').entries()) {
    const what = `block ${index + 1}`;
    const [address, order, requested, sequence, site, stack] = tuple(item, 6, what);
    const [leaf, checkedOrder] = blockLeaf(heap, address, order, what);
    const size = count(requested, `${what}'s requested size`, heap.size);
    if (heap.orderForRequest(size) !== checkedOrder) throw new Invalid(`${what}: a ${size}-byte request does not take a block of order ${checkedOrder}`);
    carve(heap, leaf, checkedOrder, NODE_ALLOCATED, what);
    heap.setWord(leaf, layout.FIELD_ORDER, checkedOrder + 1);
    heap.setWord(leaf, layout.FIELD_REQUESTED, size);
    heap.setWord(leaf, layout.FIELD_SEQUENCE, count(sequence, `${what}'s sequence`, heap.allocations));
    heap.setWord(leaf, layout.FIELD_SITE, count(site, `${what}'s site`, 0xffffffff));
    const savedStack = callStack(stack, `${what}'s call stack`);
    if (savedStack) heap.callStacks.set(leaf, savedStack);
    heap.liveBlocks++;
    heap.bytesRequested += size;
    heap.bytesInBlocks += heap.minimumBlock << checkedOrder;
  }

  for (const [index, item] of list(input.freed, 'freed').entries()) {
    const what = `freed block ${index + 1}`;
    const [address, order, freeSequence, freeSite, requested, allocationSequence, allocationSite, freeStack, allocationStack] = tuple(item, 9, what);
    const [leaf, checkedOrder] = blockLeaf(heap, address, order, what);
    if (heap.freedOrderAt(leaf) >= 0) throw new Invalid(`${what} repeats the address ${String(address)}`);
    heap.setWord(leaf, layout.FIELD_FREED_ORDER, checkedOrder + 1);
    heap.setWord(leaf, layout.FIELD_FREED_SEQUENCE, count(freeSequence, `${what}'s free sequence`, heap.frees));
    heap.setWord(leaf, layout.FIELD_FREED_SITE, count(freeSite, `${what}'s free site`, 0xffffffff));
    heap.setWord(leaf, layout.FIELD_FREED_REQUESTED, count(requested, `${what}'s requested size`, heap.minimumBlock << checkedOrder));
    heap.setWord(leaf, layout.FIELD_FREED_ALLOCATION_SEQUENCE, count(allocationSequence, `${what}'s sequence`, heap.allocations));
    heap.setWord(leaf, layout.FIELD_FREED_ALLOCATION_SITE, count(allocationSite, `${what}'s allocation site`, 0xffffffff));
    const freedStack = callStack(freeStack, `${what}'s free call stack`);
    if (freedStack) heap.freedCallStacks.set(leaf, freedStack);
    const allocatedStack = callStack(allocationStack, `${what}'s allocation call stack`);
    if (allocatedStack) heap.freedAllocationCallStacks.set(leaf, allocatedStack);
  }

  const quarantined = list(input.quarantined, 'quarantined');
  if (quarantined.length > heap.quarantineCapacity) throw new Invalid(`${quarantined.length} quarantined blocks do not fit a quarantine of ${heap.quarantineCapacity}`);
  for (const [index, item] of quarantined.entries()) {
    const what = `quarantined block ${index + 1}`;
    const [address, order] = tuple(item, 2, what);
    const [leaf, checkedOrder] = blockLeaf(heap, address, order, what);
    if (heap.freedOrderAt(leaf) !== checkedOrder) throw new Invalid(`${what} at ${String(address)} has no matching freed-block record`);
    carve(heap, leaf, checkedOrder, NODE_QUARANTINED, what);
    heap.quarantineLeaves[index] = leaf;
    heap.quarantineOrders[index] = checkedOrder;
    heap.quarantineCount++;
    heap.quarantinedBytes += heap.minimumBlock << checkedOrder;
  }

  restoreFreeLists(heap, list(input.freeLists, 'freeLists'));
  heap.peakBytesInBlocks = count(counters.peakBytesInBlocks, 'counters.peakBytesInBlocks', heap.size);
  heap.peakBytesRequested = count(counters.peakBytesRequested, 'counters.peakBytesRequested');
  if (heap.peakBytesInBlocks < heap.bytesInBlocks || heap.peakBytesRequested < heap.bytesRequested) throw new Invalid('the peak usage counters are below the current usage');

  const events: types.HeapEvent[] = [];
  for (const [index, item] of list(input.events, 'events').entries()) {
    const [kind, step, address, order, site, size] = tuple(item, 6, `event ${index + 1}`);
    if (!isCount(kind, EVENT_KIND_NAMES.length - 1) || !isCount(step) || !isWord(address) || !isCount(order, 31) || !isWord(site) || !isWord(size)) throw new Invalid(`event ${index + 1} is malformed`);
    events.push({ kind: EVENT_KIND_NAMES[kind], step, address, order, site, line: null, size });
  }
  heap.events.restore(events, count(counters.eventsTotal, 'counters.eventsTotal'));
  for (const [index, item] of list(input.notes, 'notes').entries()) {
    const [step, site, message] = tuple(item, 3, `note ${index + 1}`);
    if (!isCount(step) || !isWord(site) || typeof message !== 'string') throw new Invalid(`note ${index + 1} is malformed`);
    heap.note(site, message);
    heap.notes[heap.notes.length - 1].step = step;
  }
  return heap;
}

/** Checks that the saved lists name exactly the tree's free nodes, then links them in the saved order. */
function restoreFreeLists(heap: BuddyHeap, lists: unknown[]): void {
  if (lists.length !== heap.orders) throw new Invalid(`freeLists must have one list per order (${heap.orders})`);
  const seen = new Set<number>();
  let listed = 0;
  for (let order = 0; order < heap.orders; order++) {
    for (const address of list(lists[order], `the free list of order ${order}`)) {
      const [leaf] = blockLeaf(heap, address, order, `free block of order ${order}`);
      if (heap.nodeState[heap.nodeOf(leaf, order)] !== NODE_FREE || seen.has(leaf)) throw new Invalid(`the free list of order ${order} names ${String(address)}, which is not a free block of that order (or is named twice)`);
      seen.add(leaf);
      listed++;
    }
  }
  let free = 0;
  forEachNode(heap, (node) => {
    if (heap.nodeState[node] === NODE_FREE) free++;
  });
  if (free !== listed) throw new Invalid(`the free lists name ${listed} blocks but the tree has ${free} free blocks`);
  heap.freeHead.fill(-1);
  heap.nonEmptyOrders = 0;
  for (let order = 0; order < heap.orders; order++) {
    const addresses = lists[order] as number[];
    for (let index = addresses.length - 1; index >= 0; index--) heap.pushFree((addresses[index] - heap.base) >>> heap.minimumShift, order);
  }
}

export type RestoreHeapResult = { ok: true; heap: BuddyHeap } | { ok: false; error: string };

/** Rebuilds a heap from `saveHeap`'s value (after JSON or structured cloning), or says what is wrong with it. */
export function restoreHeap(snapshot: unknown, hooks: Pick<types.BuddyHeapOptions, 'step' | 'resolveSite'> = {}): RestoreHeapResult {
  try {
    return { ok: true, heap: rebuild(snapshot, hooks) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `heap snapshot: ${error.reason}` };
    return { ok: false, error: `heap snapshot: unreadable (${error instanceof Error ? error.message : String(error)})` };
  }
}

export { checkHeapOptions };
