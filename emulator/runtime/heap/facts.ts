/**
 * What an address is, for the checker and its messages: in a live block (and
 * whether before or past the requested size), in a freed block (with where it
 * was allocated and freed), in never-used heap, or outside the heap — found in
 * O(log n) by walking the implicit tree from the root. Also the facts behind a
 * double free or an invalid free.
 */
import type { BuddyHeap } from './buddy.js';
import * as layout from './layout.js';
import * as types from './types.js';

const { NODE_ALLOCATED, NODE_SPLIT, NODE_QUARANTINED } = types;
const { LOCATION_FREED, LOCATION_LIVE, LOCATION_OUTSIDE, LOCATION_SLACK, LOCATION_UNALLOCATED } = types;

/** The block `locate` found: first leaf and order (-1 when none) and the address's offset into it. */
export interface Location {
  leaf: number;
  order: number;
  offset: number;
}

export const hex = (value: number): string => `0x${(value >>> 0).toString(16).padStart(8, '0')}`;

/** The leaf of the most recent freed block covering `leaf`, or -1 (checks one candidate per order). */
export function findFreedRecord(heap: BuddyHeap, leaf: number): number {
  let best = -1;
  let bestSequence = 0;
  for (let order = 0; order < heap.orders; order++) {
    const start = (leaf >>> order) << order;
    if (heap.freedOrderAt(start) === order && heap.word(start, layout.FIELD_FREED_SEQUENCE) > bestSequence) {
      best = start;
      bestSequence = heap.word(start, layout.FIELD_FREED_SEQUENCE);
    }
  }
  return best;
}

export function locateAddress(heap: BuddyHeap, address: number, out: Location): number {
  const offset = address - heap.base;
  out.leaf = -1;
  out.order = -1;
  out.offset = 0;
  if (offset < 0 || offset >= heap.size) return LOCATION_OUTSIDE;
  const shift = heap.minimumShift;
  const nodeState = heap.nodeState;
  let node = 1;
  let order = heap.orders - 1;
  while (nodeState[node] === NODE_SPLIT) {
    order--;
    node = (node << 1) | ((offset >>> (order + shift)) & 1);
  }
  if (nodeState[node] === NODE_ALLOCATED) {
    const leaf = (offset >>> (order + shift)) << order;
    out.leaf = leaf;
    out.order = order;
    out.offset = offset - leaf * heap.minimumBlock;
    return out.offset < heap.word(leaf, layout.FIELD_REQUESTED) ? LOCATION_LIVE : LOCATION_SLACK;
  }
  const record = findFreedRecord(heap, offset >>> shift);
  if (record < 0) return LOCATION_UNALLOCATED;
  out.leaf = record;
  out.order = heap.freedOrderAt(record);
  out.offset = offset - record * heap.minimumBlock;
  return LOCATION_FREED;
}

/**
 * The check for one load or store of `size` bytes: LOCATION_LIVE when every byte is inside
 * one live block's requested bytes; otherwise the code of the problem (OUTSIDE, FREED,
 * UNALLOCATED for the first byte; SLACK when the first byte is in a block but the access
 * runs past its requested size), with `out` naming the block of the first byte.
 */
export function checkAccessRange(heap: BuddyHeap, address: number, size: number, out: Location): number {
  const code = locateAddress(heap, address, out);
  if (code !== LOCATION_LIVE) return code;
  return out.offset + size <= heap.word(out.leaf, layout.FIELD_REQUESTED) ? LOCATION_LIVE : LOCATION_SLACK;
}

export function siteOf(heap: BuddyHeap, pc: number, callStack: readonly number[] | undefined): types.HeapSite {
  return { pc, line: heap.resolveSite && pc !== 0 ? heap.resolveSite(pc) : null, callStack: callStack ?? [] };
}

/** A site as a message names it: file:line when known, else the PC. */
export function formatSite(site: types.HeapSite): string {
  if (site.line) return `${site.line.file}:${site.line.line}`;
  return site.pc === 0 ? 'an unknown place' : hex(site.pc);
}

/** Facts of the live block starting at `leaf`. */
export function liveBlockFacts(heap: BuddyHeap, leaf: number): types.BlockFacts {
  const order = heap.blockOrderAt(leaf);
  const size = heap.minimumBlock << order;
  const requested = heap.word(leaf, layout.FIELD_REQUESTED);
  return {
    address: heap.addressOf(leaf),
    order,
    size,
    requested,
    slack: size - requested,
    sequence: heap.word(leaf, layout.FIELD_SEQUENCE),
    allocated: siteOf(heap, heap.word(leaf, layout.FIELD_SITE), heap.callStacks.get(leaf)),
  };
}

/** Facts of the last block freed starting at `leaf`. */
export function freedBlockFacts(heap: BuddyHeap, leaf: number): types.FreedBlockFacts {
  const order = heap.freedOrderAt(leaf);
  const size = heap.minimumBlock << order;
  const requested = heap.word(leaf, layout.FIELD_FREED_REQUESTED);
  return {
    address: heap.addressOf(leaf),
    order,
    size,
    requested,
    slack: size - requested,
    sequence: heap.word(leaf, layout.FIELD_FREED_ALLOCATION_SEQUENCE),
    allocated: siteOf(heap, heap.word(leaf, layout.FIELD_FREED_ALLOCATION_SITE), heap.freedAllocationCallStacks.get(leaf)),
    freed: siteOf(heap, heap.word(leaf, layout.FIELD_FREED_SITE), heap.freedCallStacks.get(leaf)),
    freeSequence: heap.word(leaf, layout.FIELD_FREED_SEQUENCE),
  };
}

export function classifyAddress(heap: BuddyHeap, address: number): types.AddressFacts {
  const where: Location = { leaf: -1, order: -1, offset: 0 };
  const code = locateAddress(heap, address, where);
  switch (code) {
    case LOCATION_LIVE:
      return { kind: 'live', address, offset: where.offset, block: liveBlockFacts(heap, where.leaf) };
    case LOCATION_SLACK:
      return { kind: 'slack', address, offset: where.offset, block: liveBlockFacts(heap, where.leaf) };
    case LOCATION_FREED: {
      const quarantined = heap.nodeState[heap.nodeOf(where.leaf, where.order)] === NODE_QUARANTINED;
      return { kind: 'freed', address, offset: where.offset, block: freedBlockFacts(heap, where.leaf), quarantined };
    }
    case LOCATION_UNALLOCATED:
      return { kind: 'unallocated', address };
    default:
      return { kind: 'outside-heap', address };
  }
}

/** Why free(address) (or realloc) cannot release it: a double free, or an invalid free naming what the address is. */
export function describeInvalidFree(heap: BuddyHeap, address: number, pc: number, callStack: readonly number[], call = 'free'): types.ReleaseProblem {
  const site = siteOf(heap, pc, callStack);
  const facts = classifyAddress(heap, address);
  const head = `${call}(${hex(address)})`;
  switch (facts.kind) {
    case 'freed': {
      const block = facts.block;
      const history = `freed at ${formatSite(block.freed)}, allocated at ${formatSite(block.allocated)}`;
      if (facts.offset === 0)
        return { kind: 'double-free', reason: 'already-freed', address, site, block, offset: 0, message: `${head}: double free: this ${block.size}-byte block was already ${history}` };
      return {
        kind: 'invalid-free',
        reason: 'inside-freed-block',
        address,
        site,
        block,
        offset: facts.offset,
        message: `${head}: invalid free: the address is ${facts.offset} bytes into a ${block.size}-byte block ${history}`,
      };
    }
    case 'live':
    case 'slack':
      return {
        kind: 'invalid-free',
        reason: 'inside-live-block',
        address,
        site,
        block: facts.block,
        offset: facts.offset,
        message: `${head}: invalid free: the address is ${facts.offset} bytes into the block at ${hex(facts.block.address)} allocated at ${formatSite(facts.block.allocated)}; pass ${call} the address malloc returned`,
      };
    case 'unallocated':
      return { kind: 'invalid-free', reason: 'unallocated-heap', address, site, message: `${head}: invalid free: the address is in the heap but no block was ever allocated there` };
    default:
      return {
        kind: 'invalid-free',
        reason: 'outside-heap',
        address,
        site,
        message: `${head}: invalid free: the address is not in the heap, so malloc, calloc or realloc did not return it (a stack or data address?)`,
      };
  }
}
