import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArrayMemory, latin1Bytes } from './memory.js';
import { strcmpArmv7 } from './strcmp-armv7.js';

interface GoldenPair {
  first: string;
  second: string;
  results: number[];
}

const golden: GoldenPair[] = JSON.parse(readFileSync(new URL('../../../tests/libc-programs/golden/strcmp.json', import.meta.url), 'utf8'));
const FIRST = 0x20000;
const SECOND = 0x20100;

describe('strcmp as glibc 2.36 on ARMv7', () => {
  it(`gives glibc's value for ${golden.length} pairs at every relative placement`, () => {
    const memory = new ArrayMemory(FIRST, 0x200);
    const failures: string[] = [];
    for (const pair of golden) {
      for (let i = 0; i < 8; i++) {
        for (let j = 0; j < 8; j++) {
          memory.bytes.fill(0x55, 0, 64);
          memory.bytes.fill(0x66, 0x100, 0x140);
          memory.load(FIRST + i, latin1Bytes(pair.first + '\0'));
          memory.load(SECOND + j, latin1Bytes(pair.second + '\0'));
          const got = strcmpArmv7(memory, FIRST + i, SECOND + j);
          const expected = pair.results[i * 8 + j];
          if (got !== expected) failures.push(`${JSON.stringify(pair.first)} at +${i} vs ${JSON.stringify(pair.second)} at +${j}: got ${JSON.stringify(got)}, glibc ${expected}`);
        }
      }
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('faults on an unreadable string', () => {
    const memory = new ArrayMemory(FIRST, 0x10);
    memory.load(FIRST, 'aaaaaaaaaaaaaaaa');
    expect(strcmpArmv7(memory, FIRST + 1, 0)).toMatchObject({ address: 0, access: 'read' });
    expect(strcmpArmv7(memory, FIRST, FIRST + 1)).toMatchObject({ access: 'read' });
  });
});
