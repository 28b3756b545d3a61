/**
 * For tests: a deliberately naive Buddy System (plain arrays, linear searches)
 * with the same policy as BuddyHeap — the smallest free order that fits, the
 * head of its list (last pushed first), right halves pushed on split, merges
 * while the buddy is free, realloc shrinking and growing in place when it can —
 * and an invariant checker for BuddyHeap's typed arrays.
 */
import type { BuddyHeap } from './buddy.js';
import { forEachNode, nodeLeaf } from './inspect.js';
import { FIELD_PREVIOUS, FIELD_REQUESTED } from './layout.js';
import { NODE_ABSENT, NODE_ALLOCATED, NODE_FREE, NODE_QUARANTINED, NODE_SPLIT } from './types.js';

export class ReferenceBuddy {
  /** Free block offsets per order, head first. */
  readonly free: number[][] = [];
  /** Live block offset -> [order, requested]. */
  readonly live = new Map<number, [number, number]>();
  readonly quarantine: [number, number][] = [];

  constructor(
    readonly size: number,
    readonly minimum: number,
    readonly quarantineCapacity = 0,
    readonly redzone = 0,
  ) {
    for (let block = minimum; block <= size; block *= 2) this.free.push([]);
    this.free[this.free.length - 1].push(0);
  }

  /** The order a request takes: its size plus the redzone. */
  orderFor(size: number): number {
    let order = 0;
    while (this.minimum * 2 ** order < size + this.redzone) order++;
    return order;
  }

  /** Offset of the new block, or -1. */
  allocate(size: number): number {
    const order = this.orderFor(size);
    if (order >= this.free.length) return -1;
    let current = order;
    while (current < this.free.length && this.free[current].length === 0) current++;
    if (current === this.free.length && this.quarantine.length) {
      while (this.quarantine.length) this.merge(...(this.quarantine.shift() as [number, number]));
      return this.allocate(size);
    }
    if (current === this.free.length) return -1;
    const offset = this.free[current].shift() as number;
    while (current > order) {
      current--;
      this.free[current].unshift(offset + this.minimum * 2 ** current);
    }
    this.live.set(offset, [order, size]);
    return offset;
  }

  release(offset: number): boolean {
    const block = this.live.get(offset);
    if (!block) return false;
    this.live.delete(offset);
    if (this.quarantineCapacity === 0) this.merge(offset, block[0]);
    else {
      if (this.quarantine.length === this.quarantineCapacity) this.merge(...(this.quarantine.shift() as [number, number]));
      this.quarantine.push([offset, block[0]]);
    }
    return true;
  }

  private merge(offset: number, order: number): void {
    while (order < this.free.length - 1) {
      const buddy = offset ^ (this.minimum * 2 ** order);
      const index = this.free[order].indexOf(buddy);
      if (index < 0) break;
      this.free[order].splice(index, 1);
      offset = Math.min(offset, buddy);
      order++;
    }
    this.free[order].unshift(offset);
  }

  /** realloc of a live block: the new offset (same when in place), or -1 when it fails. */
  resize(offset: number, size: number): number {
    const [order] = this.live.get(offset) as [number, number];
    const wanted = this.orderFor(size);
    if (wanted <= order) {
      for (let current = order; current > wanted; current--) this.free[current - 1].unshift(offset + this.minimum * 2 ** (current - 1));
      this.live.set(offset, [wanted, size]);
      return offset;
    }
    let grows = wanted < this.free.length;
    for (let current = order; grows && current < wanted; current++) {
      const half = this.minimum * 2 ** current;
      grows = (offset & half) === 0 && this.free[current].includes(offset + half);
    }
    if (grows) {
      for (let current = order; current < wanted; current++) {
        const list = this.free[current];
        list.splice(list.indexOf(offset + this.minimum * 2 ** current), 1);
      }
      this.live.set(offset, [wanted, size]);
      return offset;
    }
    const moved = this.allocate(size);
    if (moved < 0) return -1;
    this.release(offset);
    return moved;
  }
}

/** Every structural invariant of a BuddyHeap; returns the first one broken, or null. */
export function checkInvariants(heap: BuddyHeap): string | null {
  const nodeState = heap.nodeState;
  let covered = 0;
  let bytesInBlocks = 0;
  let bytesRequested = 0;
  let live = 0;
  const freeNodes = new Set<string>();
  let problem: string | null = null;
  forEachNode(heap, (node, depth) => {
    if (problem) return;
    const order = heap.orders - 1 - depth;
    const leaf = nodeLeaf(heap, node);
    const state = nodeState[node];
    const hasChildren = order > 0;
    if (state === NODE_SPLIT) {
      if (!hasChildren || nodeState[node * 2] === NODE_ABSENT || nodeState[node * 2 + 1] === NODE_ABSENT) problem = `split node ${node} lacks a half`;
      return;
    }
    if (hasChildren && (nodeState[node * 2] !== NODE_ABSENT || nodeState[node * 2 + 1] !== NODE_ABSENT)) problem = `unsplit node ${node} has children`;
    covered += heap.minimumBlock << order;
    if (state === NODE_FREE) {
      if (node > 1 && nodeState[node ^ 1] === NODE_FREE) problem = `free buddies ${node} and ${node ^ 1} were not merged`;
      freeNodes.add(`${leaf}/${order}`);
    } else if (state === NODE_ALLOCATED) {
      if (heap.blockOrderAt(leaf) !== order) problem = `allocated node ${node} has block order ${heap.blockOrderAt(leaf)}`;
      if (heap.addressOf(leaf) % 8 !== 0) problem = `block ${leaf} is not 8-byte aligned`;
      if (heap.orderForRequest(heap.word(leaf, FIELD_REQUESTED)) !== order) problem = `block ${leaf} is larger than its request needs`;
      live++;
      bytesInBlocks += heap.minimumBlock << order;
      bytesRequested += heap.word(leaf, FIELD_REQUESTED);
    } else if (state !== NODE_QUARANTINED) problem = `node ${node} has state ${state}`;
  });
  if (problem) return problem;
  if (covered !== heap.size) return `the leaf nodes cover ${covered} bytes of ${heap.size}`;
  if (live !== heap.liveBlocks || bytesInBlocks !== heap.bytesInBlocks || bytesRequested !== heap.bytesRequested) return 'the live-block statistics do not match the tree';
  let listed = 0;
  for (let order = 0; order < heap.orders; order++) {
    let previous = -1;
    for (let leaf = heap.freeHead[order]; leaf >= 0; leaf = heap.nextFree(leaf)) {
      if ((heap.word(leaf, FIELD_PREVIOUS) | 0) !== previous) return `free list ${order} has a broken back link at leaf ${leaf}`;
      if (!freeNodes.has(`${leaf}/${order}`)) return `free list ${order} holds leaf ${leaf}, which is not a free node of that order`;
      previous = leaf;
      if (++listed > freeNodes.size) return 'the free lists hold a cycle or duplicates';
    }
    if (((heap.nonEmptyOrders >>> order) & 1) !== (heap.freeHead[order] >= 0 ? 1 : 0)) return `the non-empty mask is wrong for order ${order}`;
  }
  if (listed !== freeNodes.size) return `the free lists hold ${listed} blocks but the tree has ${freeNodes.size} free nodes`;
  return null;
}
