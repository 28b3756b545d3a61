/**
 * The ISA table live against GNU `as`: the committed goldens are exactly what
 * scripts/isa-golden.ts produces today, and a freshly seeded batch of cases
 * agrees with the table too. Skips itself when the ARM binutils are missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoldenCase } from '../emulator/isa/golden/cases';
import { compareCase } from '../emulator/isa/golden/check';
import { GNU_AS, GNU_OBJDUMP, hasTool, missingTools } from './tools';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function generator(...args: string[]): { status: number | null; output: string } {
  const run = spawnSync(tsx, ['scripts/isa-golden.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_OBJDUMP))('ISA table live against GNU as' + missingTools(GNU_AS, GNU_OBJDUMP), () => {
  it('has committed goldens that the script regenerates unchanged', () => {
    const run = generator('--check');
    expect(run.output).toContain('up to date');
    expect(run.status).toBe(0);
  });

  it('agrees with GNU as on a freshly seeded batch', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'isa-live-'));
    try {
      const out = path.join(scratch, 'fresh.json');
      const seed = Date.now() % 100_000; // a new batch each run; the seed is in the failure message
      const run = generator(`--seed=${seed}`, `--out=${out}`);
      expect(run.status, run.output).toBe(0);
      const cases = (JSON.parse(readFileSync(out, 'utf8')) as { cases: GoldenCase[] }).cases;
      const mismatches = cases.flatMap((item) => {
        const difference = compareCase(item);
        return difference === undefined ? [] : [`${item.source}: ${difference}`];
      });
      expect(mismatches.slice(0, 20), `seed ${seed}`).toEqual([]);
      expect(cases.length).toBeGreaterThan(1000);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
