/**
 * Running C code against the real glibc: compile with arm-linux-gnueabihf-gcc
 * -static, run under qemu-arm. Used by the golden regeneration script and the
 * live comparison tests (which skip themselves when the tools are missing).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GNU_GCC, QEMU_ARM } from '../tools.js';

/** A C string literal for a byte string given as latin1 text (octal escapes for anything unusual). */
export function cLiteral(text: string): string {
  let literal = '"';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) & 0xff;
    if (code >= 32 && code < 127 && code !== 34 && code !== 92 && code !== 63) literal += text[index];
    else literal += '\\' + code.toString(8).padStart(3, '0');
  }
  return literal + '"';
}

export interface RunResult {
  stdout: Buffer;
  exitCode: number;
}

/** Compiles `source` statically and runs it under qemu-arm with `stdin`; throws with the compiler's words on failure. */
export function compileAndRun(source: string, stdin: Buffer | string = ''): RunResult {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-libc-'));
  try {
    const sourcePath = join(directory, 'program.c');
    const binaryPath = join(directory, 'program');
    writeFileSync(sourcePath, source);
    const compile = spawnSync(GNU_GCC, ['-static', '-O0', '-w', '-fno-builtin', '-o', binaryPath, sourcePath], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (compile.status !== 0) throw new Error(`gcc failed: ${compile.stderr}`);
    const run = spawnSync(QEMU_ARM, [binaryPath], { input: stdin, maxBuffer: 1 << 28 });
    return { stdout: run.stdout, exitCode: run.status ?? -1 };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Builds an assembly program with gcc -static (so glibc provides the C functions) and runs it under qemu-arm. */
export function assembleAndRun(sourcePath: string, stdin: Buffer | string = ''): RunResult {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-libc-'));
  try {
    const binaryPath = join(directory, 'program');
    const build = spawnSync(GNU_GCC, ['-static', '-Wl,-z,noexecstack', '-o', binaryPath, sourcePath], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`gcc failed on ${sourcePath}: ${build.stderr}`);
    const run = spawnSync(QEMU_ARM, [binaryPath], { input: stdin, maxBuffer: 1 << 26 });
    return { stdout: run.stdout, exitCode: run.status ?? 128 + (run.signal ? 6 : 0) };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Splits output made of records `N:` + N bytes + '\n' (N may be -1, meaning no bytes). */
export function parseRecords(stdout: Buffer): { result: number; bytes: string }[] {
  const records: { result: number; bytes: string }[] = [];
  let position = 0;
  while (position < stdout.length) {
    const colon = stdout.indexOf(0x3a, position);
    if (colon < 0) throw new Error(`malformed record at byte ${position}`);
    const result = Number(stdout.subarray(position, colon).toString('latin1'));
    const length = Math.max(0, result);
    records.push({ result, bytes: stdout.subarray(colon + 1, colon + 1 + length).toString('latin1') });
    position = colon + 1 + length + 1;
  }
  return records;
}
