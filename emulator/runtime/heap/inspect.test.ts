import { describe, expect, it } from 'vitest';
import { BuddyHeap } from './buddy.js';
import { heapFreeLists, heapLiveBlocks, heapNodes, heapStatistics } from './inspect.js';

function make(): BuddyHeap {
  const created = BuddyHeap.create({ base: 0x10000, size: 4096, minimumBlock: 16, resolveSite: (pc) => ({ file: 'a.s', line: pc }) });
  if (!created.ok) throw new Error(created.error);
  return created.heap;
}

describe('heap introspection', () => {
  it('counts requested bytes, block bytes, fragmentation and peaks', () => {
    const heap = make();
    const a = heap.allocate(20, 1);
    const b = heap.allocate(100, 2);
    heap.allocate(1000, 3);
    expect(heapStatistics(heap)).toEqual({
      heapSize: 4096,
      liveBlocks: 3,
      bytesRequested: 1120,
      bytesInBlocks: 32 + 128 + 1024,
      internalFragmentation: 1184 - 1120,
      totalFree: 4096 - 1184,
      quarantinedBytes: 0,
      largestFreeBlock: 2048,
      externalFragmentation: 1 - 2048 / (4096 - 1184),
      peakBytesInBlocks: 1184,
      peakBytesRequested: 1120,
      allocations: 3,
      frees: 0,
      failedAllocations: 0,
    });
    heap.free(a, 4);
    heap.free(b, 5);
    const after = heapStatistics(heap);
    expect([after.liveBlocks, after.bytesInBlocks, after.peakBytesInBlocks, after.frees]).toEqual([1, 1024, 1184, 2]);
  });

  it('lists nodes in address order with depth and block facts, and live blocks with sites', () => {
    const heap = make();
    heap.allocate(1024, 7, [40, 50]);
    heap.allocate(2048, 8);
    expect(heapNodes(heap).map((node) => [node.address - 0x10000, node.size, node.depth, node.state])).toEqual([
      [0, 4096, 0, 'split'],
      [0, 2048, 1, 'split'],
      [0, 1024, 2, 'allocated'],
      [1024, 1024, 2, 'free'],
      [2048, 2048, 1, 'allocated'],
    ]);
    expect(heapLiveBlocks(heap)).toEqual([
      { address: 0x10000, order: 6, size: 1024, requested: 1024, slack: 0, sequence: 1, allocated: { pc: 7, line: { file: 'a.s', line: 7 }, callStack: [40, 50] } },
      { address: 0x10800, order: 7, size: 2048, requested: 2048, slack: 0, sequence: 2, allocated: { pc: 8, line: { file: 'a.s', line: 8 }, callStack: [] } },
    ]);
    expect(heapFreeLists(heap).filter((list) => list.addresses.length)).toEqual([{ order: 6, size: 1024, addresses: [0x10400] }]);
  });

  it('keeps at most 64 notes, dropping the oldest', () => {
    const heap = make();
    for (let index = 0; index < 70; index++) heap.allocate(8192, index);
    expect(heap.notes).toHaveLength(64);
    expect(heap.notes[0].site).toBe(6);
    expect(heap.notesDropped).toBe(6);
    expect(heap.notes[0].line).toEqual({ file: 'a.s', line: 6 });
  });
});
