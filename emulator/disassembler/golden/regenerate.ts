/**
 * Regenerates the disassembler's golden files from GNU binutils:
 *
 *   npx tsx emulator/disassembler/golden/regenerate.ts
 *
 * - listing.json: corpus.s assembled with `as -march=armv7ve` and linked with
 *   `ld`; the executable's code bytes, its symbols (mapping symbols included)
 *   and the full `objdump -d` listing.
 * - words.json: seeded random words from every A32 encoding group Sherwood
 *   covers, placed with `.inst` after `_start`, and the text objdump prints
 *   for each (so the comparison runs without the tools).
 *
 * Deterministic: the same seed and tools give the same files.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OBJDUMP, build, objdumpWords, readSections, readSymbols, run } from './binutils';
import { WORD_TEMPLATES, WORDS_PER_TEMPLATE, WORDS_SEED, randomWords } from './templates';

const here = dirname(fileURLToPath(import.meta.url));
function regenerateListing(directory: string): void {
  const elf = build(directory, readFileSync(join(here, 'corpus.s'), 'utf8'), 'corpus');
  const { sections, byIndex } = readSections(elf);
  const symbols = readSymbols(elf, byIndex);
  const listing = run(OBJDUMP, ['-d', elf]).replace(`${elf}:`, 'corpus.elf:');
  const body = [
    '{',
    `  "file": "corpus.elf",`,
    `  "sections": ${JSON.stringify(sections)},`,
    `  "symbols": [\n    ${symbols.map((symbol) => JSON.stringify(symbol)).join(',\n    ')}\n  ],`,
    `  "listing": ${JSON.stringify(listing.split('\n'), null, 2).replace(/\n/g, '\n  ')}`,
    '}',
  ].join('\n');
  writeFileSync(join(here, 'listing.json'), body + '\n');
}

function regenerateWords(directory: string): void {
  const words: number[] = [];
  for (const template of WORD_TEMPLATES) words.push(...randomWords(template, WORDS_PER_TEMPLATE, WORDS_SEED));
  const source = ['.syntax unified', '.text', '.global _start', '_start:', ...words.map((word) => `.inst 0x${word.toString(16).padStart(8, '0')}`), ''].join('\n');
  const elf = build(directory, source, 'words');
  const { byIndex } = readSections(elf);
  const symbols = readSymbols(elf, byIndex);
  const entries = objdumpWords(run(OBJDUMP, ['-d', elf])).map((entry) => JSON.stringify(entry));
  if (entries.length !== words.length) throw new Error(`objdump printed ${entries.length} lines for ${words.length} words`);
  const body = [
    '{',
    `  "seed": ${WORDS_SEED},`,
    `  "symbols": [\n    ${symbols.map((symbol) => JSON.stringify(symbol)).join(',\n    ')}\n  ],`,
    `  "entries": [\n    ${entries.join(',\n    ')}\n  ]`,
    '}',
  ].join('\n');
  writeFileSync(join(here, 'words.json'), body + '\n');
}

const directory = mkdtempSync(join(tmpdir(), 'sherwood-disassembler-'));
try {
  regenerateListing(directory);
  regenerateWords(directory);
  console.log('wrote listing.json and words.json');
} finally {
  rmSync(directory, { recursive: true, force: true });
}
