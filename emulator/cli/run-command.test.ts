import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { runCommand } from './run-command';
import { memoryContext } from './test-support';

const ECHO = `
  .bss
buffer: .space 64
  .text
  .global _start
_start:
  mov r0, #0
  ldr r1, =buffer
  mov r2, #64
  mov r7, #3
  svc #0
  mov r2, r0
  mov r0, #1
  ldr r1, =buffer
  mov r7, #4
  svc #0
  mov r0, #5
  mov r7, #1
  svc #0
`;

function collect(): { write: (bytes: Uint8Array) => void; text: () => string } {
  const chunks: Uint8Array[] = [];
  return { write: (bytes) => void chunks.push(bytes), text: () => Buffer.concat(chunks).toString('latin1') };
}

describe('sherwood run', () => {
  it('runs a program with --stdin and exits with its status', async () => {
    const context = memoryContext({ 'echo.s': ECHO, 'in.txt': 'hello' }, assemble);
    const output = collect();
    expect(await runCommand(['echo.s', '--stdin', 'in.txt'], context, output.write)).toBe(5);
    expect(output.text()).toBe('hello');
  });

  it('prints one JSON object with --json', async () => {
    const context = memoryContext({ 'echo.s': ECHO, 'in.txt': 'abc' }, assemble);
    expect(await runCommand(['--json', 'echo.s', '--stdin', 'in.txt'], context)).toBe(5);
    const result = JSON.parse(context.output().stdout);
    expect(result).toMatchObject({ exitCode: 5, stdout: 'abc', steps: 13, fault: null, diagnostics: [] });
    expect(result.registers).toHaveLength(16);
    expect(result.flags).toEqual({ n: false, z: false, c: false, v: false });
  });

  it('reports a fault as FILE:LINE: fault: and exits 139', async () => {
    const context = memoryContext({ 'crash.s': ' .global _start\n_start:\n mov r0, #0\n str r0, [r0]\n' }, assemble);
    expect(await runCommand(['crash.s'], context, () => {})).toBe(139);
    expect(context.output().stderr).toMatch(/^crash\.s:4: fault: write of 4 bytes at 0x00000000/);
  });

  it('stops at the step limit with exit status 124', async () => {
    const context = memoryContext({ 'loop.s': ' .global _start\n_start:\n b _start\n' }, assemble);
    expect(await runCommand(['--json', 'loop.s', '--max-steps', '1000'], context)).toBe(124);
    const result = JSON.parse(context.output().stdout);
    expect(result.steps).toBe(1000);
    expect(result.fault).toMatchObject({ kind: 'step-limit', line: 3 });
    expect(result.diagnostics[0]).toMatchObject({ kind: 'fault', line: 3 });
  });

  it('passes arguments after -- as argv', async () => {
    const source = ' .global main\nmain:\n mov r0, r0\n bx lr\n';
    const context = memoryContext({ 'argc.s': source }, assemble);
    expect(await runCommand(['argc.s', '--', 'one', 'two'], context, () => {})).toBe(3);
  });

  it('explains usage errors and unreadable files', async () => {
    const context = memoryContext({}, assemble);
    expect(await runCommand(['--max-steps', 'x', 'a.s'], context)).toBe(2);
    expect(await runCommand(['missing.s'], context)).toBe(2);
    expect(context.output().stderr).toContain('cannot read missing.s');
  });
});
