import { describe, expect, it } from 'vitest';
import { BuddyHeap } from './buddy.js';
import { renderHeap } from './render.js';
import { checkInvariants } from './reference-model.js';
import { restoreHeap, saveHeap, type HeapSnapshot } from './snapshot.js';

const BASE = 0x00300000;

function sample(quarantine = 0): BuddyHeap {
  const created = BuddyHeap.create({ base: BASE, size: 8192, quarantine, resolveSite: (pc) => ({ file: 'list.s', line: pc }) });
  if (!created.ok) throw new Error(created.error);
  const heap = created.heap;
  const a = heap.allocate(40, 10, [99]);
  const b = heap.allocate(16, 11);
  heap.allocate(300, 12);
  heap.free(a, 13, [98]);
  heap.resize(b, 60, 14);
  heap.allocate(100000, 15);
  heap.free(b, 16);
  return heap;
}

const clone = (snapshot: HeapSnapshot): HeapSnapshot => JSON.parse(JSON.stringify(snapshot)) as HeapSnapshot;

describe('heap snapshots', () => {
  it('round-trips through JSON to the same state, history and next choices', () => {
    for (const quarantine of [0, 2]) {
      const heap = sample(quarantine);
      const saved = saveHeap(heap);
      const restored = restoreHeap(clone(saved), { resolveSite: (pc) => ({ file: 'list.s', line: pc }) });
      expect(restored.ok).toBe(true);
      if (!restored.ok) return;
      expect(saveHeap(restored.heap)).toEqual(saved);
      expect(renderHeap(restored.heap)).toBe(renderHeap(heap));
      expect(restored.heap.classify(BASE + 8)).toEqual(heap.classify(BASE + 8));
      expect(restored.heap.events.entries()).toEqual(heap.events.entries());
      expect(restored.heap.notes).toEqual(heap.notes);
      expect(checkInvariants(restored.heap)).toBeNull();
      for (const size of [16, 200, 1000, 16]) expect(restored.heap.allocate(size, 1)).toBe(heap.allocate(size, 1));
    }
  });

  const mutations: [string, (snapshot: HeapSnapshot) => unknown, string][] = [
    ['not an object', () => 42, 'must be an object'],
    ['null', () => null, 'must be an object'],
    ['another format', (s) => ({ ...s, format: 'other' }), 'format'],
    ['a future version', (s) => ({ ...s, version: 2 }), 'version 2 is not supported'],
    ['a bad heap size', (s) => ({ ...s, size: 5000 }), 'power of two'],
    ['a missing size', (s) => ({ ...s, size: undefined }), 'size must be a number'],
    ['overlapping blocks', (s) => ({ ...s, blocks: [...s.blocks, s.blocks[0]] }), 'overlaps another block'],
    ['a block inside another', (s) => ({ ...s, blocks: [...s.blocks, [s.blocks[0][0] + 16, 0, 16, 1, 0, null]] }), 'overlaps'],
    ['a misaligned block', (s) => ({ ...s, blocks: [[BASE + 16, 2, 60, 1, 0, null]] }), 'block boundary'],
    ['a block outside the heap', (s) => ({ ...s, blocks: [[BASE + 8192, 0, 8, 1, 0, null]] }), 'inside the heap'],
    ['a request that does not fit its order', (s) => ({ ...s, blocks: [[BASE, 3, 16, 1, 0, null]] }), 'does not take a block'],
    ['a string where a number goes', (s) => ({ ...s, blocks: [['0x300000', 0, 8, 1, 0, null]] }), 'address must be a whole number'],
    ['a short tuple', (s) => ({ ...s, blocks: [[BASE, 0]] }), 'must have 6 entries'],
    ['a bad call stack', (s) => ({ ...s, blocks: [[BASE, 0, 8, 1, 0, [-1]]] }), 'call stack'],
    ['a free list missing a block', (s) => ({ ...s, freeLists: s.freeLists.map((list) => list.slice(1)) }), 'the free lists name'],
    ['a free list naming a live block', (s) => ({ ...s, freeLists: s.freeLists.map((list, order) => (order === s.blocks[0][1] ? [...list, s.blocks[0][0]] : list)) }), 'not a free block'],
    ['a free block named twice', (s) => ({ ...s, freeLists: s.freeLists.map((list) => (list.length ? [...list, list[0]] : list)) }), 'named twice'],
    ['too few free lists', (s) => ({ ...s, freeLists: s.freeLists.slice(1) }), 'one list per order'],
    ['a repeated freed record', (s) => ({ ...s, freed: [...s.freed, s.freed[0]] }), 'repeats the address'],
    ['a peak below current use', (s) => ({ ...s, counters: { ...s.counters, peakBytesInBlocks: 0 } }), 'peak'],
    ['a sequence past the counter', (s) => ({ ...s, counters: { ...s.counters, allocations: 0 } }), 'sequence'],
    ['an unknown event kind', (s) => ({ ...s, events: [[9, 0, 0, 0, 0, 0]] }), 'event 1 is malformed'],
    ['a note without text', (s) => ({ ...s, notes: [[0, 0, 5]] }), 'note 1 is malformed'],
    ['missing counters', (s) => ({ ...s, counters: undefined }), 'counters'],
    ['quarantine overflow', (s) => ({ ...s, quarantined: [[BASE, 0]] }), 'do not fit a quarantine of 0'],
  ];

  it.each(mutations)('rejects %s with a reason', (_name, mutate, reason) => {
    const restored = restoreHeap(mutate(clone(saveHeap(sample()))));
    expect(restored.ok).toBe(false);
    if (!restored.ok) {
      expect(restored.error).toContain(reason);
      expect(restored.error.startsWith('heap snapshot: ')).toBe(true);
    }
  });

  it('never throws on randomly mutated snapshots, and whatever it accepts is consistent', () => {
    let state = 12345;
    const next = (limit: number): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % limit;
    };
    const text = JSON.stringify(saveHeap(sample(2)));
    const replacements = ['0', '-1', '1.5', '"x"', 'null', '[]', '{}', '8192', '3145728', '4294967296', 'true'];
    let accepted = 0;
    for (let round = 0; round < 2000; round++) {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?|null|\[\]/g)];
      let mutated = text;
      for (let change = 0; change < 1 + next(3); change++) {
        const match = numbers[next(numbers.length)];
        const index = match.index ?? 0;
        if (mutated.slice(index, index + match[0].length) !== match[0]) continue;
        mutated = mutated.slice(0, index) + replacements[next(replacements.length)] + mutated.slice(index + match[0].length);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(mutated);
      } catch {
        continue;
      }
      const restored = restoreHeap(parsed);
      if (restored.ok) {
        accepted++;
        expect(checkInvariants(restored.heap)).toBeNull();
        renderHeap(restored.heap);
      } else {
        expect(restored.error).toMatch(/^heap snapshot: /);
        expect(restored.error).not.toContain('unreadable');
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
