/**
 * Drives the reference tools: GNU `as -march=armv7ve` + `ld` (the bytes a
 * source must become) and `qemu-arm` (what a program must print and return).
 * Used by scripts/regenerate-golden.ts and by the live comparisons.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GNU_AS, GNU_LD, QEMU_ARM } from '../tools';
import { readElfSections, type ElfSection } from './elf-sections';

/** One message GNU `as` or `ld` printed; `line` is 0 when it names no line. */
export interface GnuMessage {
  line: number;
  text: string;
}

export type GnuBuild =
  | { ok: true; sections: ElfSection[]; entry: number; elf: Uint8Array }
  | { ok: false; messages: GnuMessage[] };

export interface GnuOptions {
  /** Directory `as` runs in, so `.include "x"` finds files beside the source. */
  directory?: string;
  /** Name of the source file inside `directory` (or of the temporary file). */
  fileName?: string;
  /** Link with `ld` after assembling (default true). */
  link?: boolean;
}

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), 'sherwood-gnu-'));
}

/**
 * Parses `file.s:12: Error: ...` / `file.s:12: Warning: ...` and bare
 * `file.s:12: message` lines (GNU prints some deprecations without a tag).
 */
export function parseGnuMessages(stderr: string, fileName: string): GnuMessage[] {
  const messages: GnuMessage[] = [];
  const prefix = fileName + ':';
  for (const text of stderr.split('\n')) {
    if (text.trim() === '' || text.endsWith('Assembler messages:')) continue;
    let line = 0;
    if (text.startsWith(prefix)) {
      const match = /^(\d+):/.exec(text.slice(prefix.length));
      if (match) line = Number(match[1]);
    }
    messages.push({ line, text });
  }
  return messages;
}

/**
 * Assembles (and links) `source` with GNU tools. Any message at all, error or
 * warning, from `as` or `ld` counts as failure: the suite only keeps sources
 * GNU takes silently.
 */
export function buildWithGnu(source: string, options: GnuOptions = {}): GnuBuild {
  const work = scratch();
  try {
    const directory = options.directory ?? work;
    const fileName = options.fileName ?? 'source.s';
    const sourcePath = options.directory ? path.join(directory, fileName) : path.join(work, fileName);
    if (!options.directory) writeFileSync(sourcePath, source);
    const objectPath = path.join(work, 'out.o');
    const assembled = spawnSync(GNU_AS, ['-march=armv7ve', '-o', objectPath, fileName], {
      cwd: directory,
      encoding: 'utf8',
    });
    const messages = parseGnuMessages(assembled.stderr ?? '', fileName);
    if (assembled.status !== 0 || messages.length > 0) {
      if (messages.length === 0) messages.push({ line: 0, text: `${GNU_AS} exited with ${assembled.status}` });
      return { ok: false, messages };
    }
    const executablePath = path.join(work, 'out.elf');
    if (options.link !== false) {
      const linked = spawnSync(GNU_LD, ['-o', executablePath, objectPath], { encoding: 'utf8' });
      const linkMessages = parseGnuMessages(linked.stderr ?? '', fileName);
      if (linked.status !== 0 || linkMessages.length > 0) {
        if (linkMessages.length === 0) linkMessages.push({ line: 0, text: `${GNU_LD} exited with ${linked.status}` });
        return { ok: false, messages: linkMessages };
      }
    }
    const elf = new Uint8Array(readFileSync(options.link === false ? objectPath : executablePath));
    const read = readElfSections(elf);
    if (!read.ok) return { ok: false, messages: [{ line: 0, text: read.error }] };
    return { ok: true, sections: read.sections, entry: read.entry, elf };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface ProgramRun {
  stdout: string;
  exitCode: number;
  /** Set when qemu-arm itself failed or the program died from a signal. */
  problem?: string;
}

/** Runs an ARM ELF executable under qemu-arm with `stdin` as its input, 10 s at most. */
export function runWithQemu(elf: Uint8Array, stdin = ''): ProgramRun {
  const work = scratch();
  try {
    const executable = path.join(work, 'program');
    writeFileSync(executable, elf);
    chmodSync(executable, 0o755);
    const run = spawnSync(QEMU_ARM, [executable], { encoding: 'utf8', input: stdin, timeout: 10_000 });
    const problem = run.error
      ? String(run.error.message)
      : run.signal
        ? `killed by ${run.signal}${run.stderr ? ': ' + run.stderr.trim() : ''}`
        : undefined;
    return { stdout: run.stdout ?? '', exitCode: run.status ?? -1, ...(problem ? { problem } : {}) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface CommandResult {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
  error?: string;
}

/** Runs a command without blocking, so several programs can run side by side. */
export function runCommand(command: string, args: readonly string[], timeoutMs = 20_000, stdin = ''): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => undefined); // the program may exit without reading it all
    child.stdin.end(stdin);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let error: string | undefined;
    const timer = setTimeout(() => {
      error = `timed out after ${timeoutMs} ms`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (cause) => {
      error = cause.message;
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        status,
        signal,
        ...(error ? { error } : {}),
      });
    });
  });
}

/** `runWithQemu` without blocking: writes the executable, runs it, removes it. */
export async function runWithQemuAsync(elf: Uint8Array, stdin = ''): Promise<ProgramRun> {
  const work = scratch();
  try {
    const executable = path.join(work, 'program');
    writeFileSync(executable, elf);
    chmodSync(executable, 0o755);
    return await runExecutable(executable, stdin);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs an ARM executable file already on disk under qemu-arm. */
export async function runExecutable(executable: string, stdin = ''): Promise<ProgramRun> {
  const run = await runCommand(QEMU_ARM, [executable], 10_000, stdin);
  const problem = run.error ?? (run.signal ? `killed by ${run.signal}${run.stderr ? ': ' + run.stderr.trim() : ''}` : undefined);
  return { stdout: run.stdout, exitCode: run.status ?? -1, ...(problem ? { problem } : {}) };
}
