/**
 * The writer against the reference tools: executables Sherwood writes must
 * run under qemu-arm exactly like the ones GNU `as` + `ld` build, and
 * `readelf -lS` must agree on addresses, sizes and flags. Skipped, naming
 * the missing tool, where binutils or qemu-arm are not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GNU_AS, GNU_LD, GNU_OBJDUMP, hasTool, missingTools, QEMU_ARM } from '../../tests/tools';
import { sourceReader } from '../testing/files';
import { assemble } from '../assembler/index';
import type { Program } from '../assembler/program';
import { helloProgram } from './fixtures/hello-program';
import { readElf } from './reader';
import { writeElf } from './writer';

const TOOLS = [GNU_AS, GNU_LD, QEMU_ARM];
const READELF = 'arm-linux-gnueabihf-readelf';
const available = TOOLS.every(hasTool) && hasTool(READELF);
const programsFolder = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../tests/programs');
const fixtures = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const scratch = available ? mkdtempSync(path.join(tmpdir(), 'sherwood-elf-')) : '';
afterAll(() => { if (scratch) rmSync(scratch, { recursive: true, force: true }); });

const outputs = new Map<string, { stdout: string; stderr: string; status: number | null }>();

/** Run a tool; the outputs for GNU-built files are remembered (each is asked about more than once). */
function run(command: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const key = args.some((arg) => arg.endsWith('.gnu')) ? `${command} ${args.join(' ')}` : '';
  const known = key ? outputs.get(key) : undefined;
  if (known !== undefined) return known;
  const result = spawnSync(command, args, { encoding: 'latin1', timeout: 20_000, input: '' });
  const output = { stdout: result.stdout, stderr: result.stderr, status: result.status };
  if (key) outputs.set(key, output);
  return output;
}

const built = new Map<string, string>();

/** Assemble and link with GNU tools (once per source); the executable's path. */
function gnuBuild(source: string, name: string): string {
  const known = built.get(source);
  if (known !== undefined) return known;
  const object = path.join(scratch, `${name}.o`);
  const executable = path.join(scratch, `${name}.gnu`);
  // -I: a program's `.include "lib/..."` is found from its own directory, as Sherwood finds it.
  const assembled = run(GNU_AS, ['-march=armv7ve', '-I', path.dirname(source), source, '-o', object]);
  if (assembled.status !== 0) throw new Error(assembled.stderr);
  const linked = run(GNU_LD, [object, '-o', executable]);
  if (linked.status !== 0) throw new Error(linked.stderr);
  built.set(source, executable);
  return executable;
}

function writeProgram(program: Program, name: string): string {
  const file = path.join(scratch, `${name}.sherwood`);
  writeFileSync(file, writeElf(program), { mode: 0o755 });
  return file;
}

/** The lines of `readelf -lSW` about loaded things: PT_LOAD segments and SHF_ALLOC sections (offsets, addresses, sizes, flags, alignment). */
function loadedLayout(file: string): string[] {
  const output = run(READELF, ['-lSW', file]).stdout;
  return output.split('\n').map((line) => line.trim().replace(/\s+/g, ' '))
    .filter((line) => line.startsWith('LOAD') || /^\[\s*\d+\] \S+ (PROGBITS|NOBITS) \S+ \S+ \S+ \S+ \S*A/.test(line) || line.startsWith('Entry point'));
}

function expectSameBehaviour(ours: string, theirs: string): void {
  const expected = run(QEMU_ARM, [theirs]);
  const actual = run(QEMU_ARM, [ours]);
  expect(actual.stdout).toBe(expected.stdout);
  expect(actual.status).toBe(expected.status);
  expect(actual.stderr).toBe(expected.stderr);
}

describe.skipIf(!available)('written executables under qemu-arm and readelf' + missingTools(...TOOLS, READELF), () => {
  it('the hand-built hello Program runs like the ld-built fixture and matches its layout', () => {
    const ours = writeProgram(helloProgram(), 'hello-fixture');
    const theirs = path.join(fixtures, 'hello.elf');
    expectSameBehaviour(ours, theirs);
    expect(run(QEMU_ARM, [ours])).toMatchObject({ stdout: 'hello\n', status: 42 });
    expect(loadedLayout(ours)).toEqual(loadedLayout(theirs));
    expect(run(READELF, ['-h', ours]).stdout.replace(/Start of section headers:.*\n/, ''))
      .toBe(run(READELF, ['-h', theirs]).stdout.replace(/Start of section headers:.*\n/, ''));
    expect(run(READELF, ['-A', ours]).stdout).toBe(run(READELF, ['-A', theirs]).stdout);
  });

  const programs = readdirSync(programsFolder).filter((name) => name.endsWith('.s'));
  it.each(programs)('%s linked by ld, read and rewritten by Sherwood, runs the same with the same layout', (name) => {
    const theirs = gnuBuild(path.join(programsFolder, name), name);
    const read = readElf(new Uint8Array(readFileSync(theirs)), name);
    if (!read.ok) throw new Error(read.error);
    const ours = writeProgram(read.program, name);
    const layout = loadedLayout(theirs);
    expect(layout.filter((line) => line.startsWith('LOAD')).length).toBeGreaterThan(0);
    expect(layout.filter((line) => line.includes('.text')).length).toBe(1);
    expect(loadedLayout(ours)).toEqual(layout);
    expectSameBehaviour(ours, theirs);
    const again = readElf(new Uint8Array(readFileSync(ours)), name);
    if (!again.ok) throw new Error(again.error);
    expect(again.program.sections).toEqual(read.program.sections);
    expect(again.program.symbols).toEqual(read.program.symbols);
  });

  /** Symbols as readelf lists them, minus section/file symbols and those ld defines itself. */
  function symbolLines(file: string): string[] {
    return run(READELF, ['-sW', file]).stdout.split('\n').slice(3)
      .map((line) => line.trim().split(/\s+/).slice(1).join(' '))
      .filter((line) => line !== '' && !/ (SECTION|FILE) /.test(line) && !/ (_bss_end__|__bss_start__|__bss_end__|__bss_start|__end__|_edata|_end)$/.test(line))
      .sort();
  }

  /**
   * Where `as` leaves a mapping symbol the source map cannot show (see mapping.ts):
   * an empty `.align` before data in a data section.
   */
  const MAPPING_DIFFERENCES = new Set(['itoa.s', 'jump-table.s', 'unaligned-access.s', 'exclusive.s', 'halfword-multiply-saturate.s']);

  it.each(programs)('%s assembled by Sherwood: same layout, symbols and behaviour as GNU as + ld', (name) => {
    const source = path.join(programsFolder, name);
    const theirs = gnuBuild(source, name);
    const assembled = assemble(readFileSync(source, 'utf8'), { file: source, readFile: sourceReader() });
    if (!assembled.ok) throw new Error(assembled.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    const ours = writeProgram(assembled.program, `${name}-assembled`);
    expect(loadedLayout(ours)).toEqual(loadedLayout(theirs));
    const mine = symbolLines(ours);
    const gnu = symbolLines(theirs);
    if (MAPPING_DIFFERENCES.has(name)) {
      const withoutMapping = (lines: string[]) => lines.filter((line) => !/ \$[ad]$/.test(line));
      expect(withoutMapping(mine)).toEqual(withoutMapping(gnu));
      expect(mine.length).toBe(gnu.length);
    } else {
      expect(mine).toEqual(gnu);
    }
    expectSameBehaviour(ours, theirs);
    if (hasTool(GNU_OBJDUMP)) {
      // objdump reads the mapping symbols to tell code from data: its listing of the code must not differ.
      const listing = (file: string) => run(GNU_OBJDUMP, ['-d', file]).stdout.replace(/^.*file format.*$/m, '');
      expect(listing(ours)).toBe(listing(theirs));
    }
  });
});
