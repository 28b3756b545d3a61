import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AssembleResult, Program } from '../assembler/program';
import { helloProgram } from '../elf/fixtures/hello-program';
import { readElf } from '../elf/reader';
import { defaultOutputPath } from './assemble-command';
import type { Assemble } from './command';
import { main } from './main';
import { formatDiagnostic } from './source';
import { memoryContext } from './test-support';

const ldHello = new Uint8Array(readFileSync(new URL('../elf/fixtures/hello.elf', import.meta.url)));
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** An assembler double: the hello Program for any source without "bad", diagnostics otherwise. */
const fakeAssemble: Assemble = (source, options): AssembleResult => {
  const position = { file: options.file ?? '', line: 3, column: 9, length: 5 };
  if (source.includes('bad')) {
    return {
      ok: false,
      diagnostics: [
        { ...position, severity: 'error', message: '0x101 cannot be encoded as a rotated 8-bit immediate', hint: 'use `ldr r0, =0x101` or `movw`' },
        { ...position, line: 7, column: 1, severity: 'error', message: "unknown instruction 'mvo'" },
      ],
    };
  }
  const included = source.match(/\.include "(.*)"/);
  if (included && options.readFile?.(included[1]) === undefined) {
    return { ok: false, diagnostics: [{ ...position, severity: 'error', message: `cannot find the include file '${included[1]}'` }] };
  }
  const program: Program = { ...helloProgram(), file: options.file ?? '' };
  program.diagnostics = source.includes('warn') ? [{ ...position, severity: 'warning', message: 'shift by 0 ignored' }] : [];
  return { ok: true, program };
};

describe('sherwood main', () => {
  it('prints help and the version on stdout with status 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const context = memoryContext();
      expect(await main(argv, context)).toBe(0);
      expect(context.output().stdout).toMatch(/^Usage: sherwood COMMAND/);
      for (const name of ['assemble', 'run', 'disasm', 'help']) expect(context.output().stdout).toMatch(new RegExp(`\\n  ${name} +\\S`));
      expect(context.output().stderr).toBe('');
    }
    const context = memoryContext();
    expect(await main(['--version'], context)).toBe(0);
    expect(context.output().stdout).toBe(`sherwood ${version}\n`);
  });

  it('prints a command usage for help COMMAND and COMMAND --help', async () => {
    for (const argv of [['help', 'assemble'], ['assemble', '--help'], ['assemble', 'x.s', '-h']]) {
      const context = memoryContext();
      expect(await main(argv, context)).toBe(0);
      expect(context.output().stdout).toMatch(/^Usage: sherwood assemble FILE.s \[-o OUTPUT\]/);
    }
  });

  it.each([
    [[], /^sherwood: no command given\n\nUsage:/],
    [['--frobnicate'], /^sherwood: unknown option --frobnicate\n\nUsage:/],
    [['asemble', 'x.s'], /^sherwood: unknown command 'asemble'; did you mean 'assemble'\?\n\nUsage:/],
    [['zzzzzz'], /^sherwood: unknown command 'zzzzzz'\n\nUsage:/],
    [['help', 'nothing'], /^sherwood: unknown command 'nothing'/],
    [['assemble'], /^sherwood assemble: no input file given\n\nUsage: sherwood assemble/],
    [['assemble', 'a.s', 'b.s'], /^sherwood assemble: give exactly one input file/],
    [['assemble', 'a.s', '--fast'], /^sherwood assemble: unknown option --fast\n\nUsage: sherwood assemble/],
    [['assemble', 'a.s', '-o'], /^sherwood assemble: option -o needs a value/],
    [['assemble', 'a.s', '-o', 'a.s'], /the output file a.s is the input file/],
    [['disasm'], /^sherwood disasm: no input file given/],
    [['disasm', '-x', 'a.elf'], /^sherwood disasm: unknown option -x/],
  ])('%j is a usage error: status 2, message on stderr', async (argv, message) => {
    const context = memoryContext({ 'a.s': 'mov r0, #1\n' }, fakeAssemble);
    expect(await main(argv, context)).toBe(2);
    expect(context.output().stderr).toMatch(message);
    expect(context.output().stdout).toBe('');
  });

  it('reports a missing or unwritable file on one line with status 2', async () => {
    let context = memoryContext({}, fakeAssemble);
    expect(await main(['assemble', 'missing.s'], context)).toBe(2);
    expect(context.output().stderr).toBe('sherwood: cannot read missing.s: no such file\n');
    context = memoryContext({}, fakeAssemble);
    expect(await main(['disasm', 'missing.elf'], context)).toBe(2);
    expect(context.output().stderr).toBe('sherwood: cannot read missing.elf: no such file\n');
    context = memoryContext({ 'a.s': 'mov r0, #1\n' }, fakeAssemble);
    expect(await main(['assemble', 'a.s', '-o', '/readonly/a'], context)).toBe(2);
    expect(context.output().stderr).toBe('sherwood: cannot write /readonly/a: permission denied\n');
  });

  it('prints every assembly error as FILE:LINE:COL: error: MESSAGE with its hint, status 1, no output file', async () => {
    const context = memoryContext({ 'prog/bad.s': 'bad\n' }, fakeAssemble);
    expect(await main(['assemble', 'prog/bad.s'], context)).toBe(1);
    expect(context.output().stderr).toBe(
      'prog/bad.s:3:9: error: 0x101 cannot be encoded as a rotated 8-bit immediate\n' +
      '  hint: use `ldr r0, =0x101` or `movw`\n' +
      "prog/bad.s:7:1: error: unknown instruction 'mvo'\n",
    );
    expect(context.files.contents.has('prog/bad')).toBe(false);
  });

  it('writes the executable, printing warnings, to the default or the given path', async () => {
    let context = memoryContext({ 'prog/hello.s': 'warn\n' }, fakeAssemble);
    expect(await main(['assemble', 'prog/hello.s'], context)).toBe(0);
    expect(context.output().stderr).toBe('prog/hello.s:3:9: warning: shift by 0 ignored\n');
    const written = context.files.contents.get('prog/hello');
    const read = written ? readElf(written) : undefined;
    expect(read?.ok && read.program.entry).toBe(0x10074);
    context = memoryContext({ 'hello.s': 'mov r0, #1\n' }, fakeAssemble);
    expect(await main(['assemble', 'hello.s', '-o', 'out.elf'], context)).toBe(0);
    expect(context.output()).toEqual({ stdout: '', stderr: '' });
    expect([...context.files.contents.keys()]).toEqual(['hello.s', 'out.elf']);
  });

  it('warns, as ld does, when there is no _start, and still writes the executable', async () => {
    const context = memoryContext({ 'main.s': 'mov r0, #1\n' }, (source, options) => {
      const result = fakeAssemble(source, options);
      if (result.ok) result.program.hasStart = false;
      return result;
    });
    expect(await main(['assemble', 'main.s'], context)).toBe(0);
    expect(context.output().stderr).toBe(
      'main.s: warning: no _start symbol; the executable starts at 0x00010074, the beginning of .text, as ld does\n' +
      '  hint: define and .global _start; a program with only main runs under `sherwood run`, which provides the start-up\n');
    expect(context.files.contents.has('main')).toBe(true);
  });

  it('reads .include files through its file system', async () => {
    let context = memoryContext({ 'main.s': '.include "lib/inc.s"\n', 'lib/inc.s': '' }, fakeAssemble);
    expect(await main(['assemble', 'main.s'], context)).toBe(0);
    context = memoryContext({ 'main.s': '.include "lib/none.s"\n' }, fakeAssemble);
    expect(await main(['assemble', 'main.s'], context)).toBe(1);
    expect(context.output().stderr).toMatch(/^main.s:3:9: error: cannot find the include file 'lib\/none.s'\n$/);
  });

  it('disassembles an ELF file by its contents, and rejects a damaged one with its reason', async () => {
    let context = memoryContext({ 'hello': ldHello });
    expect(await main(['disasm', 'hello'], context)).toBe(0);
    expect(context.output().stdout).toMatch(/^\nhello:     file format elf32-littlearm\n\n\nDisassembly of section .text:\n\n00010074 <_start>:\n {3}10074:\te3a00001 \tmov\tr0, #1\n/);
    context = memoryContext({ 'broken.elf': ldHello.subarray(0, 200) });
    expect(await main(['disasm', 'broken.elf'], context)).toBe(1);
    expect(context.output().stderr).toMatch(/^sherwood: broken.elf: truncated or damaged: the section header table .*\n$/);
  });

  it('refuses to assemble an executable or other binary file, status 1', async () => {
    let context = memoryContext({ 'hello': ldHello }, fakeAssemble);
    expect(await main(['assemble', 'hello', '-o', 'x'], context)).toBe(1);
    expect(context.output().stderr).toBe('sherwood: hello: is an ELF file, not assembly source; `sherwood disasm` lists it\n');
    context = memoryContext({ 'data.bin': new Uint8Array([0x6d, 0x6f, 0x76, 0, 1]) }, fakeAssemble);
    expect(await main(['disasm', 'data.bin'], context)).toBe(1);
    expect(context.output().stderr).toBe('sherwood: data.bin: is a binary file, not assembly source text\n');
  });

  it('says so when the build has no assembler, and turns a throwing assembler into an internal error', async () => {
    let context = memoryContext({ 'a.s': '' });
    expect(await main(['assemble', 'a.s'], context)).toBe(1);
    expect(context.output().stderr).toMatch(/no assembler/);
    context = memoryContext({ 'a.s': '' }, () => { throw new Error('boom'); });
    expect(await main(['assemble', 'a.s'], context)).toBe(1);
    expect(context.output().stderr).toBe('sherwood: internal error while assembling a.s: boom\n');
  });
});

describe('defaultOutputPath and formatDiagnostic', () => {
  it.each([
    ['hello.s', 'hello'], ['dir/prog.S', 'dir/prog'], ['x.asm', 'x'], ['notes.txt', 'notes.txt.elf'],
    ['hello', 'hello.elf'], ['.s', '.s.elf'], ['dir/.s', 'dir/.s.elf'], ['a.b.s', 'a.b'],
  ])('%s -> %s', (input, output) => {
    expect(defaultOutputPath(input)).toBe(output);
  });

  it('falls back to the given file when a diagnostic has none', () => {
    expect(formatDiagnostic({ file: '', line: 1, column: 2, length: 0, severity: 'note', message: 'm' }, 'f.s')).toBe('f.s:1:2: note: m\n');
  });
});
