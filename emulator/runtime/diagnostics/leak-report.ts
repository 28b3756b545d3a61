/**
 * Leaks at exit: every block still allocated is classified as memcheck does
 * (heap/leaks.ts findLeaks: definitely, indirectly or possibly lost, or still
 * reachable from registers, the stack or data) and reported as one `leak` per
 * block at the line of the call that allocated it. Lost blocks are errors;
 * still-reachable ones are notes, and only when asked for (a program may keep
 * a block until exit on purpose, and memcheck does not call that an error).
 */
import type { BuddyHeap } from '../heap/buddy.js';
import { findLeaks, type WordReader } from '../heap/leaks.js';
import type { LeakEntry, LeakKind } from '../heap/types.js';
import { hex } from '../heap/facts.js';
import { siteOf } from './sites.js';
import { KIND_LEAK, type DiagnosticSink, type SourceResolver } from './types.js';

export interface LeakReportOptions {
  /** Also report blocks still reachable at exit (as notes). */
  reportReachable?: boolean;
  /** The step the program ended at. */
  step?: number;
}

const EXPLANATIONS: Record<LeakKind, string> = {
  'definitely-lost': 'nothing points to it any more (definitely lost)',
  'indirectly-lost': 'only other lost blocks point to it (indirectly lost)',
  'possibly-lost': 'only pointers into its middle are left (possibly lost)',
  'still-reachable': 'it is still reachable from registers, the stack or data (still reachable)',
};

export interface LeakSummary {
  /** Blocks and bytes (requested) per kind. */
  blocks: Record<LeakKind, number>;
  bytes: Record<LeakKind, number>;
}

/**
 * Scans for leaks and reports them. `roots` are the words a program can still reach without the
 * heap (registers, stack from sp up, data and bss); `readWord` reads guest words without checks.
 */
export function reportLeaks(
  heap: BuddyHeap,
  sink: DiagnosticSink,
  resolve: SourceResolver,
  roots: ArrayLike<number>,
  readWord: WordReader,
  options: LeakReportOptions = {},
): LeakSummary {
  const summary: LeakSummary = {
    blocks: { 'definitely-lost': 0, 'indirectly-lost': 0, 'possibly-lost': 0, 'still-reachable': 0 },
    bytes: { 'definitely-lost': 0, 'indirectly-lost': 0, 'possibly-lost': 0, 'still-reachable': 0 },
  };
  if (heap.liveBlocks === 0) return summary;
  const entries: LeakEntry[] = findLeaks(heap, roots, readWord);
  const report = sink.enabled(KIND_LEAK);
  for (const entry of entries) {
    summary.blocks[entry.kind]++;
    summary.bytes[entry.kind] += entry.block.requested;
    if (!report) continue;
    const reachable = entry.kind === 'still-reachable';
    if (reachable && !options.reportReachable) continue;
    const block = entry.block;
    const pc = block.allocated.pc === 0 ? 0 : (block.allocated.pc - 4) >>> 0;
    const line = block.allocated.line ?? (pc === 0 ? null : resolve(pc));
    sink.report(
      {
        kind: 'leak',
        severity: reachable ? 'note' : 'error',
        ...siteOf(pc, line),
        address: block.address,
        step: options.step ?? 0,
        message: `memory leak: the ${block.requested}-byte block at ${hex(block.address)} allocated here is never freed, and ${EXPLANATIONS[entry.kind]}`,
        related: [{ role: 'allocated', pc, file: line?.file ?? null, line: line?.line ?? null }],
        leakKind: entry.kind,
        block: { address: block.address, size: block.size, requested: block.requested },
      },
      `${block.address}|${block.sequence}`,
    );
  }
  return summary;
}
