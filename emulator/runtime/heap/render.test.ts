import { describe, expect, it } from 'vitest';
import { BuddyHeap } from './buddy.js';
import { formatBytes, renderHeap } from './render.js';

function heap(options: { quarantine?: number } = {}): BuddyHeap {
  const created = BuddyHeap.create({
    base: 0x21000,
    size: 4096,
    minimumBlock: 256,
    ...options,
    resolveSite: (pc) => (pc === 0x10010 ? { file: 'prog.s', line: 7 } : pc === 0x10100 ? { file: 'prog.s', line: 30 } : pc === 0x10200 ? { file: 'main.s', line: 4 } : null),
  });
  if (!created.ok) throw new Error(created.error);
  return created.heap;
}

describe('renderHeap', () => {
  it('names the calls that led to an allocation, innermost first, up to the first without a line', () => {
    const h = heap();
    h.allocate(100, 0x10010, [0x10100, 0x10200, 0x8000, 0x10100]);
    expect(renderHeap(h, { freeLists: false, statistics: false })).toContain('#1 at prog.s:7, called from prog.s:30 <- main.s:4\n');
  });

  it('draws the tree, the free lists and the statistics', () => {
    const h = heap({ quarantine: 1 });
    h.allocate(100, 0x10010);
    h.allocate(600, 0x10020);
    h.free(h.allocate(10, 0x10030), 0x10040);
    expect(renderHeap(h)).toBe(
      [
        'Buddy heap 0x00021000..0x00022000 (4 KiB, minimum block 256 B): 2 live blocks',
        'split       0x00021000  4 KiB',
        '  split       0x00021000  2 KiB',
        '    split       0x00021000  1 KiB',
        '      split       0x00021000  512 B',
        '        allocated   0x00021000  256 B  requested 100, slack 156, #1 at prog.s:7',
        '        quarantined 0x00021100  256 B  requested 10, slack 246, #3 (freed, held in quarantine)',
        '      free        0x00021200  512 B',
        '    allocated   0x00021400  1 KiB  requested 600, slack 424, #2 at 0x00010020',
        '  free        0x00021800  2 KiB',
        'Free lists (head first):',
        '  order  1 (512 B): 0x00021200',
        '  order  3 (2 KiB): 0x00021800',
        'Requested 700 B in 2 blocks of 1280 B (internal fragmentation 580 B); free 2560 B, largest free block 2048 B (external fragmentation 20.0%); peak 1536 B; 3 allocations, 1 free, 0 failed; 256 B in quarantine',
        '',
      ].join('\n'),
    );
  });

  it('can leave out the free lists and statistics, and says when the heap is full', () => {
    const h = heap();
    expect(renderHeap(h, { statistics: false })).toBe('Buddy heap 0x00021000..0x00022000 (4 KiB, minimum block 256 B): 0 live blocks\nfree        0x00021000  4 KiB\nFree lists (head first):\n  order  4 (4 KiB): 0x00021000\n');
    h.allocate(4096, 0x10010);
    expect(renderHeap(h, { statistics: false })).toContain('(all empty: the heap is full)');
    expect(renderHeap(h, { freeLists: false, statistics: false }).split('\n')).toHaveLength(3);
  });

  it('formats sizes in whole units', () => {
    expect([16, 1000, 4096, 1536, 1 << 20, 64 << 20].map(formatBytes)).toEqual(['16 B', '1000 B', '4 KiB', '1536 B', '1 MiB', '64 MiB']);
  });
});
