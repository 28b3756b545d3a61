import { describe, expect, it } from 'vitest';
import type { HeapAllocator } from '../libc/simple-heap.js';
import { BuddyHeap } from './buddy.js';
import { heapFreeLists, heapNodes, heapStatistics } from './inspect.js';
import { checkInvariants } from './reference-model.js';
import { LOCATION_FREED, LOCATION_LIVE, LOCATION_OUTSIDE, LOCATION_SLACK, LOCATION_UNALLOCATED, type BuddyHeapOptions } from './types.js';

const BASE = 0x00100000;

function make(options: Partial<BuddyHeapOptions> = {}): BuddyHeap {
  const created = BuddyHeap.create({ base: BASE, size: 4096, ...options });
  if (!created.ok) throw new Error(created.error);
  return created.heap;
}

describe('BuddyHeap options', () => {
  it('accepts the defaults: 1 MiB with 16-byte blocks', () => {
    const created = BuddyHeap.create({ base: BASE });
    expect(created.ok && [created.heap.size, created.heap.minimumBlock, created.heap.orders]).toEqual([1 << 20, 16, 17]);
  });

  it.each([
    [{ size: 3000 }, 'power of two from 4 KiB to 64 MiB'],
    [{ size: 2048 }, 'power of two from 4 KiB to 64 MiB'],
    [{ size: 128 << 20 }, 'power of two from 4 KiB to 64 MiB'],
    [{ minimumBlock: 4 }, 'minimum block 4'],
    [{ minimumBlock: 24 }, 'minimum block 24'],
    [{ size: 4096, minimumBlock: 8192 }, 'minimum block 8192'],
    [{ base: 4 }, 'multiple of 8'],
    [{ base: 0xfffff000, size: 8192 }, 'end at or below'],
    [{ quarantine: -1 }, 'quarantine'],
    [{ redzone: 5000 }, 'redzone'],
    [{ redzone: 0.5 }, 'redzone'],
    [{ eventCapacity: 1.5 }, 'event capacity'],
  ])('rejects %j with a reason', (options, reason) => {
    const created = BuddyHeap.create({ base: BASE, ...options });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error).toContain(reason);
  });

  it('with a redzone, chooses each block for the request plus the redzone and keeps the request as asked', () => {
    const created = BuddyHeap.create({ base: BASE, size: 4096, redzone: 8 });
    if (!created.ok) throw new Error(created.error);
    const heap = created.heap;
    const address = heap.allocate(16, 0x10010);
    expect(heap.blockSizeOf(address)).toBe(32);
    expect(heap.sizeOf(address)).toBe(16);
    expect(heap.classify(address + 16)).toMatchObject({ kind: 'slack', offset: 16 });
    expect(heap.allocate(8, 0x10020)).toBe(address + 32);
    expect(heap.resize(address, 24, 0x10030)).toEqual({ kind: 'in-place', address });
    expect(heap.resize(address, 25, 0x10040)).toMatchObject({ kind: 'moved' });
    expect(heap.allocate(4096, 0x10050)).toBe(0);
  });

  it('implements the libc HeapAllocator interface', () => {
    const heap: HeapAllocator = make();
    const address = heap.allocate(10, 0x10010);
    expect(heap.sizeOf(address)).toBe(10);
    expect(heap.release(address, 0x10020)).toBeNull();
    expect(heap.release(address, 0x10030)).toContain('double free');
  });
});

describe('BuddyHeap malloc and free', () => {
  it('splits the heap down to the smallest block that fits, and merges it back', () => {
    const heap = make({ size: 4096 });
    const first = heap.allocate(20, 0x10000);
    expect(first).toBe(BASE);
    expect(heap.blockSizeOf(first)).toBe(32);
    const lists = heapFreeLists(heap).filter((list) => list.addresses.length);
    expect(lists.map((list) => [list.size, list.addresses])).toEqual([
      [32, [BASE + 32]],
      [64, [BASE + 64]],
      [128, [BASE + 128]],
      [256, [BASE + 256]],
      [512, [BASE + 512]],
      [1024, [BASE + 1024]],
      [2048, [BASE + 2048]],
    ]);
    const second = heap.allocate(32, 0x10004);
    expect(second).toBe(BASE + 32);
    expect(heap.free(first, 0x10008)).toBeNull();
    expect(heap.free(second, 0x1000c)).toBeNull();
    expect(heapNodes(heap)).toEqual([{ address: BASE, order: 8, size: 4096, depth: 0, state: 'free' }]);
    expect(checkInvariants(heap)).toBeNull();
  });

  it('gives 8-byte-aligned blocks, a minimum block for malloc(0), and fails past the heap with a note', () => {
    const heap = make({ minimumBlock: 8 });
    const zero = heap.allocate(0, 0x10000);
    expect(zero % 8).toBe(0);
    expect(heap.blockSizeOf(zero)).toBe(8);
    expect(heap.allocate(4097, 0x10004)).toBe(0);
    expect(heap.allocate(0xffffffff, 0x10008)).toBe(0);
    expect(heap.notes.map((note) => note.message)).toEqual([
      'malloc(4097) failed: the request is larger than the whole 4096-byte heap',
      'malloc(4294967295) failed: the request is larger than the whole 4096-byte heap',
    ]);
    expect(heap.allocate(2048, 0)).not.toBe(0);
    expect(heap.allocate(2048, 0x1000c)).toBe(0);
    expect(heap.notes[2].message).toContain('heap exhausted');
    expect(heap.failedAllocations).toBe(3);
  });

  it('checks calloc for count*size overflow', () => {
    const heap = make();
    expect(heap.allocateArray(0x10000, 0x10001, 0x10000)).toBe(0);
    expect(heap.notes[0].message).toContain('overflows 32 bits');
    const address = heap.allocateArray(4, 8, 0x10000);
    expect(heap.sizeOf(address)).toBe(32);
  });

  it('names double frees and invalid frees with the sites involved', () => {
    const heap = make({ resolveSite: (pc) => ({ file: 'prog.s', line: pc >>> 2 }) });
    const block = heap.allocate(20, 28);
    expect(heap.free(0, 4)).toBeNull();
    expect(heap.free(block + 8, 40)).toMatchObject({ kind: 'invalid-free', reason: 'inside-live-block', offset: 8 });
    expect(heap.free(0x7fff0000, 44)).toMatchObject({ kind: 'invalid-free', reason: 'outside-heap' });
    expect(heap.free(BASE + 2048, 44)).toMatchObject({ kind: 'invalid-free', reason: 'unallocated-heap' });
    expect(heap.free(block, 48)).toBeNull();
    const double = heap.free(block, 56);
    expect(double).toMatchObject({ kind: 'double-free', reason: 'already-freed', site: { pc: 56, line: { file: 'prog.s', line: 14 } } });
    expect(double?.message).toBe('free(0x00100000): double free: this 32-byte block was already freed at prog.s:12, allocated at prog.s:7');
    expect(heap.free(block + 4, 60)).toMatchObject({ kind: 'invalid-free', reason: 'inside-freed-block', offset: 4 });
  });

  it('classifies addresses: live, slack, freed (with sites), unallocated, outside', () => {
    const heap = make({ resolveSite: (pc) => ({ file: 'p.s', line: pc }) });
    const a = heap.allocate(20, 7, [100, 200]);
    const b = heap.allocate(16, 8);
    expect(heap.locate(a + 19)).toBe(LOCATION_LIVE);
    expect(heap.lastLocation).toEqual({ leaf: 0, order: 1, offset: 19 });
    expect(heap.locate(a + 20)).toBe(LOCATION_SLACK);
    expect(heap.locate(BASE - 1)).toBe(LOCATION_OUTSIDE);
    expect(heap.locate(BASE + 4096)).toBe(LOCATION_OUTSIDE);
    expect(heap.locate(BASE + 1024)).toBe(LOCATION_UNALLOCATED);
    heap.free(a, 12, [300]);
    expect(heap.locate(a + 16)).toBe(LOCATION_FREED);
    const facts = heap.classify(a + 16);
    expect(facts).toMatchObject({ kind: 'freed', offset: 16, quarantined: false, block: { requested: 20, size: 32, sequence: 1 } });
    if (facts.kind === 'freed') {
      expect(facts.block.allocated).toEqual({ pc: 7, line: { file: 'p.s', line: 7 }, callStack: [100, 200] });
      expect(facts.block.freed).toEqual({ pc: 12, line: { file: 'p.s', line: 12 }, callStack: [300] });
    }
    expect(heap.classify(b)).toMatchObject({ kind: 'live', offset: 0, block: { address: b, requested: 16 } });
  });

  it('checks whole accesses against the requested size', () => {
    const heap = make();
    const a = heap.allocate(18, 1);
    expect(heap.checkAccess(a, 4)).toBe(LOCATION_LIVE);
    expect(heap.checkAccess(a + 14, 4)).toBe(LOCATION_LIVE);
    expect(heap.checkAccess(a + 16, 4)).toBe(LOCATION_SLACK);
    expect(heap.lastLocation).toEqual({ leaf: 0, order: 1, offset: 16 });
    expect(heap.checkAccess(a + 18, 1)).toBe(LOCATION_SLACK);
    expect(heap.checkAccess(a - 4, 4)).toBe(LOCATION_OUTSIDE);
    expect(heap.checkAccess(a + 64, 4)).toBe(LOCATION_UNALLOCATED);
    heap.free(a, 2);
    expect(heap.checkAccess(a + 8, 4)).toBe(LOCATION_FREED);
  });

  it('keeps freed blocks out of reuse while quarantined, then releases them', () => {
    const heap = make({ quarantine: 2 });
    const a = heap.allocate(16, 0);
    heap.free(a, 0);
    const b = heap.allocate(16, 0);
    expect(b).not.toBe(a);
    expect(heap.classify(a)).toMatchObject({ kind: 'freed', quarantined: true });
    expect(heapNodes(heap).find((node) => node.address === a && node.order === 0)?.state).toBe('quarantined');
    heap.free(b, 0);
    const c = heap.allocate(16, 0);
    heap.free(c, 0);
    expect(heap.quarantineCount).toBe(2);
    expect(heapStatistics(heap).quarantinedBytes).toBe(32);
    expect(checkInvariants(heap)).toBeNull();
    // Exhaustion flushes the quarantine before giving up.
    expect(heap.allocate(4096, 0)).toBe(BASE);
    expect(heap.quarantineCount).toBe(0);
  });

  it('logs alloc, split, free and merge events with steps, bounded', () => {
    let step = 100;
    const heap = make({ eventCapacity: 4, step: () => step });
    const a = heap.allocate(2048, 0x10);
    step = 101;
    heap.free(a, 0x14);
    const events = heap.events.entries();
    expect(events.map((event) => [event.kind, event.step, event.order])).toEqual([
      ['split', 100, 8],
      ['alloc', 100, 7],
      ['free', 101, 7],
      ['merge', 101, 8],
    ]);
    heap.allocate(16, 0);
    expect(heap.events.length).toBe(4);
    expect(heap.events.total).toBe(13);
  });
});

describe('BuddyHeap realloc', () => {
  it('follows glibc for NULL and 0', () => {
    const heap = make();
    const fresh = heap.resize(0, 24, 0);
    expect(fresh).toEqual({ kind: 'allocated', address: BASE });
    expect(heap.resize(BASE, 0, 0)).toEqual({ kind: 'freed', address: 0 });
    expect(heap.sizeOf(BASE)).toBe(-1);
    expect(heap.resize(BASE, 8, 0)).toMatchObject({ kind: 'invalid', problem: { kind: 'double-free' } });
    expect(heap.resize(BASE + 8, 8, 0)).toMatchObject({ kind: 'invalid', problem: { message: expect.stringContaining('realloc(0x00100008)') } });
  });

  it('shrinks in place, grows into free buddies, and otherwise moves', () => {
    const heap = make();
    const a = heap.allocate(100, 0);
    expect(heap.resize(a, 10, 0)).toEqual({ kind: 'in-place', address: a });
    expect(heap.blockSizeOf(a)).toBe(16);
    expect(checkInvariants(heap)).toBeNull();
    expect(heap.resize(a, 120, 0)).toEqual({ kind: 'in-place', address: a });
    expect(heap.blockSizeOf(a)).toBe(128);
    const b = heap.allocate(128, 0);
    expect(b).toBe(a + 128);
    expect(heap.resize(a, 129, 0)).toEqual({ kind: 'moved', address: a + 256, from: a, copyLength: 120 });
    expect(checkInvariants(heap)).toBeNull();
    expect(heap.resize(b, 4096, 0)).toEqual({ kind: 'failed', address: 0 });
    expect(heap.sizeOf(b)).toBe(128);
  });
});

describe('BuddyHeap with hostile arguments', () => {
  it('never throws and stays consistent', () => {
    const heap = make({ quarantine: 3 });
    const values = [NaN, -1, -16, 0, 1, 7, 8, 0.5, 1e20, -1e20, Infinity, -Infinity, 0xffffffff, 0x100000000, BASE, BASE + 8, BASE + 16, BASE + 4095, BASE + 4096];
    let state = 7;
    const pick = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return values[state % values.length];
    };
    for (let round = 0; round < 5000; round++) {
      switch (round % 6) {
        case 0:
          heap.allocate(pick(), pick());
          break;
        case 1:
          heap.allocateArray(pick(), pick(), pick());
          break;
        case 2:
          heap.free(pick(), pick());
          break;
        case 3:
          heap.resize(pick(), pick(), pick());
          break;
        case 4:
          heap.classify(pick());
          heap.locate(pick());
          break;
        default:
          heap.release(pick(), pick());
      }
      expect(checkInvariants(heap)).toBeNull();
    }
    expect(BuddyHeap.create(null as unknown as BuddyHeapOptions)).toEqual({ ok: false, error: 'the heap options must be an object' });
    expect(BuddyHeap.create({ base: BASE, step: 5 as unknown as () => number }).ok).toBe(false);
  });
});
