import { describe, expect, it } from 'vitest';
import { BuddyHeap } from './buddy.js';
import { findLeaks } from './leaks.js';

const BASE = 0x00400000;

/** A heap with a little guest memory to store pointers in. */
function setup() {
  const created = BuddyHeap.create({ base: BASE, size: 4096 });
  if (!created.ok) throw new Error(created.error);
  const heap = created.heap;
  const memory = new Map<number, number>();
  const read = (address: number): number => memory.get(address) ?? 0;
  const write = (address: number, value: number): void => void memory.set(address, value);
  return { heap, read, write };
}

const kinds = (entries: ReturnType<typeof findLeaks>): Record<number, string> => Object.fromEntries(entries.map((entry) => [entry.block.address, entry.kind]));

describe('findLeaks', () => {
  it('separates a leaked list head (definitely lost) from its nodes (indirectly lost) and a rooted list (still reachable)', () => {
    const { heap, read, write } = setup();
    // A leaked list: head -> second -> third.
    const head = heap.allocate(8, 1);
    const second = heap.allocate(8, 2);
    const third = heap.allocate(8, 3);
    write(head + 4, second);
    write(second + 4, third);
    // A kept list: root -> kept -> keptNext.
    const kept = heap.allocate(8, 4);
    const keptNext = heap.allocate(8, 5);
    write(kept + 4, keptNext);
    const result = kinds(findLeaks(heap, [0, 17, kept], read));
    expect(result).toEqual({
      [head]: 'definitely-lost',
      [second]: 'indirectly-lost',
      [third]: 'indirectly-lost',
      [kept]: 'still-reachable',
      [keptNext]: 'still-reachable',
    });
  });

  it('calls a block reached only through an interior pointer possibly lost', () => {
    const { heap, read } = setup();
    const block = heap.allocate(20, 1);
    expect(kinds(findLeaks(heap, [block + 8], read))).toEqual({ [block]: 'possibly-lost' });
    // A pointer into the slack (past the requested size) does not count.
    expect(kinds(findLeaks(heap, [block + 24], read))).toEqual({ [block]: 'definitely-lost' });
  });

  it('keeps one block of an unreferenced cycle definitely lost', () => {
    const { heap, read, write } = setup();
    const a = heap.allocate(8, 1);
    const b = heap.allocate(8, 2);
    const c = heap.allocate(8, 3);
    write(a, b);
    write(b, a);
    write(c, a);
    expect(kinds(findLeaks(heap, [], read))).toEqual({ [a]: 'indirectly-lost', [b]: 'indirectly-lost', [c]: 'definitely-lost' });
    write(c, 0);
    const cycle = kinds(findLeaks(heap, [], read));
    expect([cycle[a], cycle[b]].sort()).toEqual(['definitely-lost', 'indirectly-lost']);
  });

  it('ignores freed blocks and scans only requested bytes', () => {
    const { heap, read, write } = setup();
    const a = heap.allocate(4, 1);
    const b = heap.allocate(8, 2);
    const freed = heap.allocate(8, 3);
    heap.free(freed, 4);
    write(a + 4, b); // past a's 4 requested bytes: not a pointer the program stored in the block
    expect(kinds(findLeaks(heap, [a, freed], read))).toEqual({ [a]: 'still-reachable', [b]: 'definitely-lost' });
  });
});
