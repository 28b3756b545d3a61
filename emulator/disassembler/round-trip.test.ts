/**
 * formatForAssembler's text reassembles to the word it came from: seeded
 * random words for every row of the table -> decode -> text -> GNU `as`
 * (when installed) and Sherwood's assembler (once it exists) -> same word.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROWS, encodeInstruction } from '../isa/table';
import type { InstructionRow } from '../isa/types';
import { GNU_AS, GNU_OBJDUMP, hasTool, missingTools } from '../../tests/tools';
import { formatForAssembler } from './index';
import { createRandom } from './golden/templates';

interface Form { row: string; word: number; text: string }

const ADDRESS = 0x10000;

/**
 * Random words matching each row, kept when the table encodes the decoded
 * instruction back to the same word: words an assembler can produce (random
 * should-be-zero bits, which `as` never sets, are left out).
 */
function randomForms(seed: number, perRow: number, rows: readonly InstructionRow[] = ROWS): Form[] {
  const random = createRandom(seed);
  const forms: Form[] = [];
  for (const row of rows) {
    for (let index = 0; index < perRow; index++) {
      const condition = row.conditional ? (random() % 4 === 0 ? random() % 15 : 0xe) : 0xf;
      const word = ((condition << 28) | (row.bits & row.mask & 0x0fffffff) | (random() & ~row.mask & 0x0fffffff)) >>> 0;
      const instruction = row.decode(word, ADDRESS);
      const encoded = encodeInstruction(instruction, { address: ADDRESS });
      if (!encoded.ok || encoded.word !== word) continue;
      forms.push({ row: row.id, word, text: formatForAssembler(instruction, ADDRESS, word) });
    }
  }
  return forms;
}

/** Assemble one line per form with GNU `as`; undefined for lines it rejects. */
function gnuWords(forms: Form[]): (number | undefined)[] {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-round-trip-'));
  try {
    const assemble = (lines: string[]): { errors: Set<number>; dump: string } => {
      const source = join(directory, 'forms.s');
      writeFileSync(source, ['.syntax unified', '.arm', '.text', ...lines, ''].join('\n'));
      const result = spawnSync(GNU_AS, ['-march=armv7ve', source, '-o', join(directory, 'forms.o')], { encoding: 'utf8' });
      const errors = new Set<number>();
      for (const match of result.stderr.matchAll(/forms\.s:(\d+): Error/g)) errors.add(Number(match[1]) - 4);
      const dump = errors.size ? '' : execFileSync(GNU_OBJDUMP, ['-d', join(directory, 'forms.o')], { encoding: 'utf8', maxBuffer: 64 << 20 });
      return { errors, dump };
    };
    const first = assemble(forms.map((form) => form.text));
    const kept = forms.map((_, index) => !first.errors.has(index));
    const second = assemble(forms.filter((_, index) => kept[index]).map((form) => form.text));
    if (second.errors.size) throw new Error('GNU as still reports errors after removing the rejected lines');
    const words = new Map<number, number>();
    for (const line of second.dump.split('\n')) {
      const match = /^\s*([0-9a-f]+):\t([0-9a-f]{8}) /.exec(line);
      if (match) words.set(parseInt(match[1], 16), parseInt(match[2], 16));
    }
    let offset = 0;
    return forms.map((_, index) => {
      if (!kept[index]) return undefined;
      const word = words.get(offset);
      offset += 4;
      return word;
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_OBJDUMP))('formatForAssembler text through GNU as' + missingTools(GNU_AS, GNU_OBJDUMP), () => {
  it('reassembles to the same word for seeded random words of every row', () => {
    const forms = randomForms(0x0a55e3b1, 30);
    const words = gnuWords(forms);
    const differences: string[] = [];
    const rejected: string[] = [];
    forms.forEach((form, index) => {
      const word = words[index];
      if (word === undefined) rejected.push(`${form.row} ${form.word.toString(16)}: ${form.text}`);
      else if (word !== form.word) differences.push(`${form.row} ${form.word.toString(16).padStart(8, '0')} -> ${JSON.stringify(form.text)} -> ${word.toString(16).padStart(8, '0')}`);
    });
    const covered = new Set(forms.map((form) => form.row));
    const uncovered = ROWS.filter((row) => !covered.has(row.id)).map((row) => row.id);
    console.log(`rows without a canonical random form: ${uncovered.join(', ') || 'none'}`);
    expect(covered.size).toBeGreaterThan(ROWS.length * 0.8);
    console.log(`${forms.length} forms over ${covered.size} of ${ROWS.length} rows: ${forms.length - rejected.length} accepted by GNU as, ${differences.length} reassemble differently; ${rejected.length} rejected (UNPREDICTABLE register choices and the like)`);
    if (rejected.length) console.log('  rejected (first 15):\n  ' + rejected.slice(0, 15).join('\n  '));
    expect(differences.slice(0, 1000)).toEqual([]);
  });
});

type Assemble = (source: string, options?: object) => { ok: boolean; program?: { sections: { name: string; bytes: Uint8Array }[] }; diagnostics?: { message: string }[] };

/** Sherwood's assembler, when emulator/assembler/index.ts exists. */
async function loadAssembler(): Promise<Assemble | undefined> {
  const path = '../assembler/index';
  try {
    const module = (await import(/* @vite-ignore */ path)) as { assemble?: Assemble };
    return module.assemble;
  } catch {
    return undefined;
  }
}

describe('formatForAssembler text through Sherwood\'s assembler', async () => {
  const assemble = await loadAssembler();
  it.skipIf(!assemble)('reassembles to the same word for seeded random words of every row' + (assemble ? '' : ' (skipped: emulator/assembler/index.ts not there yet)'), () => {
    const forms = randomForms(0x5e3b1a55, 30);
    const differences: string[] = [];
    const rejected: string[] = [];
    for (const form of forms) {
      const result = assemble!(`.syntax unified\n.text\n${form.text}\n`);
      if (!result.ok) {
        rejected.push(`${form.row} ${JSON.stringify(form.text)}: ${(result.diagnostics ?? []).map((diagnostic) => diagnostic.message).join('; ')}`);
        continue;
      }
      const bytes = result.program?.sections.find((section) => section.name === '.text')?.bytes;
      const word = bytes && bytes.length >= 4 ? (bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0 : undefined;
      if (word !== form.word) differences.push(`${form.row} ${form.word.toString(16).padStart(8, '0')} -> ${JSON.stringify(form.text)} -> ${word?.toString(16)}`);
    }
    console.log(`Sherwood round trip: ${forms.length} forms, ${differences.length} reassemble differently, ${rejected.length} rejected (UNPREDICTABLE choices and the like)`);
    if (rejected.length) console.log('  rejected (first 15):\n  ' + rejected.slice(0, 15).join('\n  '));
    expect(rejected.length).toBeLessThan(forms.length / 2);
    expect(differences.slice(0, 1000)).toEqual([]);
  });
});
