/**
 * Regenerates the checked-in glibc goldens for the built-in C library:
 *   npx tsx tests/libc-programs/regenerate.ts
 * Needs arm-linux-gnueabihf-gcc and qemu-arm. Review the diff of golden/ before committing.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileAndRun, parseRecords } from './glibc.js';
import { generatePrintfCases } from './printf-cases.js';
import { printfProgram } from './printf-program.js';
import { PROGRAM_GOLDEN, programCases, runWithGlibc } from './programs.js';
import { generateStrcmpPairs, strcmpProgram } from './strcmp-cases.js';
import { generateStdoutCases, markerPositions, stdoutProgram } from './stdout-cases.js';
import { generateScanfCases } from './scanf-cases.js';
import { parseScanfOutput, scanfProgram } from './scanf-program.js';



const goldenDirectory = join(dirname(fileURLToPath(import.meta.url)), 'golden');

function regeneratePrintf(): void {
  const cases = generatePrintfCases();
  const records = parseRecords(compileAndRun(printfProgram(cases)).stdout);
  if (records.length !== cases.length) throw new Error(`printf: expected ${cases.length} records, got ${records.length}`);
  const golden = cases.map((testCase, index) => ({ ...testCase, result: records[index].result, output: records[index].bytes }));
  writeFileSync(join(goldenDirectory, 'printf.json'), JSON.stringify(golden, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`printf: ${golden.length} cases`);
}

function regenerateScanf(): void {
  const cases = generateScanfCases();
  const expectations = parseScanfOutput(compileAndRun(scanfProgram(cases)).stdout.toString('latin1'));
  if (expectations.length !== cases.length) throw new Error(`scanf: expected ${cases.length} records, got ${expectations.length}`);
  const golden = cases.map((testCase, index) => ({ ...testCase, ...expectations[index] }));
  writeFileSync(join(goldenDirectory, 'scanf.json'), JSON.stringify(golden, null, 0).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`scanf: ${golden.length} cases`);
}

function regeneratePrograms(): void {
  const golden: Record<string, { stdout: string; exitCode: number }> = {};
  for (const program of programCases()) golden[program.name] = runWithGlibc(program);
  writeFileSync(PROGRAM_GOLDEN, JSON.stringify(golden, null, 2) + '\n');
  console.log(`programs: ${Object.keys(golden).length}`);
}

function regenerateStrcmp(): void {
  const pairs = generateStrcmpPairs();
  const lines = compileAndRun(strcmpProgram(pairs)).stdout.toString('latin1').trim().split('\n');
  const golden = pairs.map(([first, second], index) => ({ first, second, results: lines[index].trim().split(' ').map(Number) }));
  writeFileSync(join(goldenDirectory, 'strcmp.json'), JSON.stringify(golden).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`strcmp: ${golden.length} pairs x 64 placements`);
}

function regenerateStdout(): void {
  const golden = generateStdoutCases().map((testCase) => markerPositions(compileAndRun(stdoutProgram(testCase)).stdout.toString('latin1')));
  writeFileSync(join(goldenDirectory, 'stdout.json'), JSON.stringify(golden).replace(/\},\{/g, '},\n{') + '\n');
  console.log(`stdout: ${golden.length} cases`);
}

const which = process.argv[2];
if (!which || which === 'printf') regeneratePrintf();

if (!which || which === 'scanf') regenerateScanf();
if (!which || which === 'programs') regeneratePrograms();
if (!which || which === 'strcmp') regenerateStrcmp();
if (!which || which === 'stdout') regenerateStdout();
