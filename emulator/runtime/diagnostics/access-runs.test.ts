import { describe, expect, it } from 'vitest';
import { AccessRuns } from './access-runs.js';

function recorder() {
  const checked: string[] = [];
  const runs = new AccessRuns((start, length, write) => checked.push(`${write ? 'w' : 'r'} ${start.toString(16)}+${length}`));
  return { runs, checked };
}

describe('AccessRuns', () => {
  it('joins a byte-by-byte string read into one run, checked at flush', () => {
    const { runs, checked } = recorder();
    for (let offset = 0; offset < 6; offset++) runs.add(0x1000 + offset, 1, false);
    expect(runs.pending).toBe(true);
    expect(checked).toEqual([]);
    runs.flush();
    expect(checked).toEqual(['r 1000+6']);
    expect(runs.pending).toBe(false);
  });

  it('keeps reads and writes apart, takes re-reads and downward copies, and checks writes first', () => {
    const { runs, checked } = recorder();
    for (let offset = 0; offset < 4; offset++) {
      runs.add(0x2000 + offset, 1, false);
      runs.add(0x2003 - offset + 0x100, 1, true); // memmove backwards
    }
    runs.add(0x2001, 1, false); // a re-read
    runs.add(0x2002, 4, false); // a word overlapping the end
    runs.flush();
    expect(checked).toEqual(['w 2100+4', 'r 2000+6']);
  });

  it('keeps interleaved strings (strcmp) in their own runs', () => {
    const { runs, checked } = recorder();
    for (let offset = 0; offset < 3; offset++) {
      runs.add(0x3000 + offset, 1, false);
      runs.add(0x3010 + offset, 1, false);
    }
    runs.flush();
    expect(checked).toEqual(['r 3000+3', 'r 3010+3']);
  });

  it('ends a read run at a NUL: the next byte up starts another string', () => {
    const { runs, checked } = recorder();
    for (let offset = 0; offset < 16; offset++) runs.add(0x4000 + offset, 1, false);
    runs.endString(0x400f);
    runs.add(0x4003, 1, false); // still inside: absorbed
    for (let offset = 16; offset < 20; offset++) runs.add(0x4000 + offset, 1, false);
    runs.flush();
    expect(checked).toEqual(['r 4000+16', 'r 4010+4']);
  });

  it('checks the oldest run early when every slot is taken, and forgets runs on clear', () => {
    const { runs, checked } = recorder();
    for (let index = 0; index < 9; index++) runs.add(0x5000 + index * 0x100, 1, false);
    expect(checked).toEqual(['r 5000+1']);
    runs.clear();
    runs.flush();
    expect(checked).toEqual(['r 5000+1']);
  });
});
