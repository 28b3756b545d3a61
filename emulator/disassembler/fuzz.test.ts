/**
 * Every 32-bit word disassembles to some text, and never throws: a seeded
 * million random words, plus the edges of each encoding group.
 */
import { describe, expect, it } from 'vitest';
import { decodeWord } from '../isa/table';
import type { ProgramSymbol, Section } from '../assembler/program';
import { disassembleImage, disassembleWord, formatForAssembler, formatInstruction, formatListing } from './index';
import { createRandom } from './golden/templates';

describe('disassembling arbitrary words', () => {
  it('gives text for 1,000,000 seeded random words without an exception', () => {
    const random = createRandom(0xd15a55e);
    const symbolAt = (address: number): string => (address === 0x10054 ? 'main' : `main+0x${(address - 0x10054).toString(16)}`);
    let instructions = 0;
    let undefinedWords = 0;
    const started = performance.now();
    for (let index = 0; index < 1_000_000; index++) {
      const word = random();
      const address = 0x10054 + ((index & 0xffff) << 2);
      const line = disassembleWord(word, address, symbolAt);
      if (line.text.length === 0) throw new Error(`no text for 0x${word.toString(16)}`);
      if (line.kind === 'instruction') instructions++;
      else {
        undefinedWords++;
        if (line.text !== '.word\t0x' + word.toString(16).padStart(8, '0') || !line.note) throw new Error(`bad undefined line for 0x${word.toString(16)}`);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`1,000,000 random words: ${instructions} instructions, ${undefinedWords} shown as .word; ${(1 / seconds).toFixed(2)} M words/s`);
    expect(instructions + undefinedWords).toBe(1_000_000);
    expect(instructions).toBeGreaterThan(100_000);
  });

  it('formats for the assembler every decodable word of a seeded sample without an exception', () => {
    const random = createRandom(0xa55e3b1e);
    let formatted = 0;
    for (let index = 0; index < 200_000; index++) {
      const word = random();
      const instruction = decodeWord(word, 0x10000);
      if (!instruction) continue;
      if (formatForAssembler(instruction, 0x10000).length === 0 || formatInstruction(instruction, 0x10000).length === 0) {
        throw new Error(`empty text for 0x${word.toString(16)}`);
      }
      formatted++;
    }
    expect(formatted).toBeGreaterThan(20_000);
  });

  it('shows the permanently undefined encoding and unsupported encodings as .word with a note', () => {
    const udf = disassembleWord(0xe7f000f0 + 0x100, 0x10000);
    const coprocessor = disassembleWord(0xee100a10, 0x10000); // vmov r0, s0 (VFP)
    for (const line of [udf, coprocessor]) {
      if (line.kind === 'instruction') continue; // the table may grow to cover these
      expect(line.text).toMatch(/^\.word\t0x[0-9a-f]{8}$/);
      expect(line.note).toMatch(/undefined instruction|not supported by Sherwood/);
    }
    expect(coprocessor.kind).toBe('undefined');
    expect(coprocessor.note).toBe('not supported by Sherwood');
  });

  it('lists 3,000 random images (odd sizes and addresses, stray symbols) covering every byte', () => {
    const random = createRandom(0x1a6e5);
    for (let round = 0; round < 3000; round++) {
      const length = random() % 160;
      const address = (0x10000 + (random() % 64)) >>> 0;
      const bytes = new Uint8Array(length);
      for (let index = 0; index < length; index++) bytes[index] = random() % 3 === 0 ? 0 : random() & 0xff;
      const section: Section = { name: '.text', address, bytes, size: length, alignment: 4, flags: { alloc: true, write: false, execute: true, nobits: false } };
      const symbols: ProgramSymbol[] = [];
      const count = random() % 8;
      for (let index = 0; index < count; index++) {
        const kind = random() % 4;
        symbols.push({
          name: kind === 0 ? '$d' : kind === 1 ? '$a' : `s${index}`,
          value: (address + (random() % (length + 8)) - 4) >>> 0,
          section: random() % 5 === 0 ? undefined : '.text',
          global: random() % 2 === 0, type: random() % 3 === 0 ? 'function' : 'none', size: 0,
        });
      }
      const lines = disassembleImage({ sections: [section], symbols });
      let expected = address;
      for (const line of lines) {
        // As in objdump, an instruction may run past a misplaced symbol; the symbol's block then starts again at it.
        const restart = line.symbol !== undefined && line.address < expected;
        if ((line.address !== expected && !restart) || !line.size || line.text.length === 0 || line.address + line.size > address + length) {
          throw new Error(`round ${round}: bad line at 0x${line.address.toString(16)} (expected 0x${expected.toString(16)})`);
        }
        expected = line.address + line.size;
      }
      if (expected !== address + length) throw new Error(`round ${round}: lines end at 0x${expected.toString(16)}, section at 0x${(address + length).toString(16)}`);
      formatListing(lines, { file: 'fuzz.elf' });
    }
  });
});
