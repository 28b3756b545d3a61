import { describe, expect, it } from 'vitest';
import { BuddyHeap } from '../heap/buddy.js';
import { DiagnosticCollector } from './collector.js';
import { HeapChecker } from './heap-checker.js';
import type { SourceResolver } from './types.js';

/** Instruction addresses 0x10000 + 4 (line - 1) are line `line` of prog.s. */
const resolve: SourceResolver = (pc) => (pc >= 0x10000 && pc < 0x11000 ? { file: 'prog.s', line: ((pc - 0x10000) >> 2) + 1 } : null);
const at = (line: number): number => 0x10000 + 4 * (line - 1);
const after = (line: number): number => at(line) + 4;

/** Two 16-byte blocks side by side (no slack between them), both written. */
function neighbours() {
  const created = BuddyHeap.create({ base: 0x21000, size: 4096, resolveSite: (site) => resolve(site - 4) });
  if (!created.ok) throw new Error(created.error);
  const heap = created.heap;
  const collector = new DiagnosticCollector();
  const checker = new HeapChecker(heap, collector, resolve);
  const first = heap.allocate(16, after(7));
  const second = heap.allocate(16, after(9));
  expect(second).toBe(first + 16);
  for (const block of [first, second]) {
    checker.allocated(block, false);
    checker.access(block, 16, true, block, 4);
  }
  return { heap, collector, checker, first, second };
}

describe('HeapChecker: where the address came from (the base register)', () => {
  it('reports a store through a pointer into one block that lands in the next one', () => {
    const { collector, checker, first, second } = neighbours();
    expect(checker.access(second, 1, true, first, 0)).toBe(true);
    checker.reportPending(at(12));
    expect(collector.diagnostics).toHaveLength(1);
    const [diagnostic] = collector.diagnostics;
    expect(diagnostic).toMatchObject({ kind: 'heap-overflow', line: 12, address: second, block: { address: first, size: 16, requested: 16 } });
    expect(diagnostic.message).toBe(
      'heap overflow: 1-byte write at 0x00021010, 0 bytes past the end of the 16-byte block at 0x00021000 allocated at prog.s:7; the address comes from r0 = 0x00021000 + 16, into the 16-byte block at 0x00021010 allocated at prog.s:9',
    );
    expect(diagnostic.related).toEqual([{ role: 'allocated', pc: at(7), file: 'prog.s', line: 7 }]);
  });

  it('reports an access below a block through a pointer from inside it', () => {
    const { collector, checker, first, second } = neighbours();
    expect(checker.access(second - 4, 4, false, second + 4, 6)).toBe(true);
    checker.reportPending(at(14));
    expect(collector.diagnostics[0].message).toBe(
      'heap overflow: 4-byte read at 0x0002100c, 4 bytes before the start of the 16-byte block at 0x00021010 allocated at prog.s:9; the address comes from r6 = 0x00021014 - 8, into the 16-byte block at 0x00021000 allocated at prog.s:7',
    );
    expect(first).toBe(0x21000);
  });

  it('stays silent for a pointer one past the end walking down, a base in the same block, and no base', () => {
    const { collector, checker, first, second } = neighbours();
    // strb r2, [r1, #-1]! with r1 = first + 16 (= second): the store is into the first block.
    expect(checker.access(second - 1, 1, true, second, 1)).toBe(false);
    expect(checker.access(first + 12, 4, false, first, 4)).toBe(false);
    expect(checker.access(first + 12, 4, false, first + 15, 4)).toBe(false);
    // A base outside the heap (an index register, or the runtime's accesses).
    expect(checker.access(second, 4, false, 12, 3)).toBe(false);
    expect(checker.access(second, 4, false)).toBe(false);
    expect(collector.diagnostics).toEqual([]);
  });

  it('reports a base at a block start reaching above the block, and each site once', () => {
    const { collector, checker, first, second } = neighbours();
    for (let round = 0; round < 3; round++) {
      expect(checker.access(second + 4, 4, false, first, 2)).toBe(true);
      checker.reportPending(at(20));
    }
    expect(collector.diagnostics).toHaveLength(1);
    expect(collector.diagnostics[0].message).toContain('4 bytes past the end of the 16-byte block at 0x00021000');
  });

  it('ignores a base in a freed block, and follows the heap-overflow switch', () => {
    const { heap, collector, checker, first, second } = neighbours();
    heap.free(first, after(30));
    expect(checker.access(second, 4, false, first, 0)).toBe(false);
    expect(collector.diagnostics).toEqual([]);
    const quiet = new HeapChecker(heap, new DiagnosticCollector({ disabled: ['heap-overflow'] }), resolve);
    const third = heap.allocate(16, after(31));
    quiet.allocated(third, true);
    expect(quiet.access(second, 4, true, third, 0)).toBe(false);
  });
});
