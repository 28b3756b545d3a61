import { describe, expect, it } from 'vitest';
import { BuddyHeap } from '../heap/buddy.js';
import { DiagnosticCollector } from './collector.js';
import { HeapChecker } from './heap-checker.js';
import type { SourceResolver } from './types.js';

const resolve: SourceResolver = (pc) => (pc >= 0x10000 && pc < 0x11000 ? { file: 'prog.s', line: ((pc - 0x10000) >> 2) + 1 } : null);
const at = (line: number): number => 0x10000 + 4 * (line - 1);
const after = (line: number): number => at(line) + 4;

function setup() {
  const created = BuddyHeap.create({ base: 0x21000, size: 4096, resolveSite: (site) => resolve(site - 4) });
  if (!created.ok) throw new Error(created.error);
  const heap = created.heap;
  const collector = new DiagnosticCollector();
  const checker = new HeapChecker(heap, collector, resolve);
  return { heap, collector, checker };
}

/** Runs `body` as the runtime's call `name` at `line`, then ends the call. */
function during(checker: HeapChecker, line: number, name: string, body: () => void): void {
  checker.callSite = at(line);
  checker.caller = name;
  body();
  checker.callSite = -1;
}

describe('HeapChecker: what the runtime reads and writes for the program', () => {
  it('checks a system call buffer as one access, named', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(16, after(3));
    checker.allocated(block, false);
    during(checker, 5, 'write()', () => checker.checkRange(block, 16, false));
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'uninitialized-read', severity: 'warning', line: 5, address: block });
    expect(collector.diagnostics[0].message).toBe(
      'read of uninitialized heap memory: 16-byte read by write() at 0x00021000 includes bytes nothing was stored to since malloc, the first at 0x00021000, 0 bytes into a 16-byte block allocated at prog.s:3',
    );
    during(checker, 6, 'read()', () => checker.checkRange(block, 12, true));
    during(checker, 7, 'write()', () => checker.checkRange(block, 12, false));
    expect(collector.diagnostics).toHaveLength(1);
    during(checker, 8, 'write()', () => checker.checkRange(block, 20, false));
    expect(collector.diagnostics[1]).toMatchObject({ kind: 'heap-overflow', line: 8 });
    expect(collector.diagnostics[1].message).toBe('heap overflow: 20-byte read by write() at 0x00021000 runs 4 bytes past the end of a 16-byte block allocated at prog.s:3');
  });

  it('judges a range by the block it starts in: running into a live neighbour is an overflow', () => {
    const { heap, collector, checker } = setup();
    const first = heap.allocate(16, after(2));
    const second = heap.allocate(16, after(3));
    checker.allocated(first, true);
    checker.allocated(second, true);
    during(checker, 9, 'puts()', () => {
      for (let offset = 0; offset < 21; offset++) checker.access(first + offset, 1, false);
    });
    expect(collector.diagnostics.map((d) => [d.kind, d.line])).toEqual([['heap-overflow', 9]]);
    expect(collector.diagnostics[0].message).toContain('21-byte read by puts() at 0x00021000 runs 5 bytes past the end of a 16-byte block');
  });

  it('keeps two strings apart when the first ends with its NUL where the next block begins', () => {
    const { heap, collector, checker } = setup();
    const first = heap.allocate(16, after(2));
    const second = heap.allocate(16, after(3));
    checker.allocated(first, true);
    checker.allocated(second, true);
    during(checker, 9, 'printf()', () => {
      for (let offset = 0; offset < 16; offset++) checker.access(first + offset, 1, false);
      checker.endString(first + 15);
      for (let offset = 0; offset < 6; offset++) checker.access(second + offset, 1, false);
      checker.endString(second + 5);
    });
    expect(collector.diagnostics).toEqual([]);
  });

  it('reports a use after free by a C function once per call, and writes mark bytes as stored', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(8, after(1));
    checker.allocated(block, false);
    during(checker, 4, 'strcpy()', () => {
      for (let offset = 0; offset < 8; offset++) checker.access(block + offset, 1, true);
    });
    expect(checker.access(block, 4, false)).toBe(false);
    heap.free(block, after(5));
    during(checker, 6, 'strlen()', () => {
      for (let offset = 0; offset < 8; offset++) checker.access(block + offset, 1, false);
    });
    expect(collector.diagnostics).toHaveLength(1);
    expect(collector.diagnostics[0].message).toBe('use after free: 8-byte read by strlen() at 0x00021000, 0 bytes into an 8-byte block freed at prog.s:5, allocated at prog.s:1');
  });

  it('leaves the library’s own accesses, ranges outside the heap and empty ranges alone', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(8, after(1));
    heap.free(block, after(2));
    during(checker, 3, 'strcmp()', () => {
      checker.beginInternal();
      checker.access(block, 4, false);
      checker.checkRange(block, 4, false);
      checker.endInternal();
      checker.checkRange(0x10000, 64, false);
      checker.checkRange(block, 0, false);
      checker.checkRange(0xfffffff0, 0x7fffffff, true);
    });
    expect(collector.diagnostics).toEqual([]);
  });

  it('judges memcpy’s copy of never-written bytes as no problem, its overflow as one', () => {
    const { heap, collector, checker } = setup();
    const source = heap.allocate(16, after(1));
    const target = heap.allocate(8, after(2));
    checker.allocated(source, false);
    checker.allocated(target, false);
    during(checker, 3, 'memcpy()', () => {
      checker.beginCopy();
      for (let offset = 0; offset < 12; offset++) {
        checker.access(source + offset, 1, false);
        checker.access(target + offset, 1, true);
      }
      checker.endCopy(source, target, 12);
    });
    expect(collector.diagnostics.map((d) => d.kind)).toEqual(['heap-overflow']);
    expect(collector.diagnostics[0].message).toContain('12-byte write by memcpy() at');
  });

  it('checks read()’s whole buffer without counting it as written', () => {
    const { heap, collector, checker } = setup();
    const block = heap.allocate(16, after(1));
    checker.allocated(block, false);
    during(checker, 2, 'read()', () => {
      checker.checkRange(block, 16, true, false);
      checker.access(block, 1, true); // one byte of input arrived
    });
    expect(collector.diagnostics).toEqual([]);
    expect(checker.access(block, 1, false)).toBe(false);
    expect(checker.access(block + 1, 1, false)).toBe(true);
    checker.clearPending();
    during(checker, 3, 'read()', () => checker.checkRange(block, 64, true, false));
    expect(collector.diagnostics.map((d) => [d.kind, d.line])).toEqual([['heap-overflow', 3]]);
    expect(checker.access(block + 8, 1, false)).toBe(true);
  });
});
