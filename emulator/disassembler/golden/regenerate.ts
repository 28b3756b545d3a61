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
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WORD_TEMPLATES, WORDS_PER_TEMPLATE, WORDS_SEED, randomWords } from './templates';

const here = dirname(fileURLToPath(import.meta.url));
const AS = 'arm-linux-gnueabihf-as';
const LD = 'arm-linux-gnueabihf-ld';
const OBJDUMP = 'arm-linux-gnueabihf-objdump';
const READELF = 'arm-linux-gnueabihf-readelf';

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

function build(directory: string, source: string, name: string): string {
  const sourcePath = join(directory, `${name}.s`);
  writeFileSync(sourcePath, source);
  run(AS, ['-march=armv7ve', sourcePath, '-o', join(directory, `${name}.o`)]);
  run(LD, [join(directory, `${name}.o`), '-o', join(directory, `${name}.elf`)]);
  return join(directory, `${name}.elf`);
}

interface GoldenSection {
  name: string;
  address: number;
  size: number;
  flags: { alloc: boolean; write: boolean; execute: boolean; nobits: boolean };
  bytes: string;
}

interface GoldenSymbol {
  name: string;
  value: number;
  section: string;
  global: boolean;
  type: 'function' | 'object' | 'none';
}

function readSections(elf: string): { sections: GoldenSection[]; byIndex: Map<number, string> } {
  const text = run(READELF, ['-SW', elf]);
  const sections: GoldenSection[] = [];
  const byIndex = new Map<number, string>();
  const pattern = /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+([A-Z]*)\s/;
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, index, name, type, address, offset, size, flags] = match;
    byIndex.set(Number(index), name);
    if (!flags.includes('A')) continue;
    const nobits = type === 'NOBITS';
    const length = parseInt(size, 16);
    const bytes = nobits ? '' : readFileSync(elf).subarray(parseInt(offset, 16), parseInt(offset, 16) + length).toString('hex');
    sections.push({
      name, address: parseInt(address, 16), size: length, bytes,
      flags: { alloc: true, write: flags.includes('W'), execute: flags.includes('X'), nobits },
    });
  }
  return { sections, byIndex };
}

function readSymbols(elf: string, byIndex: Map<number, string>): GoldenSymbol[] {
  const symbols: GoldenSymbol[] = [];
  const pattern = /^\s*\d+:\s+([0-9a-f]+)\s+\d+\s+(\w+)\s+(\w+)\s+\w+\s+(\w+)\s+(\S+)$/;
  for (const line of run(READELF, ['-sW', elf]).split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, value, type, bind, index, name] = match;
    if (type === 'SECTION' || type === 'FILE' || !/^\d+$/.test(index)) continue;
    symbols.push({
      name, value: parseInt(value, 16), section: byIndex.get(Number(index)) ?? '',
      global: bind !== 'LOCAL', type: type === 'FUNC' ? 'function' : type === 'OBJECT' ? 'object' : 'none',
    });
  }
  return symbols;
}

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
  const entries: string[] = [];
  const pattern = /^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$/;
  for (const line of run(OBJDUMP, ['-d', elf]).split('\n')) {
    const match = pattern.exec(line);
    if (match) entries.push(JSON.stringify([parseInt(match[1], 16), match[2], match[3]]));
  }
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
