import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { Session } from '../debug/session';
import { DEFAULT_START_SECONDS, PROCESS_ID } from './syscalls';

function run(body: string): Session {
  const result = assemble(` .bss\nbuffer: .space 64\n .text\n .global _start\n_start:\n${body}\n mov r0, #0\n mov r7, #1\n svc #0\n`, { file: 'syscalls.s' });
  if (!result.ok) throw new Error(result.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('\n'));
  const created = Session.create(result.program);
  if (!created.ok) throw new Error(created.error);
  expect(created.session.run(10_000)).toEqual({ kind: 'exit', code: 0 });
  return created.session;
}

describe('Linux system calls', () => {
  it('moves the program break with brk and maps the new memory', () => {
    const session = run(`
 mov r0, #0
 mov r7, #45
 svc #0
 mov r4, r0
 add r0, r4, #8192
 svc #0
 mov r5, r0
 str r5, [r4, #4092]
 ldr r6, [r4, #4092]`);
    const [, , , , start, end, stored] = session.registers();
    expect(start % 4096).toBe(0);
    expect(end).toBe(start + 8192);
    expect(stored).toBe(end);
  });

  it('answers getpid and the clocks from a deterministic virtual clock', () => {
    const session = run(`
 mov r7, #20
 svc #0
 mov r4, r0
 mov r0, #0
 mov r7, #13
 svc #0
 mov r5, r0
 ldr r1, =buffer
 mov r0, #0
 ldr r7, =263
 svc #0
 ldr r1, =buffer
 ldr r6, [r1]
 ldr r0, =buffer
 mov r1, #0
 mov r7, #78
 svc #0
 ldr r1, =buffer
 ldr r8, [r1]`);
    const registers = session.registers();
    expect(registers[4]).toBe(PROCESS_ID);
    expect(registers[5]).toBe(DEFAULT_START_SECONDS);
    expect(registers[6]).toBe(DEFAULT_START_SECONDS);
    expect(registers[8]).toBe(DEFAULT_START_SECONDS);
  });

  it('advances the clock by nanosleep instead of waiting', () => {
    const session = run(`
 ldr r0, =buffer
 mov r1, #5
 str r1, [r0]
 mov r1, #0
 str r1, [r0, #4]
 mov r7, #162
 svc #0
 mov r4, r0
 mov r0, #0
 mov r7, #13
 svc #0
 mov r5, r0`);
    expect(session.registers()[4]).toBe(0);
    expect(session.registers()[5]).toBe(DEFAULT_START_SECONDS + 5);
  });

  it('returns -EFAULT for a bad buffer and -EBADF for an unknown descriptor', () => {
    const session = run(`
 mov r0, #1
 mov r1, #0
 mov r2, #4
 mov r7, #4
 svc #0
 mov r4, r0
 mov r0, #9
 ldr r1, =buffer
 svc #0
 mov r5, r0`);
    expect(session.registers()[4] | 0).toBe(-14);
    expect(session.registers()[5] | 0).toBe(-9);
  });
});
