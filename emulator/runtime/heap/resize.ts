/**
 * realloc: NULL and 0 as glibc, then in place: shrinking returns the block's upper halves to the free
 * lists; growing absorbs the block's buddies while the block is the lower half
 * at each level and each buddy is wholly free. The block then counts as a new
 * allocation made at the realloc call (as memcheck reports it). Otherwise the
 * block moves: a new block is taken first (so a failure leaves the old one
 * intact), then the old one is released.
 */
import type { BuddyHeap } from './buddy.js';
import { describeInvalidFree } from './facts.js';
import { FIELD_REQUESTED } from './layout.js';
import { EVENT_MERGE, EVENT_RESIZE, EVENT_SPLIT, NODE_ABSENT, NODE_ALLOCATED, NODE_FREE, NODE_SPLIT, type ResizeOutcome } from './types.js';

/** BuddyHeap.resize (arguments already unsigned): see its description. */
export function resizeBlock(heap: BuddyHeap, address: number, size: number, site: number, callStack: readonly number[] | undefined): ResizeOutcome {
  if (address === 0) {
    const fresh = heap.allocate(size, site, callStack);
    return fresh === 0 ? { kind: 'failed', address: 0 } : { kind: 'allocated', address: fresh };
  }
  if (heap.sizeOf(address) < 0) return { kind: 'invalid', address: 0, problem: describeInvalidFree(heap, address, site, callStack ?? [], 'realloc') };
  if (size === 0) {
    heap.free(address, site, callStack);
    return { kind: 'freed', address: 0 };
  }
  const leaf = (address - heap.base) >>> heap.minimumShift;
  const order = heap.blockOrderAt(leaf);
  const wanted = heap.orderForRequest(size);
  heap.operations++;
  if (wanted <= order) {
    shrinkInPlace(heap, leaf, order, wanted, size, site, callStack);
    return { kind: 'in-place', address };
  }
  if (wanted < heap.orders && growInPlace(heap, leaf, order, wanted, size, site, callStack)) return { kind: 'in-place', address };
  const oldRequested = heap.word(leaf, FIELD_REQUESTED);
  const moved = heap.allocate(size, site, callStack);
  if (moved === 0) return { kind: 'failed', address: 0 };
  heap.operations--;
  heap.releaseBlock(leaf, order, site, callStack);
  return { kind: 'moved', address: moved, from: address, copyLength: Math.min(oldRequested, size) };
}

/** Re-records the live block at `leaf` as a new allocation of `order` and `size`. */
function reclaim(heap: BuddyHeap, leaf: number, oldOrder: number, order: number, size: number, site: number, callStack: readonly number[] | undefined): void {
  heap.liveBlocks--;
  heap.bytesRequested -= heap.word(leaf, FIELD_REQUESTED);
  heap.bytesInBlocks -= heap.minimumBlock << oldOrder;
  heap.claim(leaf, order, size, site, callStack);
  heap.events.record(EVENT_RESIZE, heap.currentStep(), heap.addressOf(leaf), order, site, size);
}

/** Keeps the block at `leaf`, now of order `wanted` <= `order`, splitting off its upper halves. */
export function shrinkInPlace(heap: BuddyHeap, leaf: number, order: number, wanted: number, size: number, site: number, callStack: readonly number[] | undefined): void {
  const nodeState = heap.nodeState;
  const step = heap.currentStep();
  let node = heap.nodeOf(leaf, order);
  for (let current = order; current > wanted; current--) {
    nodeState[node] = NODE_SPLIT;
    heap.events.record(EVENT_SPLIT, step, heap.addressOf(leaf), current, site, size);
    node <<= 1;
    nodeState[node + 1] = NODE_FREE;
    heap.pushFree(leaf + (1 << (current - 1)), current - 1);
  }
  nodeState[node] = NODE_ALLOCATED;
  reclaim(heap, leaf, order, wanted, size, site, callStack);
}

/** Grows the block at `leaf` from `order` to `wanted` when its buddies allow; false (nothing changed) when they do not. */
export function growInPlace(heap: BuddyHeap, leaf: number, order: number, wanted: number, size: number, site: number, callStack: readonly number[] | undefined): boolean {
  const nodeState = heap.nodeState;
  let node = heap.nodeOf(leaf, order);
  for (let current = order; current < wanted; current++) {
    if ((leaf & (1 << current)) !== 0 || nodeState[node ^ 1] !== NODE_FREE) return false;
    node >>>= 1;
  }
  const step = heap.currentStep();
  node = heap.nodeOf(leaf, order);
  for (let current = order; current < wanted; current++) {
    heap.unlinkFree(leaf + (1 << current), current);
    nodeState[node] = NODE_ABSENT;
    nodeState[node ^ 1] = NODE_ABSENT;
    node >>>= 1;
    heap.events.record(EVENT_MERGE, step, heap.addressOf(leaf), current + 1, site, size);
  }
  nodeState[node] = NODE_ALLOCATED;
  reclaim(heap, leaf, order, wanted, size, site, callStack);
  return true;
}
