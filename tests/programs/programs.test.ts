import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { assemble } from '../../emulator/assembler/index';
import { sourceReader } from '../../emulator/testing/files';
import type { Program } from '../../emulator/assembler/program';
import { writeElf } from '../../emulator/elf/index';
import { GNU_AS, GNU_LD, QEMU_ARM, hasTool, missingTools } from '../tools';
import { compareSections } from '../conformance/compare';
import { runCommand, runExecutable, runWithQemuAsync } from '../conformance/gnu';
import { PROGRAMS_DIRECTORY, PROGRAMS_FILE, ROOT, readGolden, type ProgramEntry, type ProgramsGolden } from '../conformance/golden';
import { programStdin, recordProgram, sourceFiles } from '../conformance/record';
import { writeReport } from '../conformance/report';

const golden = readGolden<ProgramsGolden>(PROGRAMS_FILE);
const programs = golden?.programs ?? [];
const cases = programs.map((entry) => [entry.file, entry] as const);
/** The CLI costs a node start-up per program; a few programs prove it writes what writeElf writes. */
const CLI_PROGRAMS = new Set(['hello.s', 'exit-status.s', 'literal-pools.s', 'word-count.s']);
const cliCases = cases.filter(([file]) => CLI_PROGRAMS.has(file));
const totals = { programs: programs.length, bytesIdentical: 0, runsIdentical: 0, runsCompared: 0, disagreements: [] as string[] };

function assembleProgram(entry: ProgramEntry): { program: Program; source: string; file: string } {
  const file = path.join(PROGRAMS_DIRECTORY, entry.file);
  const source = readFileSync(file, 'utf8');
  const result = assemble(source, { file, readFile: sourceReader(PROGRAMS_DIRECTORY) });
  if (!result.ok) {
    const errors = result.diagnostics.map((d) => `${entry.file}:${d.line}:${d.column}: ${d.message}`).join('\n');
    totals.disagreements.push(`${entry.file}: Sherwood refused it: ${errors}`);
    expect.fail(`Sherwood refused ${entry.file}:\n${errors}`);
  }
  return { program: result.program, source, file };
}

function expectSameRun(check: ExpectStatic, entry: ProgramEntry, how: string, run: { stdout: string; exitCode: number; problem?: string }): void {
  totals.runsCompared++;
  const same = run.problem === undefined && run.stdout === entry.stdout && run.exitCode === entry.exitCode;
  if (same) totals.runsIdentical++;
  else totals.disagreements.push(`${entry.file} (${how}): exit ${run.exitCode} (GNU ${entry.exitCode})${run.problem ? ', ' + run.problem : ''}`);
  check(run.problem, `${entry.file} under qemu-arm`).toBeUndefined();
  check({ stdout: run.stdout, exitCode: run.exitCode }).toEqual({ stdout: entry.stdout, exitCode: entry.exitCode });
}

describe('complete programs', () => {
  it('the golden file covers every program, at least 15', () => {
    expect(golden, 'tests/golden/programs.json is missing: run `npm run golden`').toBeDefined();
    expect(programs.map((entry) => entry.file)).toEqual(sourceFiles(PROGRAMS_DIRECTORY));
    expect(programs.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('%s: Sherwood makes the bytes GNU as + ld made', (_file, entry) => {
    const { program, source, file } = assembleProgram(entry);
    const comparison = compareSections(entry.sections, program, new Map(program.sources.map((included) => [included.file, included.text])));
    const report = [
      ...comparison.problems,
      ...comparison.differences.map((d) => `line ${d.line} \`${d.text}\` GNU ${d.gnu}, Sherwood ${d.sherwood}`),
    ];
    if (report.length === 0) totals.bytesIdentical++;
    else totals.disagreements.push(...report.map((line) => `${entry.file}: ${line}`));
    expect(report, `${entry.file} differs from GNU`).toEqual([]);
    expect(program.entry, 'entry point').toBe(entry.entry);
  });

  // Each run waits on qemu-arm (and the CLI on a node start-up): run them side by side.
  describe.skipIf(!hasTool(QEMU_ARM)).concurrent(`under qemu-arm${missingTools(QEMU_ARM)}`, () => {
    it.for(cases)('%s: writeElf output prints and exits as the GNU-built one', async ([, entry], { expect: check }) => {
      const { program } = assembleProgram(entry);
      expectSameRun(check, entry, 'writeElf', await runWithQemuAsync(writeElf(program), programStdin(entry.file).text));
    });

    it.for(cliCases)('%s: `sherwood assemble` output prints and exits as the GNU-built one', async ([, entry], { expect: check }) => {
      const work = mkdtempSync(path.join(tmpdir(), 'sherwood-cli-'));
      try {
        const output = path.join(work, 'program.elf');
        const cli = await runCommand(process.execPath, [path.join(ROOT, 'bin', 'sherwood.js'), 'assemble', path.join(PROGRAMS_DIRECTORY, entry.file), '-o', output]);
        check(cli.status, `sherwood assemble ${entry.file}: ${cli.stderr}`).toBe(0);
        expectSameRun(check, entry, 'CLI', await runExecutable(output, programStdin(entry.file).text));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });

  afterAll(() => {
    const file = writeReport('programs', totals);
    console.log(
      `programs: ${totals.programs} programs, ${totals.bytesIdentical} byte-identical, ${totals.runsIdentical} of ${totals.runsCompared} runs identical to GNU (${file})`,
    );
  });
});

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD) || !hasTool(QEMU_ARM))(
  `complete programs, live against GNU as + ld + qemu-arm${missingTools(GNU_AS, GNU_LD, QEMU_ARM)}`,
  () => {
    it('the golden file is what GNU as + ld + qemu-arm make today', () => {
      const fresh = sourceFiles(PROGRAMS_DIRECTORY).map(recordProgram);
      expect(fresh, 'run `npm run golden -- programs` and review the diff').toEqual(programs);
    });
  },
);
