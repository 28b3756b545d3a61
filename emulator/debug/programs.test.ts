/**
 * The repository's program corpora run on Sherwood (its assembler, loader,
 * CPU, syscalls and built-in C library) against the goldens recorded from the
 * GNU-built programs under qemu-arm: identical stdout and exit status, once
 * with all of stdin there and once with stdin arriving a byte at a time
 * (every "waiting for input" stop resumed exactly); repeated runs count the
 * same instructions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { resolveBuiltin } from './runtime-bridge';
import { Session, type StopReason } from './session';
import { sourceReader } from '../testing/files';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SYSCALL_DIRECTORY = path.join(ROOT, 'tests/programs');
const SYSCALL_GOLDEN = path.join(ROOT, 'tests/golden/programs.json');
const LIBC_DIRECTORY = path.join(ROOT, 'tests/libc-programs/programs');
const LIBC_GOLDEN = path.join(ROOT, 'tests/libc-programs/golden/programs.json');

interface Case {
  name: string;
  source: string;
  stdin: Uint8Array;
  stdout: string;
  exitCode: number;
}

function stdinFor(directory: string, file: string): Uint8Array {
  const stdinPath = path.join(directory, file.replace(/\.s$/, '.stdin'));
  return existsSync(stdinPath) ? new Uint8Array(readFileSync(stdinPath)) : new Uint8Array(0);
}

function syscallCases(): Case[] {
  if (!existsSync(SYSCALL_GOLDEN)) return [];
  const golden = JSON.parse(readFileSync(SYSCALL_GOLDEN, 'utf8')) as { programs: { file: string; stdout: string; exitCode: number }[] };
  return golden.programs.map((entry) => ({
    name: entry.file,
    source: path.join(SYSCALL_DIRECTORY, entry.file),
    stdin: stdinFor(SYSCALL_DIRECTORY, entry.file),
    stdout: entry.stdout,
    exitCode: entry.exitCode,
  }));
}

function libcCases(): Case[] {
  if (!existsSync(LIBC_GOLDEN)) return [];
  const golden = JSON.parse(readFileSync(LIBC_GOLDEN, 'utf8')) as Record<string, { stdout: string; exitCode: number | string }>;
  return readdirSync(LIBC_DIRECTORY)
    .filter((file) => file.endsWith('.s') && golden[file.slice(0, -2)])
    .sort()
    .map((file) => ({
      name: file,
      source: path.join(LIBC_DIRECTORY, file),
      stdin: stdinFor(LIBC_DIRECTORY, file),
      stdout: golden[file.slice(0, -2)].stdout,
      exitCode: Number(golden[file.slice(0, -2)].exitCode),
    }));
}

function run(entry: Case, trickle: boolean): { stdout: string; stop: StopReason; steps: number; waits: number } {
  const assembled = assemble(readFileSync(entry.source, 'utf8'), {
    file: entry.source,
    resolveExternal: resolveBuiltin,
    readFile: sourceReader(),
  });
  if (!assembled.ok) throw new Error(`${entry.name}: ${assembled.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('; ')}`);
  const created = Session.create(assembled.program, { programName: entry.name.replace(/\.s$/, '') });
  if (!created.ok) throw new Error(created.error);
  const session = created.session;
  let offset = 0;
  let waits = 0;
  if (!trickle) {
    session.provideInput(entry.stdin);
    session.closeInput();
  }
  let stop: StopReason;
  for (;;) {
    stop = session.run(50_000_000);
    if (stop.kind !== 'waiting-for-input') break;
    waits++;
    if (offset < entry.stdin.length) session.provideInput(entry.stdin.subarray(offset, ++offset));
    else session.closeInput();
  }
  return { stdout: new TextDecoder('latin1').decode(session.stdout), stop, steps: session.steps, waits };
}

const cases = [...syscallCases(), ...libcCases()];

describe('program corpora against the qemu-arm goldens', () => {
  it('has programs to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    const whole = run(entry, false);
    const expected = entry.exitCode > 128 ? { kind: 'fault' } : { kind: 'exit', code: entry.exitCode };
    expect(whole.stop).toMatchObject(expected);
    expect(whole.stdout).toBe(entry.stdout);
    const trickled = run(entry, true);
    expect(trickled.stdout).toBe(entry.stdout);
    expect(trickled.stop).toEqual(whole.stop);
    // Deterministic: the same program and the same stdin chunks give the same count. (A read
    // system call returns what has arrived, so chunking may change how often a program loops.)
    expect(run(entry, false).steps).toBe(whole.steps);
  });
});
