/**
 * Sherwood's disassembly against objdump's, from the checked-in golden files
 * (regenerate with `npx tsx emulator/disassembler/golden/regenerate.ts`), and
 * live against GNU `as` + `objdump` when they are installed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProgramSymbol, Section } from '../assembler/program';
import { GNU_AS, GNU_LD, GNU_OBJDUMP, hasTool, missingTools } from '../../tests/tools';
import { createSymbolIndex, disassembleImage, disassembleWord, formatListing } from './index';
import { WORD_TEMPLATES, createRandom, randomWords } from './golden/templates';
import { OBJDUMP, build, objdumpWords, readSections, readSymbols, run } from './golden/binutils';

const here = join(dirname(fileURLToPath(import.meta.url)), 'golden');

interface GoldenSection { name: string; address: number; size: number; flags: Section['flags']; bytes: string }
interface GoldenListing { file: string; sections: GoldenSection[]; symbols: ProgramSymbol[]; listing: string[] }
interface GoldenWords { symbols: ProgramSymbol[]; entries: [number, string, string][] }

function toSections(sections: GoldenSection[]): Section[] {
  return sections.map((section) => ({
    name: section.name, address: section.address, size: section.size, alignment: 4, flags: section.flags,
    bytes: section.flags.nobits ? new Uint8Array(section.size) : Uint8Array.from(Buffer.from(section.bytes, 'hex')),
  }));
}

/** objdump marks these; Sherwood's table does not judge UNPREDICTABLE register choices (see ALIASES.md). */
function objdumpDecodes(text: string): boolean {
  return !text.includes('<UNDEFINED>') && !text.includes('<UNPREDICTABLE>') && !text.includes('<illegal');
}

interface Comparison { compared: number; mismatches: string[]; notDecoded: string[]; decodedUndefined: string[] }

function compareWords(entries: [number, string, string][], symbols: ProgramSymbol[]): Comparison {
  const nameAt = createSymbolIndex(symbols).nameAt;
  const result: Comparison = { compared: 0, mismatches: [], notDecoded: [], decodedUndefined: [] };
  for (const [address, hexWord, expected] of entries) {
    const line = disassembleWord(parseInt(hexWord, 16), address, nameAt);
    if (!objdumpDecodes(expected)) {
      if (expected.includes('<UNDEFINED>') && line.kind === 'instruction') result.decodedUndefined.push(`${hexWord}: ${line.text}`);
      continue;
    }
    if (line.kind !== 'instruction') {
      result.notDecoded.push(`${hexWord}: objdump ${JSON.stringify(expected)}`);
      continue;
    }
    result.compared++;
    if (line.text !== expected) result.mismatches.push(`${hexWord}: objdump ${JSON.stringify(expected)} sherwood ${JSON.stringify(line.text)}`);
  }
  return result;
}

function report(name: string, comparison: Comparison): void {
  const { compared, mismatches, notDecoded, decodedUndefined } = comparison;
  console.log(`${name}: ${compared} words compared with objdump, ${mismatches.length} differ; ${notDecoded.length} not decoded by Sherwood's table; ${decodedUndefined.length} decoded that objdump calls UNDEFINED`);
  if (notDecoded.length) console.log('  not decoded (first 20):\n  ' + notDecoded.slice(0, 20).join('\n  '));
  if (decodedUndefined.length) console.log('  decoded though UNDEFINED (first 10):\n  ' + decodedUndefined.slice(0, 10).join('\n  '));
}

describe('golden comparison with objdump (checked-in files)', () => {
  it('formats random words from every encoding group exactly as objdump does', () => {
    const golden = JSON.parse(readFileSync(join(here, 'words.json'), 'utf8')) as GoldenWords;
    const comparison = compareWords(golden.entries, golden.symbols);
    report('words.json', comparison);
    expect(comparison.mismatches.slice(0, 400)).toEqual([]);
    expect(comparison.compared).toBeGreaterThan(2000);
  });

  it('prints the whole corpus listing exactly as objdump -d does', () => {
    const golden = JSON.parse(readFileSync(join(here, 'listing.json'), 'utf8')) as GoldenListing;
    const lines = disassembleImage({ sections: toSections(golden.sections), symbols: golden.symbols });
    const listing = formatListing(lines, { file: golden.file }).split('\n');
    const expected = golden.listing;
    const differences: string[] = [];
    for (let index = 0; index < Math.max(listing.length, expected.length); index++) {
      if (listing[index] !== expected[index]) differences.push(`line ${index + 1}: objdump ${JSON.stringify(expected[index])} sherwood ${JSON.stringify(listing[index])}`);
    }
    expect(differences.slice(0, 30)).toEqual([]);
  });
});

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD) || !hasTool(GNU_OBJDUMP))('live comparison with GNU as + objdump' + missingTools(GNU_AS, GNU_LD, GNU_OBJDUMP), () => {
  it('agrees with objdump on a fresh seeded sample', () => {
    const seed = (Date.now() & 0x7fffffff) | 1;
    const pick = createRandom(seed);
    const words: number[] = [];
    for (const template of WORD_TEMPLATES) words.push(...randomWords(template, 40, pick()));
    const directory = mkdtempSync(join(tmpdir(), 'sherwood-disassembler-live-'));
    try {
      const source = ['.syntax unified', '.text', '.global _start', '_start:', ...words.map((word) => `.inst 0x${word.toString(16).padStart(8, '0')}`), ''].join('\n');
      const elf = build(directory, source, 'live');
      const symbols = readSymbols(elf, readSections(elf).byIndex).map((symbol) => ({ ...symbol, size: 0 }));
      const comparison = compareWords(objdumpWords(run(OBJDUMP, ['-d', elf])), symbols);
      report(`live sample (seed ${seed})`, comparison);
      expect(comparison.mismatches.slice(0, 40)).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
