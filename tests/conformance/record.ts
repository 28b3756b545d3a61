/**
 * Builds the golden records with the GNU tools: generated forms, the syntax
 * corpus, and the complete programs (bytes, stdout, exit code). Used by
 * scripts/regenerate-golden.ts and by the live checks in the tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { GNU_AS } from '../tools';
import { ROWS } from '../../emulator/isa/table';
import { generateCandidates } from './forms';
import { acceptFormsWithGnu } from './gnu-forms';
import { buildWithGnu, runWithQemu } from './gnu';
import {
  CORPUS_DIRECTORY,
  PROGRAMS_DIRECTORY,
  goldenSection,
  type CorpusEntry,
  type FormsGolden,
  type ProgramEntry,
} from './golden';

/** The seed and size of the recorded sample (tests/golden/forms.json). */
export const FORMS_SEED = 2026;
export const FORMS_PER_ROW = 24;

export function toolVersion(): string {
  const run = spawnSync(GNU_AS, ['--version'], { encoding: 'utf8' });
  return (run.stdout ?? '').split('\n')[0].trim() || GNU_AS;
}

/** The `.s` files of a directory (not its subdirectories), sorted. */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.s'))
    .map((entry) => entry.name)
    .sort();
}

export function recordForms(seed = FORMS_SEED, perRow = FORMS_PER_ROW): FormsGolden & { problems: string[] } {
  // Draw twice as many candidates as kept, since GNU refuses some.
  const generation = generateCandidates(seed, perRow * 2);
  const accepted = acceptFormsWithGnu(generation.candidates, perRow);
  const keptRows = new Set(accepted.forms.map((form) => form.row));
  const candidateRows = new Set(generation.candidates.map((candidate) => candidate.row));
  const rowsWithoutForms = ROWS.map((row) => row.id)
    .filter((row) => !keptRows.has(row))
    .map((row) => ({
      row,
      reason: candidateRows.has(row)
        ? (accepted.firstReasonByRow.get(row) ?? 'GNU refused every form')
        : 'no candidate: every random word matching the row belonged to a higher-priority row, or decoding failed',
    }));
  return {
    tool: toolVersion(),
    seed,
    perRow,
    rowsWithoutForms,
    forms: accepted.forms,
    problems: generation.problems.map((problem) => `${problem.row} ${problem.word.toString(16)}: ${problem.message}`),
  };
}

export function recordCorpusFile(file: string): CorpusEntry | string {
  const build = buildWithGnu('', { directory: CORPUS_DIRECTORY, fileName: file });
  if (!build.ok) return `${file}: ${build.messages.map((message) => message.text).join('; ')}`;
  return { file, entry: build.entry, sections: build.sections.map(goldenSection) };
}

/** A program's input: NAME.stdin beside NAME.s, or nothing. */
export function programStdin(file: string): { name?: string; text: string } {
  const name = file.replace(/\.s$/, '.stdin');
  if (!existsSync(path.join(PROGRAMS_DIRECTORY, name))) return { text: '' };
  return { name, text: readFileSync(path.join(PROGRAMS_DIRECTORY, name), 'utf8') };
}

export function recordProgram(file: string): ProgramEntry | string {
  const build = buildWithGnu('', { directory: PROGRAMS_DIRECTORY, fileName: file });
  if (!build.ok) return `${file}: ${build.messages.map((message) => message.text).join('; ')}`;
  const stdin = programStdin(file);
  const run = runWithQemu(build.elf, stdin.text);
  if (run.problem) return `${file}: ${run.problem}`;
  return {
    file,
    ...(stdin.name ? { stdin: stdin.name } : {}),
    stdout: run.stdout,
    exitCode: run.exitCode,
    entry: build.entry,
    sections: build.sections.map(goldenSection),
  };
}

export function readSource(directory: string, file: string): string {
  return readFileSync(path.join(directory, file), 'utf8');
}
