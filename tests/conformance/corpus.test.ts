import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/index';
import { sourceReader } from '../../emulator/testing/files';
import { GNU_AS, GNU_LD, hasTool, missingTools } from '../tools';
import { compareSections, type LineDifference } from './compare';
import { CORPUS_DIRECTORY, CORPUS_FILE, readGolden, type CorpusGolden } from './golden';
import { recordCorpusFile, sourceFiles } from './record';
import { writeReport } from './report';

const golden = readGolden<CorpusGolden>(CORPUS_FILE);
const entries = golden?.entries ?? [];
const totals = { files: 0, filesIdentical: 0, lines: 0, linesIdentical: 0, differences: [] as LineDifference[], problems: [] as string[] };

/** Reads `.include`d files relative to the corpus directory (or as given when absolute). */
const readCorpusFile = sourceReader(CORPUS_DIRECTORY);

function describeDifference(difference: LineDifference): string {
  return `${path.basename(difference.file)}:${difference.line} \`${difference.text}\` GNU ${difference.gnu}, Sherwood ${difference.sherwood}`;
}

describe('syntax corpus', () => {
  it('the golden file covers every corpus source', () => {
    expect(golden, 'tests/golden/corpus.json is missing: run `npm run golden`').toBeDefined();
    expect(entries.map((entry) => entry.file)).toEqual(sourceFiles(CORPUS_DIRECTORY));
  });

  it.each(entries.map((entry) => [entry.file, entry] as const))('%s: Sherwood makes the sections GNU as + ld made', (file, entry) => {
    const absolute = path.join(CORPUS_DIRECTORY, file);
    const source = readFileSync(absolute, 'utf8');
    const result = assemble(source, { file: absolute, readFile: readCorpusFile });
    totals.files++;
    if (!result.ok) {
      const errors = result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column}: ${d.message}`);
      totals.problems.push(...errors.map((error) => `${file}: ${error}`));
      expect.fail(`Sherwood refused ${file}:\n${errors.join('\n')}`);
    }
    const sources = new Map<string, string>();
    const fileOf = (name: string) => sources.get(name) ?? readCorpusFile(name) ?? '';
    for (const item of result.program.sourceMap) if (!sources.has(item.position.file)) sources.set(item.position.file, fileOf(item.position.file));
    const comparison = compareSections(entry.sections, result.program, sources);
    totals.lines += comparison.linesCompared;
    totals.linesIdentical += comparison.linesIdentical;
    totals.differences.push(...comparison.differences);
    totals.problems.push(...comparison.problems.map((problem) => `${file}: ${problem}`));
    if (comparison.problems.length === 0 && comparison.differences.length === 0) totals.filesIdentical++;
    expect(
      [...comparison.problems, ...comparison.differences.map(describeDifference)],
      `${file} differs from GNU`,
    ).toEqual([]);
    expect(result.program.entry, 'entry point').toBe(entry.entry);
  });

  afterAll(() => {
    if (totals.files === 0) return;
    const file = writeReport('corpus', { ...totals });
    console.log(
      `corpus: ${totals.files} files, ${totals.filesIdentical} identical; ${totals.lines} lines with bytes, ${totals.linesIdentical} identical (${file})`,
    );
  });
});

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD))(`syntax corpus, live against GNU as${missingTools(GNU_AS, GNU_LD)}`, () => {
  it('the golden file is what GNU as + ld make today', () => {
    const fresh = sourceFiles(CORPUS_DIRECTORY).map(recordCorpusFile);
    expect(fresh, 'run `npm run golden -- corpus` and review the diff').toEqual(entries);
  });
});
