/**
 * Seeded random straight-line blocks compared with qemu-arm: registers, APSR
 * and the scratch memory written after every block must be identical.
 * Always: Sherwood assembles and runs them and matches the hashes recorded
 * from qemu-arm (random-blocks-golden.ts). With GNU as and qemu-arm
 * installed: the GNU-built programs are also run live under both.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import type { Program } from '../assembler/program';
import { readElf } from '../elf/index';
import { Session } from '../debug/session';
import { BLOCK_OUTPUT_SIZE, randomBlocksProgram } from './random-blocks';
import { blockHashes, GOLDEN_FILE, GOLDEN_SETTINGS, type RandomBlocksGolden } from './random-blocks-golden';

// The reference tools (as tests/tools.ts names them; checked locally to keep this project's rootDir).
const GNU_AS = 'arm-linux-gnueabihf-as';
const GNU_LD = 'arm-linux-gnueabihf-ld';
const QEMU_ARM = 'qemu-arm';
const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const missingTools = (...names: string[]): string => {
  const missing = names.filter((name) => !hasTool(name));
  return missing.length ? ` (skipped: ${missing.join(', ')} not installed)` : '';
};

const { firstSeed, programs, blocksPerProgram, length } = GOLDEN_SETTINGS;

function build(directory: string, name: string, source: string): string {
  const sourcePath = path.join(directory, `${name}.s`);
  writeFileSync(sourcePath, source);
  const assembled = spawnSync(GNU_AS, ['-march=armv7ve', sourcePath, '-o', `${sourcePath}.o`], { encoding: 'utf8' });
  if (assembled.status !== 0) throw new Error(`GNU as failed: ${assembled.stderr}`);
  const linked = spawnSync(GNU_LD, [`${sourcePath}.o`, '-o', path.join(directory, name)], { encoding: 'utf8' });
  if (linked.status !== 0) throw new Error(`GNU ld failed: ${linked.stderr}`);
  return path.join(directory, name);
}

function runOnSherwood(program: Program): Uint8Array {
  const created = Session.create(program);
  if (!created.ok) throw new Error(created.error);
  expect(created.session.run(10_000_000)).toEqual({ kind: 'exit', code: 0 });
  return created.session.stdout;
}

function describeBlock(output: Uint8Array, offset: number): string {
  const view = new DataView(output.buffer, output.byteOffset + offset, 56);
  const words = Array.from({ length: 14 }, (_, index) => view.getUint32(index * 4, true).toString(16));
  return `apsr ${words[0]} r0-r12 ${words.slice(1).join(' ')}`;
}

describe('random blocks against qemu-arm', () => {
  it(`matches the recorded qemu-arm results for ${programs * blocksPerProgram} seeded blocks`, async () => {
    const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as RandomBlocksGolden;
    expect(golden.settings).toEqual(GOLDEN_SETTINGS);
    let compared = 0;
    for (let program = 0; program < programs; program++) {
      await new Promise((resolve) => setImmediate(resolve));
      const seed = firstSeed + program;
      const generated = randomBlocksProgram(seed, blocksPerProgram, length);
      const assembled = assemble(generated.source, { file: `blocks${program}.s` });
      if (!assembled.ok) throw new Error(assembled.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('\n'));
      const hashes = blockHashes(runOnSherwood(assembled.program), blocksPerProgram);
      hashes.forEach((hash, block) => {
        if (hash !== golden.hashes[program][block]) expect.fail(`seed ${seed.toString(16)} block ${block} differs from qemu-arm:\n${generated.blocks[block].join('\n')}`);
        compared++;
      });
    }
    expect(compared).toBeGreaterThanOrEqual(1000);
  }, 600_000);

  it.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD) || !hasTool(QEMU_ARM))(`runs the GNU-built blocks identically, live${missingTools(GNU_AS, GNU_LD, QEMU_ARM)}`, async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'sherwood-blocks-'));
    let compared = 0;
    for (let program = 0; program < programs; program++) {
      await new Promise((resolve) => setImmediate(resolve));
      const seed = firstSeed + program;
      const generated = randomBlocksProgram(seed, blocksPerProgram, length);
      const executable = build(directory, `blocks${program}`, generated.source);
      const reference = spawnSync(QEMU_ARM, [executable]);
      expect(reference.status).toBe(0);
      const elf = readElf(new Uint8Array(readFileSync(executable)), executable);
      if (!elf.ok) throw new Error(elf.error);
      const ours = runOnSherwood(elf.program);
      const theirs = new Uint8Array(reference.stdout);
      for (let block = 0; block < blocksPerProgram; block++) {
        const offset = block * BLOCK_OUTPUT_SIZE;
        const same = Buffer.compare(Buffer.from(ours.subarray(offset, offset + BLOCK_OUTPUT_SIZE)), Buffer.from(theirs.subarray(offset, offset + BLOCK_OUTPUT_SIZE))) === 0;
        if (!same) {
          expect.fail(`seed ${seed.toString(16)} block ${block}:\n${generated.blocks[block].join('\n')}\nqemu     ${describeBlock(theirs, offset)}\nsherwood ${describeBlock(ours, offset)}`);
        }
        compared++;
      }
      expect(ours.length).toBe(theirs.length);
    }
    expect(compared).toBeGreaterThanOrEqual(1000);
  }, 600_000);
});
