import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/index';
import { sourceReader } from '../../emulator/testing/files';
import type { Program } from '../../emulator/assembler/program';
import { formatForAssembler } from '../../emulator/disassembler/index';
import { decodeWord } from '../../emulator/isa/table';
import { compareForms } from './compare';
import { hexWord } from './forms';
import { CORPUS_DIRECTORY, PROGRAMS_DIRECTORY } from './golden';
import { sourceFiles } from './record';
import { groupExamples, writeReport } from './report';

interface CodeWord {
  origin: string;
  word: number;
  address: number;
}

/** Every instruction word (source-map kind 'code') Sherwood assembled from a directory's sources. */
function codeWords(directory: string): CodeWord[] {
  const words: CodeWord[] = [];
  const readInclude = sourceReader(directory);
  for (const file of sourceFiles(directory)) {
    const absolute = path.join(directory, file);
    const result = assemble(readFileSync(absolute, 'utf8'), { file: absolute, readFile: readInclude });
    if (!result.ok) continue; // the corpus and programs tests report refusals
    collect(result.program, file, words);
  }
  return words;
}

function collect(program: Program, file: string, words: CodeWord[]): void {
  for (const entry of program.sourceMap) {
    if (entry.kind !== 'code' || entry.size !== 4) continue;
    const section = program.sections.find((s) => entry.address >= s.address && entry.address + 4 <= s.address + s.size);
    if (!section || section.flags.nobits) continue;
    const at = entry.address - section.address;
    const bytes = section.bytes;
    const word = (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0;
    words.push({ origin: `${file}:${entry.position.line}`, word, address: entry.address });
  }
}

describe('disassembly round trip over the conformance sources', () => {
  it('every instruction Sherwood assembled disassembles to text that reassembles to the same word', () => {
    const words = [...codeWords(CORPUS_DIRECTORY), ...codeWords(PROGRAMS_DIRECTORY)];
    expect(words.length).toBeGreaterThan(1000);
    const undecodable: string[] = [];
    const forms: { source: string; gnu: string; origin: string }[] = [];
    for (const item of words) {
      const instruction = decodeWord(item.word, item.address);
      if (!instruction) {
        undecodable.push(`${item.origin} ${hexWord(item.word)}`);
        continue;
      }
      forms.push({ source: formatForAssembler(instruction, item.address), gnu: hexWord(item.word), origin: item.origin });
    }
    const outcomes = compareForms(assemble, forms);
    const wrong = outcomes.map((outcome, index) => ({ ...outcome, origin: forms[index].origin })).filter((o) => o.sherwood !== o.gnu);
    writeReport('disassembly-round-trip', { words: words.length, identical: words.length - wrong.length - undecodable.length, undecodable, wrong });
    expect(undecodable, 'words no table row decodes').toEqual([]);
    expect(
      wrong.length,
      groupExamples(wrong, (o) => o.source.split(/\s/)[0], (o) => `${o.origin}: ${o.gnu} -> \`${o.source}\` -> ${o.sherwood ?? o.error}`),
    ).toBe(0);
  });
});
