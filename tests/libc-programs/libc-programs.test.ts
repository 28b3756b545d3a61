import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/assemble.js';
import { BUILTIN_FUNCTIONS } from '../../emulator/runtime/libc/registry.js';
import { GNU_GCC, hasTool, missingTools, QEMU_ARM } from '../tools.js';
import { compileAndRun, parseRecords } from './glibc.js';
import { generatePrintfCases } from './printf-cases.js';
import { printfProgram } from './printf-program.js';
import { programCases, readProgramGolden, runWithGlibc } from './programs.js';
import { generateScanfCases } from './scanf-cases.js';
import { parseScanfOutput, scanfProgram } from './scanf-program.js';

/** Data symbols a C program may use from glibc; the runtime has to define them (FILE * values for stdin, stdout, stderr). */
const LIBRARY_DATA = ['stdin', 'stdout', 'stderr'];

describe('the C-function programs', () => {
  const golden = readProgramGolden();
  const programs = programCases();

  it('each has a checked-in glibc golden', () => {
    expect(programs.length).toBeGreaterThanOrEqual(12);
    for (const program of programs) expect(golden[program.name], program.name).toBeDefined();
  });

  it('each assembles with Sherwood, calling only built-in functions', () => {
    for (const program of programs) {
      const calls = new Set<string>();
      const result = assemble(readFileSync(program.sourcePath, 'utf8'), {
        file: program.sourcePath,
        resolveExternal: (name) => {
          calls.add(name);
          const index = [...BUILTIN_FUNCTIONS.keys()].indexOf(name);
          if (index >= 0) return 0x8000 + index * 8;
          return LIBRARY_DATA.includes(name) ? 0x9000 : undefined;
        },
      });
      expect(result.ok ? [] : result.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`), program.name).toEqual([]);
      for (const name of calls) expect(BUILTIN_FUNCTIONS.has(name) || LIBRARY_DATA.includes(name), `${program.name} uses ${name}`).toBe(true);
    }
  });
});

describe.skipIf(!hasTool(GNU_GCC) || !hasTool(QEMU_ARM))('the goldens still match glibc (live)' + missingTools(GNU_GCC, QEMU_ARM), () => {
  it('printf goldens', () => {
    const cases = generatePrintfCases();
    const records = parseRecords(compileAndRun(printfProgram(cases)).stdout);
    const golden = JSON.parse(readFileSync(new URL('golden/printf.json', import.meta.url), 'utf8')) as { result: number; output: string }[];
    expect(records.map((record) => [record.result, record.bytes])).toEqual(golden.map((entry) => [entry.result, entry.output]));
  });

  it('scanf goldens', () => {
    const cases = generateScanfCases();
    const live = parseScanfOutput(compileAndRun(scanfProgram(cases)).stdout.toString('latin1'));
    const golden = JSON.parse(readFileSync(new URL('golden/scanf.json', import.meta.url), 'utf8')) as { result: number; destinations: string[]; rest: string }[];
    expect(live).toEqual(golden.map(({ result, destinations, rest }) => ({ result, destinations, rest })));
  });

  it('program goldens', () => {
    const golden = readProgramGolden();
    for (const program of programCases()) expect(runWithGlibc(program), program.name).toEqual(golden[program.name]);
  });
});
