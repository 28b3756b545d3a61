/**
 * The `sherwood` command as a user runs it: `node bin/sherwood.js ...` (the
 * bundle the global setup builds), its exit statuses, stderr format, and
 * executables that run under qemu-arm like GNU-built ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../emulator/cli/main';
import { nodeFileSystem } from '../../emulator/cli/files';
import { assembler } from '../../emulator/cli/toolchain';
import { GNU_AS, GNU_LD, GNU_OBJDUMP, hasTool, missingTools, QEMU_ARM } from '../tools';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fixture = path.join(root, 'emulator/elf/fixtures/hello.elf');
const programs = path.join(root, 'tests/programs');
const scratch = mkdtempSync(path.join(tmpdir(), 'sherwood-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function sherwood(...args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/sherwood.js'), ...args], { cwd: scratch, encoding: 'utf8', timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

/** The same command in this process (no node start-up per call), for the per-program checks. */
async function sherwoodInProcess(...args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  let stdout = '';
  let stderr = '';
  const context = {
    stdout: (text: string) => { stdout += text; },
    stderr: (text: string) => { stderr += text; },
    files: nodeFileSystem,
    assemble: assembler,
  };
  const status = await main(args, context);
  return { stdout, stderr, status };
}

function run(command: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const result = spawnSync(command, args, { cwd: scratch, encoding: 'latin1', timeout: 20_000, input: '' });
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

describe('sherwood: help, version, usage and file errors, executables', () => {
  it('--help lists the commands on stdout, status 0', () => {
    const result = sherwood('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: sherwood COMMAND/);
    expect(result.stdout).toContain('  assemble');
    expect(result.stdout).toContain('  disasm');
    expect(result.stderr).toBe('');
    expect(sherwood('help', 'disasm').stdout).toMatch(/^Usage: sherwood disasm FILE/);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(sherwood('--version')).toEqual({ stdout: `sherwood ${version}\n`, stderr: '', status: 0 });
  });

  it('an unknown command or option prints usage on stderr, status 2', () => {
    for (const args of [['frobnicate'], ['--frobnicate'], [], ['assemble', 'x.s', '--fast']]) {
      const result = sherwood(...args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/Usage: sherwood/);
      expect(result.stdout).toBe('');
    }
  });

  it('a missing or unreadable file gets a one-line reason, status 2', () => {
    expect(sherwood('assemble', 'missing.s')).toEqual({ stdout: '', stderr: 'sherwood: cannot read missing.s: no such file\n', status: 2 });
    mkdirSync(path.join(scratch, 'folder.s'), { recursive: true });
    expect(sherwood('disasm', 'folder.s')).toEqual({ stdout: '', stderr: 'sherwood: cannot read folder.s: is a directory, not a file\n', status: 2 });
  });

  it('disasm of an ld-built executable lists its code', () => {
    const result = sherwood('disasm', fixture);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('00010074 <_start>:\n   10074:\te3a00001 \tmov\tr0, #1\n');
  });

  it.skipIf(!hasTool(GNU_OBJDUMP))('disasm of an ld-built executable is what objdump -d prints' + missingTools(GNU_OBJDUMP), () => {
    expect(sherwood('disasm', fixture).stdout).toBe(run(GNU_OBJDUMP, ['-d', fixture]).stdout);
  });

  it('disasm of a damaged executable names the damage, status 1', () => {
    writeFileSync(path.join(scratch, 'cut.elf'), readFileSync(fixture).subarray(0, 100));
    const result = sherwood('disasm', 'cut.elf');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sherwood: cut.elf: truncated or damaged: .*\n$/);
  });
});

describe('sherwood with assembly source', () => {
  it('reports every assembly error as FILE:LINE:COL: error: MESSAGE (+ hint), status 1, and writes nothing', () => {
    writeFileSync(path.join(scratch, 'bad.s'), '_start:\n\tadd r0, r0, #0x101\n\tmvo r1, r2\n');
    const result = sherwood('assemble', 'bad.s');
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^bad\.s:2:14: error: .*0x101.*/);
    expect(lines[1]).toMatch(/^ {2}hint: .+/);
    expect(lines.some((line) => /^bad\.s:3:\d+: error: .+/.test(line))).toBe(true);
    for (const line of lines) expect(line).toMatch(/^(bad\.s:\d+:\d+: (error|warning|note): |\s+hint: )/);
    expect(existsSync(path.join(scratch, 'bad'))).toBe(false);
  });

  it('resolves .include relative to the including file', () => {
    mkdirSync(path.join(scratch, 'project/lib'), { recursive: true });
    writeFileSync(path.join(scratch, 'project/main.s'), '\t.include "lib/exit.s"\n\t.global _start\n_start:\n\tmov r0, #7\n\texit_now\n');
    writeFileSync(path.join(scratch, 'project/lib/exit.s'), '\t.macro exit_now\n\tmov r7, #1\n\tsvc #0\n\t.endm\n');
    const result = sherwood('assemble', 'project/main.s');
    expect(result).toEqual({ stdout: '', stderr: '', status: 0 });
    expect(existsSync(path.join(scratch, 'project/main'))).toBe(true);
    if (hasTool(QEMU_ARM)) expect(run(QEMU_ARM, ['project/main']).status).toBe(7);
  });

  it('disasm of a source file lists its code as it would be assembled', () => {
    writeFileSync(path.join(scratch, 'tiny.s'), '\t.global _start\n_start:\n\tmov r0, #1\n\tmov r7, #1\n\tsvc #0\n');
    const result = sherwood('disasm', 'tiny.s');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('00010054 <_start>:\n   10054:\te3a00001 \tmov\tr0, #1\n');
  });

  it('assemble of a program that calls a built-in C function explains why it cannot link', async () => {
    writeFileSync(path.join(scratch, 'printf.s'), '\t.global main\nmain:\n\tbl printf\n');
    const result = await sherwoodInProcess('assemble', path.join(scratch, 'printf.s'), '-o', path.join(scratch, 'printf'));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("error: undefined reference to `printf'\n  hint: printf is one of Sherwood's built-in C functions");
  });

  it('disasm of a source file that calls C functions names the built-ins it calls', async () => {
    writeFileSync(path.join(scratch, 'calls.s'), '\t.global main\nmain:\n\tpush {r4, lr}\n\tmov r0, #16\n\tbl malloc\n\tbl free\n\tmov r0, #0\n\tpop {r4, pc}\n');
    const result = await sherwoodInProcess('disasm', path.join(scratch, 'calls.s'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\tbl\t[0-9a-f]+ <malloc>\n/);
    expect(result.stdout).toMatch(/\tbl\t[0-9a-f]+ <free>\n/);
  });

  const tools = [GNU_AS, GNU_LD, QEMU_ARM];
  const sources = readdirSync(programs).filter((name) => name.endsWith('.s'));
  describe.skipIf(!tools.every(hasTool))('programs assembled by sherwood run under qemu-arm like GNU-built ones' + missingTools(...tools), () => {
    it('as a user runs it: node bin/sherwood.js assemble hello.s -o hello, then qemu-arm ./hello', () => {
      expect(sherwood('assemble', path.join(programs, 'hello.s'), '-o', 'hello')).toEqual({ stdout: '', stderr: '', status: 0 });
      expect(run(QEMU_ARM, ['./hello'])).toMatchObject({ stdout: 'Hello, world!\n', status: 0 });
    });

    it.each(sources)('%s', async (name) => {
      const source = path.join(programs, name);
      const gnu = path.join(scratch, `${name}.gnu`);
      expect(run(GNU_AS, ['-march=armv7ve', '-I', programs, source, '-o', `${gnu}.o`]).status).toBe(0);
      expect(run(GNU_LD, [`${gnu}.o`, '-o', gnu]).status).toBe(0);
      const ours = path.join(scratch, `${name}.sherwood`);
      expect(await sherwoodInProcess('assemble', source, '-o', ours)).toEqual({ stdout: '', stderr: '', status: 0 });
      const expected = run(QEMU_ARM, [gnu]);
      const actual = run(QEMU_ARM, [ours]);
      expect({ stdout: actual.stdout, status: actual.status }).toEqual({ stdout: expected.stdout, status: expected.status });
      if (hasTool(GNU_OBJDUMP)) {
        // `sherwood disasm FILE.s` lists what objdump -d lists for the GNU-built executable.
        const withoutBanner = (text: string) => text.replace(/^\n.*file format elf32-littlearm\n/, '');
        const listing = await sherwoodInProcess('disasm', source);
        expect(listing.status).toBe(0);
        expect(withoutBanner(listing.stdout)).toBe(withoutBanner(run(GNU_OBJDUMP, ['-d', gnu]).stdout));
      }
    });
  });
});
