/**
 * The heap as text, for `sherwood heap`, for class and for tests: the buddy
 * tree (one existing node per line, indented by depth), the free list of each
 * order, and the statistics.
 *
 *   Buddy heap 0x00100000..0x00101000 (4 KiB, minimum block 16 B): 1 live block
 *   split       0x00100000  4 KiB
 *     split       0x00100000  2 KiB
 *       ...
 *         allocated   0x00100000  32 B   requested 20, slack 12, #1 at prog.s:7
 *         free        0x00100020  32 B
 */
import type { BuddyHeap } from './buddy.js';
import { formatSite, hex } from './facts.js';
import { heapFreeLists, heapNodes, heapStatistics } from './inspect.js';

export interface RenderOptions {
  /** Include the free lists (default true). */
  freeLists?: boolean;
  /** Include the statistics (default true). */
  statistics?: boolean;
}

/** 16 B, 4 KiB, 1 MiB; sizes that are not whole units keep bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1 << 20 && bytes % (1 << 20) === 0) return `${bytes / (1 << 20)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

const count = (value: number, noun: string): string => `${value} ${noun}${value === 1 ? '' : 's'}`;
const percent = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

/** Shown callers of an allocation: the innermost few with a source line. */
const SHOWN_CALLERS = 3;

/** ", called from prog.s:5 <- prog.s:40": the enclosing calls' lines, innermost first (empty when none is known). */
function callers(heap: BuddyHeap, callStack: readonly number[]): string {
  const lines: string[] = [];
  for (const returnAddress of callStack) {
    const line = heap.resolveSite?.(returnAddress);
    if (!line) break;
    lines.push(`${line.file}:${line.line}`);
    if (lines.length === SHOWN_CALLERS) break;
  }
  return lines.length === 0 ? '' : `, called from ${lines.join(' <- ')}`;
}

export function renderHeap(heap: BuddyHeap, options: RenderOptions = {}): string {
  const lines: string[] = [];
  const statistics = heapStatistics(heap);
  lines.push(
    `Buddy heap ${hex(heap.base)}..${hex(heap.limit)} (${formatBytes(heap.size)}, minimum block ${formatBytes(heap.minimumBlock)}): ${count(statistics.liveBlocks, 'live block')}`,
  );
  for (const node of heapNodes(heap)) {
    let line = `${'  '.repeat(node.depth)}${node.state.padEnd(11)} ${hex(node.address)}  ${formatBytes(node.size)}`;
    const block = node.block;
    if (block) {
      const where = node.state === 'quarantined' ? ' (freed, held in quarantine)' : ` at ${formatSite(block.allocated)}${callers(heap, block.allocated.callStack)}`;
      line += `  requested ${block.requested}, slack ${block.slack}, #${block.sequence}${where}`;
    }
    lines.push(line);
  }
  if (options.freeLists ?? true) {
    lines.push('Free lists (head first):');
    let any = false;
    for (const list of heapFreeLists(heap)) {
      if (list.addresses.length === 0) continue;
      any = true;
      lines.push(`  order ${String(list.order).padStart(2)} (${formatBytes(list.size)}): ${list.addresses.map(hex).join(' ')}`);
    }
    if (!any) lines.push('  (all empty: the heap is full)');
  }
  if (options.statistics ?? true) {
    const s = statistics;
    lines.push(
      `Requested ${s.bytesRequested} B in ${count(s.liveBlocks, 'block')} of ${s.bytesInBlocks} B (internal fragmentation ${s.internalFragmentation} B); ` +
        `free ${s.totalFree} B, largest free block ${s.largestFreeBlock} B (external fragmentation ${percent(s.externalFragmentation)}); ` +
        `peak ${s.peakBytesInBlocks} B; ${count(s.allocations, 'allocation')}, ${count(s.frees, 'free')}, ${s.failedAllocations} failed` +
        (s.quarantinedBytes ? `; ${s.quarantinedBytes} B in quarantine` : ''),
    );
  }
  return lines.join('\n') + '\n';
}
