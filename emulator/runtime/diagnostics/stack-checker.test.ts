import { describe, expect, it } from 'vitest';
import { BuddyHeap } from '../heap/buddy.js';
import { DiagnosticCollector, formatDiagnostic, parseKindList } from './collector.js';
import { reportLeaks } from './leak-report.js';
import { RunChecker } from './run-checker.js';
import { StackChecker } from './stack-checker.js';
import type { SourceResolver } from './types.js';

const resolve: SourceResolver = (pc) => (pc >= 0x10000 && pc < 0x11000 ? { file: 'prog.s', line: ((pc - 0x10000) >> 2) + 1 } : null);
const at = (line: number): number => 0x10000 + 4 * (line - 1);

function registers(sp: number, r4 = 4): Int32Array {
  const values = new Int32Array(16);
  for (let index = 4; index <= 11; index++) values[index] = index;
  values[4] = r4;
  values[13] = sp;
  return values;
}

describe('StackChecker', () => {
  it('is silent for a call that keeps the rules', () => {
    const collector = new DiagnosticCollector();
    const checker = new StackChecker(collector, resolve);
    checker.call(at(3), registers(0xbefff000));
    checker.call(at(20), registers(0xbeffeff0));
    checker.return(at(25), registers(0xbeffeff0));
    checker.return(at(9), registers(0xbefff000));
    expect(collector.diagnostics).toEqual([]);
    expect(checker.depth).toBe(0);
  });

  it('reports sp not 8-byte aligned at the call', () => {
    const collector = new DiagnosticCollector();
    const checker = new StackChecker(collector, resolve);
    checker.call(at(12), registers(0xbefffffc));
    expect(collector.diagnostics).toHaveLength(1);
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'sp-misaligned', line: 12, address: 0xbefffffc });
    expect(formatDiagnostic(collector.diagnostics[0])).toMatch(/^prog\.s:12: error: sp misaligned at a call: sp is 0xbefffffc/);
  });

  it('says how far the calling function moved sp since its entry, and from where it was called', () => {
    const collector = new DiagnosticCollector();
    const checker = new StackChecker(collector, resolve);
    checker.call(at(9), registers(0xbefff000));
    checker.call(at(16), registers(0xbefff000 - 12));
    expect(collector.diagnostics[0]).toMatchObject({ kind: 'sp-misaligned', line: 16, related: [{ role: 'called', line: 9 }] });
    expect(collector.diagnostics[0].message).toContain('this function has moved sp 12 bytes down since it was entered (called at prog.s:9): push an even number of registers');
  });

  it('reports a clobbered r4 and a stack imbalance at the returning instruction', () => {
    const collector = new DiagnosticCollector();
    const checker = new StackChecker(collector, resolve);
    checker.call(at(5), registers(0xbefff000));
    checker.return(at(30), registers(0xbeffeff8, 99));
    expect(collector.diagnostics.map((d) => [d.kind, d.line])).toEqual([
      ['callee-saved-clobbered', 30],
      ['stack-imbalance', 30],
    ]);
    expect(collector.diagnostics[0].message).toContain('the function called at prog.s:5 returns with r4 (0x00000004 at the call, 0x00000063 now)');
    expect(collector.diagnostics[1].message).toContain('8 bytes below its value at the call');
    expect(collector.diagnostics[0].related).toEqual([{ role: 'called', pc: at(5), file: 'prog.s', line: 5 }]);
  });

  it('skips the judgement of an unchecked frame and honours switches', () => {
    const collector = new DiagnosticCollector({ disabled: ['stack-imbalance'] });
    const checker = new StackChecker(collector, resolve);
    checker.call(at(1), registers(0xbefff000), false);
    checker.return(at(2), registers(0xbefff008, 7));
    checker.call(at(3), registers(0xbefff000));
    checker.return(at(4), registers(0xbefff008));
    expect(collector.diagnostics).toEqual([]);
  });

  it('counts calls deeper than its capacity without failing', () => {
    const collector = new DiagnosticCollector();
    const checker = new StackChecker(collector, resolve, () => 0, 4);
    for (let depth = 0; depth < 10; depth++) checker.call(at(1), registers(0xbefff000 - 8 * depth));
    for (let depth = 9; depth >= 0; depth--) checker.return(at(2), registers(0xbefff000 - 8 * depth));
    expect(collector.diagnostics).toEqual([]);
  });
});

describe('leaks at exit', () => {
  function heapWithList(): { heap: BuddyHeap; memory: Map<number, number>; head: number; nodes: number[] } {
    const created = BuddyHeap.create({ base: 0x21000, size: 4096, resolveSite: (site) => resolve(site - 4) });
    if (!created.ok) throw new Error(created.error);
    const heap = created.heap;
    const memory = new Map<number, number>();
    const nodes = [heap.allocate(8, at(7) + 4), heap.allocate(8, at(7) + 4), heap.allocate(8, at(7) + 4)];
    memory.set(nodes[0] + 4, nodes[1]);
    memory.set(nodes[1] + 4, nodes[2]);
    return { heap, memory, head: nodes[0], nodes };
  }

  it('reports one leak per lost block at the allocating line; reachable blocks only when asked', () => {
    const { heap, memory, nodes } = heapWithList();
    const kept = heap.allocate(20, at(9) + 4);
    const collector = new DiagnosticCollector();
    const summary = reportLeaks(heap, collector, resolve, [kept], (address) => memory.get(address) ?? 0);
    expect(collector.diagnostics.map((d) => [d.kind, d.line, d.leakKind, d.address])).toEqual([
      ['leak', 7, 'definitely-lost', nodes[0]],
      ['leak', 7, 'indirectly-lost', nodes[1]],
      ['leak', 7, 'indirectly-lost', nodes[2]],
    ]);
    expect(summary.blocks['still-reachable']).toBe(1);
    expect(collector.diagnostics[0].message).toContain('nothing points to it any more (definitely lost)');
    const withReachable = new DiagnosticCollector();
    reportLeaks(heap, withReachable, resolve, [kept], (address) => memory.get(address) ?? 0, { reportReachable: true });
    expect(withReachable.diagnostics.find((d) => d.leakKind === 'still-reachable')).toMatchObject({ severity: 'note', line: 9 });
  });

  it('says nothing when every block was freed or leaks are switched off', () => {
    const { heap, memory } = heapWithList();
    const off = new DiagnosticCollector({ disabled: ['leak'] });
    reportLeaks(heap, off, resolve, [], (address) => memory.get(address) ?? 0);
    expect(off.diagnostics).toEqual([]);
  });
});

describe('RunChecker and the switches', () => {
  it('parses --no-check lists and refuses unknown kinds in plain words', () => {
    expect(parseKindList('leak, stack-imbalance')).toEqual({ ok: true, kinds: ['leak', 'stack-imbalance'] });
    expect(parseKindList('warnings')).toMatchObject({ ok: true, kinds: ['uninitialized-read', 'misaligned-access', 'write-to-text'] });
    expect(parseKindList('leaks')).toMatchObject({ ok: false, error: expect.stringContaining("unknown check: 'leaks' is not a check Sherwood knows; did you mean 'leak'?") });
    expect(parseKindList('')).toMatchObject({ ok: false });
  });

  it('defers a flagged access until the CPU names the instruction; misaligned words are warnings unless switched off', () => {
    const created = BuddyHeap.create({ base: 0x21000, size: 4096 });
    if (!created.ok) throw new Error(created.error);
    const checker = new RunChecker({ heap: created.heap, resolve, disabled: ['misaligned-access'] });
    expect(checker.checkAccess(0x21001, 4, false)).toBe(true); // heap memory no block holds
    expect(checker.hasPending).toBe(true);
    expect(checker.reportPending(at(4))).toBe(true);
    expect(checker.diagnostics.map((d) => [d.kind, d.line])).toEqual([['heap-overflow', 4]]);
    expect(checker.checkAccess(0x20001, 4, false)).toBe(false);
    const strict = new RunChecker({ resolve });
    expect(strict.checkAccess(0x20001, 4, true)).toBe(true);
    strict.reportPending(at(6));
    expect(strict.diagnostics[0]).toMatchObject({ kind: 'misaligned-access', severity: 'warning', line: 6 });
  });

  it('keeps at most `limit` diagnostics and counts the rest', () => {
    const collector = new DiagnosticCollector({ limit: 2 });
    const checker = new StackChecker(collector, resolve);
    for (let line = 1; line <= 5; line++) checker.call(at(line), registers(0xbefffff4));
    expect(collector.diagnostics).toHaveLength(2);
    expect(collector.dropped).toBe(3);
  });
});
