/**
 * The assembly programs that call C library functions (programs/NAME.s, with
 * optional programs/NAME.stdin) and their expected behaviour under glibc:
 * golden/programs.json maps NAME to { stdout, exitCode } (stdout as latin1 text).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assembleAndRun } from './glibc.js';

export const PROGRAM_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), 'programs');
export const PROGRAM_GOLDEN = join(dirname(fileURLToPath(import.meta.url)), 'golden', 'programs.json');

export interface ProgramCase {
  name: string;
  sourcePath: string;
  stdin: Buffer;
}

export interface ProgramExpectation {
  stdout: string;
  exitCode: number;
}

export function programCases(): ProgramCase[] {
  return readdirSync(PROGRAM_DIRECTORY)
    .filter((file) => file.endsWith('.s'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -2);
      const stdinPath = join(PROGRAM_DIRECTORY, `${name}.stdin`);
      return { name, sourcePath: join(PROGRAM_DIRECTORY, file), stdin: existsSync(stdinPath) ? readFileSync(stdinPath) : Buffer.alloc(0) };
    });
}

export function runWithGlibc(program: ProgramCase): ProgramExpectation {
  const result = assembleAndRun(program.sourcePath, program.stdin);
  return { stdout: result.stdout.toString('latin1'), exitCode: result.exitCode };
}

export function readProgramGolden(): Record<string, ProgramExpectation> {
  return JSON.parse(readFileSync(PROGRAM_GOLDEN, 'utf8'));
}
