import { describe, expect, it } from 'vitest';
import { BuddyHeap } from '../heap/buddy.js';
import { TestMachine, HEAP_BASE, HEAP_LIMIT } from '../libc/test-machine.js';
import { DiagnosticCollector } from './collector.js';
import { HeapChecker } from './heap-checker.js';
import type { SourceResolver } from './types.js';

/** Instruction addresses 0x10000 + 4 (line - 1) are line `line` of prog.s. */
const resolve: SourceResolver = (pc) => (pc >= 0x10000 && pc < 0x11000 ? { file: 'prog.s', line: ((pc - 0x10000) >> 2) + 1 } : null);
const at = (line: number): number => 0x10000 + 4 * (line - 1);
/** The return address of a `bl` on `line`. */
const after = (line: number): number => at(line) + 4;

function setup(disabled: ConstructorParameters<typeof DiagnosticCollector>[0] = {}) {
  const created = BuddyHeap.create({ base: 0x21000, size: 4096, resolveSite: (site) => resolve(site - 4) });
  if (!created.ok) throw new Error(created.error);
  const heap = created.heap;
  const collector = new DiagnosticCollector(disabled);
  const checker = new HeapChecker(heap, collector, resolve);
  return { heap, collector, checker };
}

describe('HeapChecker', () => {
  it('reports a use after free with the free and allocation sites, in compiler style', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(32, after(7));
    checker.allocated(block, false);
    expect(checker.access(block + 16, 4, true)).toBe(false);
    heap.free(block, after(12));
    expect(checker.access(block + 16, 4, false)).toBe(true);
    expect(checker.reportPending(at(14))).toBe(true);
    expect(collector.diagnostics).toHaveLength(1);
    const [diagnostic] = collector.diagnostics;
    expect(diagnostic).toMatchObject({ kind: 'use-after-free', severity: 'error', file: 'prog.s', line: 14, address: 0x21010 });
    expect(diagnostic.message).toBe('use after free: 4-byte read at 0x00021010, 16 bytes into a 32-byte block freed at prog.s:12, allocated at prog.s:7');
    expect(diagnostic.related).toEqual([
      { role: 'freed', pc: at(12), file: 'prog.s', line: 12 },
      { role: 'allocated', pc: at(7), file: 'prog.s', line: 7 },
    ]);
  });

  it('reports each event once: the same instruction on the same block repeats silently', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(8, after(3));
    heap.free(block, after(4));
    for (let round = 0; round < 5; round++) {
      checker.access(block, 4, false);
      checker.reportPending(at(9));
    }
    expect(collector.diagnostics).toHaveLength(1);
  });

  it('finds an off-by-one write past the requested size even inside the buddy block', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(10, after(5));
    checker.allocated(block, false);
    expect(checker.access(block + 9, 1, true)).toBe(false);
    expect(checker.access(block + 10, 1, true)).toBe(true);
    checker.reportPending(at(8));
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'heap-overflow', line: 8 });
    expect(collector.diagnostics[0].message).toBe('heap overflow: 1-byte write at 0x0002100a, 0 bytes past the end of a 10-byte block allocated at prog.s:5');
    // A word read that starts inside and runs past the end.
    expect(checker.access(block + 8, 4, false)).toBe(true);
    checker.reportPending(at(9));
    expect(collector.diagnostics[1].message).toContain('runs 2 bytes past the end of a 10-byte block (it starts 8 bytes into it)');
  });

  it('names the block an overflow ran out of when it lands in free heap memory', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(16, after(2));
    expect(checker.access(block + 20, 4, false)).toBe(true);
    checker.reportPending(at(3));
    expect(collector.diagnostics[0].message).toBe('heap overflow: 4-byte read at 0x00021014, 4 bytes past the end of a 16-byte block allocated at prog.s:2');
  });

  it('warns about reads of heap bytes never written; calloc memory and written bytes are fine', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(16, after(2));
    checker.allocated(block, false);
    checker.access(block, 4, true);
    expect(checker.access(block, 4, false)).toBe(false);
    expect(checker.access(block + 2, 4, false)).toBe(true);
    checker.reportPending(at(6));
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'uninitialized-read', severity: 'warning', line: 6 });
    const zeroed = heap.allocateArray(4, 4, after(7));
    checker.allocated(zeroed, true);
    expect(checker.access(zeroed + 12, 4, false)).toBe(false);
  });

  it('keeps the written bytes across a realloc move and forgets them on a new malloc', () => {
    const { heap, checker } = setup();
    const block = heap.allocate(8, after(2));
    checker.allocated(block, false);
    checker.access(block, 4, true);
    heap.allocate(8, after(2)); // the buddy is taken: the block cannot grow in place
    const outcome = heap.resize(block, 200, after(3));
    expect(outcome.kind).toBe('moved');
    if (outcome.kind !== 'moved') return;
    checker.moved(outcome.from, outcome.address, outcome.copyLength);
    expect(checker.access(outcome.address, 4, false)).toBe(false);
    expect(checker.access(outcome.address + 4, 4, false)).toBe(true);
    checker.clearPending();
    heap.free(outcome.address, after(4));
    const again = heap.allocate(200, after(5));
    checker.allocated(again, false);
    expect(again).toBe(outcome.address);
    expect(checker.access(again, 4, false)).toBe(true);
  });

  it('honours switches: with use-after-free off the access passes', () => {
    const { heap, collector, checker } = setup({ disabled: ['use-after-free'] });
    const block = heap.allocate(8, after(1));
    heap.free(block, after(2));
    expect(checker.access(block, 4, false)).toBe(false);
    expect(collector.diagnostics).toEqual([]);
  });

  it('reports a C function’s accesses at its call when it returns, as one access per run, naming it', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(8, after(1));
    heap.free(block, after(2));
    checker.callSite = at(5);
    checker.caller = 'puts()';
    for (let offset = 0; offset < 6; offset++) expect(checker.access(block + offset, 1, false)).toBe(false);
    expect(collector.diagnostics).toEqual([]);
    checker.callSite = -1;
    expect(collector.diagnostics).toHaveLength(1);
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'use-after-free', line: 5, address: block });
    expect(collector.diagnostics[0].message).toBe('use after free: 6-byte read by puts() at 0x00021000, 0 bytes into an 8-byte block freed at prog.s:2, allocated at prog.s:1');
    expect(checker.caller).toBe('');
  });

  it('does not check the library’s own accesses', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(8, after(1));
    heap.free(block, after(2));
    checker.beginInternal();
    expect(checker.access(block, 4, false)).toBe(false);
    checker.endInternal();
    expect(collector.diagnostics).toEqual([]);
  });
});

describe('the C library with a heap checker', () => {
  function machine() {
    const test = new TestMachine();
    const created = BuddyHeap.create({ base: HEAP_BASE, size: HEAP_LIMIT - HEAP_BASE, resolveSite: (site) => ({ file: 'prog.s', line: site }) });
    if (!created.ok) throw new Error(created.error);
    test.context.heap = created.heap;
    const collector = new DiagnosticCollector();
    const checker = new HeapChecker(created.heap, collector, () => null);
    test.context.heapMonitor = checker;
    return { test, heap: created.heap, collector, checker };
  }

  it('reports a double free and goes on instead of aborting', () => {
    const { test, collector } = machine();
    test.call('malloc', 8);
    const block = test.registers[0];
    expect(test.call('free', block)).toEqual({ kind: 'return' });
    expect(test.call('free', block)).toEqual({ kind: 'return' });
    expect(collector.diagnostics).toHaveLength(1);
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'double-free', address: block });
    expect(collector.diagnostics[0].message).toMatch(/^double free: free\(0x[0-9a-f]{8}\): this 16-byte block was already freed at prog\.s:/);
    expect(collector.diagnostics[0].related.map((site) => site.role)).toEqual(['freed', 'allocated']);
  });

  it('reports an interior-pointer free and a free of a data address as invalid frees', () => {
    const { test, collector } = machine();
    test.call('malloc', 32);
    const block = test.registers[0];
    test.call('free', block + 8);
    test.call('free', 0x20010);
    expect(collector.diagnostics.map((d) => [d.kind, d.address])).toEqual([
      ['invalid-free', block + 8],
      ['invalid-free', 0x20010],
    ]);
    expect(collector.diagnostics[0].message).toContain('8 bytes into the block');
  });

  it('realloc of a freed block is reported and returns NULL', () => {
    const { test, collector } = machine();
    test.call('malloc', 8);
    const block = test.registers[0];
    test.call('free', block);
    expect(test.call('realloc', block, 64)).toEqual({ kind: 'return' });
    expect(test.registers[0]).toBe(0);
    expect(collector.diagnostics[0].kind).toBe('double-free');
  });

  it('realloc copies through the released block without a use-after-free and keeps the written bytes', () => {
    const { test, checker, collector } = machine();
    test.call('malloc', 8);
    const block = test.registers[0];
    test.call('malloc', 8); // the buddy is taken: realloc must move
    test.memory.load(block, 'abcdefg');
    checker.access(block, 4, true);
    checker.access(block + 4, 4, true);
    test.call('realloc', block, 100);
    const moved = test.registers[0];
    expect(moved).not.toBe(block);
    expect(test.memory.readByte(moved + 2)).toBe(0x63);
    expect(checker.access(moved, 8, false)).toBe(false);
    expect(collector.diagnostics).toEqual([]);
  });
});

describe('copies through memcpy and memmove', () => {
  it('do not count as reads of unwritten bytes, and carry the written bits to the destination', () => {
    const { heap, collector, checker } = setup();
    const source = heap.allocate(16, after(1));
    const target = heap.allocate(16, after(2));
    checker.allocated(source, false);
    checker.allocated(target, false);
    checker.access(source, 4, true); // only the first word is written
    checker.beginCopy();
    // the library's byte copy, as the memory bus reports it
    for (let index = 0; index < 16; index++) {
      expect(checker.access(source + index, 1, false)).toBe(false);
      expect(checker.access(target + index, 1, true)).toBe(false);
    }
    checker.endCopy(source, target, 16);
    expect(collector.diagnostics).toEqual([]);
    expect(checker.access(target, 4, false)).toBe(false);
    expect(checker.access(target + 4, 4, false)).toBe(true); // never written at the source: still unwritten here
    checker.reportPending(at(3));
    expect(collector.diagnostics.map((d) => d.kind)).toEqual(['uninitialized-read']);
    // Overflows are still found while copying.
    checker.callSite = at(4);
    checker.beginCopy();
    checker.access(target + 16, 1, true);
    checker.endCopy(source, target + 8, 0x7fffffff); // a huge count is clamped, never an exception
    expect(collector.diagnostics.map((d) => [d.kind, d.line])).toEqual([
      ['uninitialized-read', 3],
      ['heap-overflow', 4],
    ]);
  });
});
