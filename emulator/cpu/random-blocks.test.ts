/**
 * Seeded random straight-line blocks, built with GNU as + ld, run under
 * qemu-arm and under Sherwood: registers, flags and the scratch memory
 * written after every block must be identical.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readElf } from '../elf/index';
import { Session } from '../debug/session';
import { BLOCK_OUTPUT_SIZE, randomBlocksProgram } from './random-blocks';

// The reference tools (as tests/tools.ts names them; imported locally to keep this project's rootDir).
const GNU_AS = 'arm-linux-gnueabihf-as';
const GNU_LD = 'arm-linux-gnueabihf-ld';
const QEMU_ARM = 'qemu-arm';
const hasTool = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const missingTools = (...names: string[]): string => {
  const missing = names.filter((name) => !hasTool(name));
  return missing.length ? ` (skipped: ${missing.join(', ')} not installed)` : '';
};

const PROGRAMS = 25;
const BLOCKS_PER_PROGRAM = 48;
const LENGTH = 12;

function build(directory: string, name: string, source: string): string {
  const sourcePath = path.join(directory, `${name}.s`);
  writeFileSync(sourcePath, source);
  const assembled = spawnSync(GNU_AS, ['-march=armv7ve', sourcePath, '-o', `${sourcePath}.o`], { encoding: 'utf8' });
  if (assembled.status !== 0) throw new Error(`GNU as failed: ${assembled.stderr}`);
  const linked = spawnSync(GNU_LD, [`${sourcePath}.o`, '-o', path.join(directory, name)], { encoding: 'utf8' });
  if (linked.status !== 0) throw new Error(`GNU ld failed: ${linked.stderr}`);
  return path.join(directory, name);
}

function describeBlock(output: Uint8Array, offset: number): string {
  const view = new DataView(output.buffer, output.byteOffset + offset, 56);
  const words = Array.from({ length: 14 }, (_, index) => view.getUint32(index * 4, true).toString(16));
  return `apsr ${words[0]} r0-r12 ${words.slice(1).join(' ')}`;
}

describe.skipIf(!hasTool(GNU_AS) || !hasTool(QEMU_ARM))('random blocks against qemu-arm' + missingTools(GNU_AS, GNU_LD, QEMU_ARM), () => {
  it(`runs ${PROGRAMS * BLOCKS_PER_PROGRAM} seeded blocks identically`, () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'sherwood-blocks-'));
    let compared = 0;
    for (let program = 0; program < PROGRAMS; program++) {
      const seed = 0x5eed0000 + program;
      const generated = randomBlocksProgram(seed, BLOCKS_PER_PROGRAM, LENGTH);
      const executable = build(directory, `blocks${program}`, generated.source);
      const reference = spawnSync(QEMU_ARM, [executable]);
      expect(reference.status).toBe(0);
      const elf = readElf(new Uint8Array(readFileSync(executable)), executable);
      if (!elf.ok) throw new Error(elf.error);
      const created = Session.create(elf.program);
      if (!created.ok) throw new Error(created.error);
      const stop = created.session.run(10_000_000);
      const ours = created.session.stdout;
      const theirs = new Uint8Array(reference.stdout);
      expect(stop).toEqual({ kind: 'exit', code: 0 });
      for (let block = 0; block < BLOCKS_PER_PROGRAM; block++) {
        const offset = block * BLOCK_OUTPUT_SIZE;
        const same = Buffer.compare(Buffer.from(ours.subarray(offset, offset + BLOCK_OUTPUT_SIZE)), Buffer.from(theirs.subarray(offset, offset + BLOCK_OUTPUT_SIZE))) === 0;
        if (!same) {
          const detail = `seed ${seed.toString(16)} block ${block}:\n${generated.blocks[block].join('\n')}\nqemu     ${describeBlock(theirs, offset)}\nsherwood ${describeBlock(ours, offset)}`;
          expect.fail(detail);
        }
        compared++;
      }
      expect(ours.length).toBe(theirs.length);
    }
    expect(compared).toBeGreaterThanOrEqual(1000);
  });
});
