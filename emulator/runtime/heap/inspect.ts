/**
 * Introspection for the IDE's heap view, the CLI and snapshots: every existing
 * node of the buddy tree in address order, the free list of each order, live
 * blocks, and statistics. Costs are proportional to the tree's existing nodes,
 * never to the heap's size.
 */
import type { BuddyHeap } from './buddy.js';
import { freedBlockFacts, liveBlockFacts } from './facts.js';
import * as types from './types.js';

const { NODE_ABSENT, NODE_ALLOCATED, NODE_QUARANTINED, NODE_SPLIT, NODE_STATE_NAMES } = types;

/** Calls `visit(node, depth)` for every existing node, parents before children, lower addresses first. */
export function forEachNode(heap: BuddyHeap, visit: (node: number, depth: number) => void): void {
  const pending: number[] = [1];
  const nodeState = heap.nodeState;
  const maximumNode = heap.leaves * 2;
  while (pending.length !== 0) {
    const node = pending.pop() as number;
    if (node >= maximumNode || nodeState[node] === NODE_ABSENT) continue;
    const depth = 31 - Math.clz32(node);
    visit(node, depth);
    if (nodeState[node] === NODE_SPLIT) pending.push(node * 2 + 1, node * 2);
  }
}

/** The first leaf and order of a tree node. */
export function nodeLeaf(heap: BuddyHeap, node: number): number {
  const depth = 31 - Math.clz32(node);
  const order = heap.orders - 1 - depth;
  return (node - (1 << depth)) << order;
}

/** Every existing node of the tree, in address order (a parent before its halves). */
export function heapNodes(heap: BuddyHeap): types.HeapNode[] {
  const result: types.HeapNode[] = [];
  forEachNode(heap, (node, depth) => {
    const order = heap.orders - 1 - depth;
    const leaf = nodeLeaf(heap, node);
    const stateCode = heap.nodeState[node];
    const entry: types.HeapNode = {
      address: heap.addressOf(leaf),
      order,
      size: heap.minimumBlock << order,
      depth,
      state: NODE_STATE_NAMES[stateCode] as types.NodeState,
    };
    if (stateCode === NODE_ALLOCATED) entry.block = liveBlockFacts(heap, leaf);
    else if (stateCode === NODE_QUARANTINED) entry.block = freedBlockFacts(heap, leaf);
    result.push(entry);
  });
  return result;
}

/** The free list of every order, smallest blocks first, each from head to tail. */
export function heapFreeLists(heap: BuddyHeap): types.FreeList[] {
  const result: types.FreeList[] = [];
  for (let order = 0; order < heap.orders; order++) {
    const addresses: number[] = [];
    for (let leaf = heap.freeHead[order]; leaf >= 0 && addresses.length <= heap.leaves; leaf = heap.nextFree(leaf)) addresses.push(heap.addressOf(leaf));
    result.push({ order, size: heap.minimumBlock << order, addresses });
  }
  return result;
}

/** Live blocks in address order (for leak reports at exit). */
export function heapLiveBlocks(heap: BuddyHeap): types.BlockFacts[] {
  const result: types.BlockFacts[] = [];
  forEachNode(heap, (node) => {
    if (heap.nodeState[node] === NODE_ALLOCATED) result.push(liveBlockFacts(heap, nodeLeaf(heap, node)));
  });
  return result;
}

/** First leaves of the live blocks in address order, without building facts. */
export function liveBlockLeaves(heap: BuddyHeap): number[] {
  const result: number[] = [];
  forEachNode(heap, (node) => {
    if (heap.nodeState[node] === NODE_ALLOCATED) result.push(nodeLeaf(heap, node));
  });
  return result;
}

/** The kept events, oldest first, with source lines from the heap's resolver. */
export function heapEvents(heap: BuddyHeap): types.HeapEvent[] {
  return heap.events.entries(heap.resolveSite);
}

export function heapStatistics(heap: BuddyHeap): types.HeapStatistics {
  const totalFree = heap.size - heap.bytesInBlocks - heap.quarantinedBytes;
  const largestFreeBlock = heap.nonEmptyOrders === 0 ? 0 : heap.minimumBlock << (31 - Math.clz32(heap.nonEmptyOrders));
  return {
    heapSize: heap.size,
    liveBlocks: heap.liveBlocks,
    bytesRequested: heap.bytesRequested,
    bytesInBlocks: heap.bytesInBlocks,
    internalFragmentation: heap.bytesInBlocks - heap.bytesRequested,
    totalFree,
    quarantinedBytes: heap.quarantinedBytes,
    largestFreeBlock,
    externalFragmentation: totalFree === 0 ? 0 : 1 - largestFreeBlock / totalFree,
    peakBytesInBlocks: heap.peakBytesInBlocks,
    peakBytesRequested: heap.peakBytesRequested,
    allocations: heap.allocations,
    frees: heap.frees,
    failedAllocations: heap.failedAllocations,
  };
}
