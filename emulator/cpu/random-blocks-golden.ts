/**
 * Records what qemu-arm prints for the seeded random blocks (a hash of each
 * block's registers, APSR and scratch memory) so the comparison also runs
 * where qemu-arm is not installed. Regenerate and review the diff:
 *   npx tsx emulator/cpu/random-blocks-golden.ts
 * Needs arm-linux-gnueabihf-as/-ld and qemu-arm.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BLOCK_OUTPUT_SIZE, randomBlocksProgram } from './random-blocks';

export const GOLDEN_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden', 'random-blocks.json');
export const GOLDEN_SETTINGS = { firstSeed: 0x5eed0000, programs: 25, blocksPerProgram: 48, length: 12 };

export interface RandomBlocksGolden {
  settings: typeof GOLDEN_SETTINGS;
  /** Per program, per block: sha256 (hex, 20 digits) of the block's output. */
  hashes: string[][];
}

export function blockHashes(output: Uint8Array, blocks: number): string[] {
  return Array.from({ length: blocks }, (_, block) =>
    createHash('sha256').update(output.subarray(block * BLOCK_OUTPUT_SIZE, (block + 1) * BLOCK_OUTPUT_SIZE)).digest('hex').slice(0, 20),
  );
}

function regenerate(): void {
  const directory = mkdtempSync(path.join(tmpdir(), 'sherwood-golden-'));
  const hashes: string[][] = [];
  for (let program = 0; program < GOLDEN_SETTINGS.programs; program++) {
    const seed = GOLDEN_SETTINGS.firstSeed + program;
    const { source } = randomBlocksProgram(seed, GOLDEN_SETTINGS.blocksPerProgram, GOLDEN_SETTINGS.length);
    const base = path.join(directory, `blocks${program}`);
    writeFileSync(`${base}.s`, source);
    for (const [tool, args] of [
      ['arm-linux-gnueabihf-as', ['-march=armv7ve', `${base}.s`, '-o', `${base}.o`]],
      ['arm-linux-gnueabihf-ld', [`${base}.o`, '-o', base]],
    ] as const) {
      const result = spawnSync(tool, args, { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`);
    }
    const run = spawnSync('qemu-arm', [base]);
    if (run.status !== 0) throw new Error(`qemu-arm failed on seed ${seed.toString(16)}`);
    hashes.push(blockHashes(new Uint8Array(run.stdout), GOLDEN_SETTINGS.blocksPerProgram));
  }
  const golden: RandomBlocksGolden = { settings: GOLDEN_SETTINGS, hashes };
  writeFileSync(GOLDEN_FILE, JSON.stringify(golden, null, 0).replace(/\],\[/g, '],\n[') + '\n');
  console.log(`wrote ${hashes.length * GOLDEN_SETTINGS.blocksPerProgram} block hashes to ${GOLDEN_FILE}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) regenerate();
