/**
 * Programs assembled by Sherwood, disassembled: the listing agrees with
 * objdump's for the same source built by GNU as + ld, and every line carries
 * the source position it came from.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import type { Program } from '../assembler/program';
import { disassembleProgram, formatListing } from './index';

const here = join(dirname(fileURLToPath(import.meta.url)), 'golden');

/**
 * Sherwood's assembler does not take GNU's explicit-rotation immediate
 * (`mov r0, #4, 2`), so that one corpus line is swapped for a plain
 * `mov r0, #1` on both sides.
 */
const EXPLICIT_ROTATION = { source: 'mov r0, #4, 2', replacement: 'mov r0, #1', objdump: 'e3a00104 \tmov\tr0, #4, 2', sherwood: 'e3a00001 \tmov\tr0, #1' };

function corpusProgram(): { program: Program; source: string[] } {
  const source = readFileSync(join(here, 'corpus.s'), 'utf8').replace(EXPLICIT_ROTATION.source, EXPLICIT_ROTATION.replacement);
  const result = assemble(source, { file: 'corpus.s' });
  if (!result.ok) throw new Error(result.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
  return { program: result.program, source: source.split('\n') };
}

describe('disassembleProgram', () => {
  it('lists Sherwood\'s build of the corpus exactly as objdump lists GNU\'s', () => {
    const { program } = corpusProgram();
    const golden = JSON.parse(readFileSync(join(here, 'listing.json'), 'utf8')) as { file: string; listing: string[] };
    const expected = golden.listing.map((line) => line.replace(EXPLICIT_ROTATION.objdump, EXPLICIT_ROTATION.sherwood));
    const listing = formatListing(disassembleProgram(program), { file: golden.file }).split('\n');
    const differences: string[] = [];
    for (let index = 0; index < Math.max(listing.length, expected.length); index++) {
      if (listing[index] !== expected[index]) differences.push(`line ${index + 1}: objdump ${JSON.stringify(expected[index])} sherwood ${JSON.stringify(listing[index])}`);
    }
    expect(differences.slice(0, 30)).toEqual([]);
  });

  it('carries the source position of every instruction and data item', () => {
    const { program, source } = corpusProgram();
    const lines = disassembleProgram(program);
    const first = lines[0];
    expect(first.position).toMatchObject({ file: 'corpus.s', line: 5 });
    expect(first.text).toBe('add\tr0, r1, #5');
    let previousLine = 0;
    for (const line of lines) {
      if (line.skipped) continue;
      // Only alignment padding (zero bytes no directive wrote) has no source line.
      if (line.position === undefined && line.kind === 'data' && line.word === 0) continue;
      expect(line.position, `0x${line.address.toString(16)} ${line.text}`).toBeDefined();
      expect(source[line.position!.line - 1].trim().length).toBeGreaterThan(0);
      if (line.kind === 'instruction') {
        // Code comes out in source order (literal pools, placed at .ltorg, are data).
        expect(line.position!.line, line.text).toBeGreaterThan(previousLine);
        previousLine = line.position!.line;
      }
    }
    const call = lines.find((line) => line.text.startsWith('bl\t10324'));
    expect(call?.position?.line).toBe(192);
    const table = lines.find((line) => line.symbol === 'table');
    expect(table?.position?.line).toBe(188);
    expect(table?.kind).toBe('data');
  });
});
