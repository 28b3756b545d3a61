/**
 * Seeded random malloc/realloc/free sequences with accesses checked against a
 * simple model of the program's blocks: an access inside a live block's
 * requested bytes after they were written is never flagged; one just past the
 * requested size always is (heap-overflow) unless it lands in a neighbouring
 * live block (the buddy heap has no redzones), and so is one into a freed block
 * that no live block has reused (use-after-free, or an overflow when the
 * allocator's history of that memory is gone).
 */
import { describe, expect, it } from 'vitest';
import { BuddyHeap } from '../heap/buddy.js';
import { DiagnosticCollector } from './collector.js';
import { HeapChecker } from './heap-checker.js';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

interface Block {
  address: number;
  requested: number;
}

describe('HeapChecker against a model of the blocks', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: no false alarms, no missed overflows or uses after free', (seed) => {
    const next = random(seed);
    const created = BuddyHeap.create({ base: 0x100000, size: 1 << 16, minimumBlock: 16 });
    if (!created.ok) throw new Error(created.error);
    const heap = created.heap;
    const collector = new DiagnosticCollector({ limit: 1_000_000 });
    const checker = new HeapChecker(heap, collector, () => null);
    const live: Block[] = [];
    const freed: Block[] = [];
    const overlapsLive = (start: number, end: number): boolean => live.some((block) => start < block.address + heap.blockSizeOf(block.address) && block.address < end);
    for (let operation = 0; operation < 3000; operation++) {
      const choice = next();
      if (choice < 0.35 || live.length === 0) {
        const size = 1 + Math.floor(next() * 300);
        const address = heap.allocate(size, 0x10004);
        if (address === 0) continue;
        checker.allocated(address, false);
        for (let offset = 0; offset < size; offset++) expect(checker.access(address + offset, 1, true)).toBe(false);
        live.push({ address, requested: size });
      } else if (choice < 0.6) {
        const [block] = live.splice(Math.floor(next() * live.length), 1);
        heap.free(block.address, 0x10008);
        freed.push(block);
      } else if (choice < 0.7) {
        const index = Math.floor(next() * live.length);
        const block = live[index];
        const size = 1 + Math.floor(next() * 600);
        const outcome = heap.resize(block.address, size, 0x1000c);
        if (outcome.kind === 'moved') checker.moved(outcome.from, outcome.address, outcome.copyLength);
        else if (outcome.kind === 'in-place') checker.resized(outcome.address, Math.min(block.requested, size));
        else continue;
        if (outcome.kind === 'moved') freed.push({ ...block });
        live[index] = { address: outcome.address, requested: size };
        for (let offset = 0; offset < size; offset++) checker.access(outcome.address + offset, 1, true);
      } else {
        const block = live[Math.floor(next() * live.length)];
        const inside = block.address + Math.floor(next() * block.requested);
        const width = Math.min(4, block.address + block.requested - inside);
        expect(checker.access(inside, width, next() < 0.5)).toBe(false);
        // Past the requested size inside the block's slack (with no slack the next byte belongs to the neighbour: no redzones).
        if (block.requested < heap.blockSizeOf(block.address) || !overlapsLive(block.address + block.requested, block.address + block.requested + 1)) {
          expect(checker.access(block.address + block.requested, 1, false)).toBe(true);
          checker.clearPending();
        }
        const stale = freed[Math.floor(next() * freed.length)];
        if (stale && !overlapsLive(stale.address, stale.address + stale.requested)) {
          expect(checker.access(stale.address, 1, false)).toBe(true);
          checker.clearPending();
        }
      }
    }
    expect(collector.diagnostics).toEqual([]);
  });
});
