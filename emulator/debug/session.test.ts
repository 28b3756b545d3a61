import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import type { Program } from '../assembler/program';
import { resolveBuiltin } from './runtime-bridge';
import { Session, type SessionOptions } from './session';

function program(source: string): Program {
  const result = assemble(source, { file: 'test.s', resolveExternal: resolveBuiltin });
  if (!result.ok) throw new Error(result.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('\n'));
  return result.program;
}

function session(source: string, options: SessionOptions = {}): Session {
  const created = Session.create(program(source), options);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const HELLO = `
  .data
message: .ascii "hi\\n"
  .text
  .global _start
_start:
  mov r0, #1
  ldr r1, =message
  mov r2, #3
  mov r7, #4
  svc #0
  mov r0, #7
  mov r7, #1
  svc #0
`;

const CALLS = `
  .text
  .global _start
_start:
  mov r0, #2
  bl outer
  mov r7, #1
  svc #0
outer:
  push {r4, lr}
  add r0, r0, #1
  bl inner
  pop {r4, pc}
inner:
  add r0, r0, #10
  bx lr
`;

describe('Session', () => {
  it('runs a program to its exit with its output', () => {
    const run = session(HELLO);
    expect(run.run(1000)).toEqual({ kind: 'exit', code: 7 });
    expect(text(run.stdout)).toBe('hi\n');
    expect(run.steps).toBe(8);
    expect(run.run(10)).toEqual({ kind: 'exit', code: 7 });
  });

  it('stops when the budget is spent and continues exactly', () => {
    const run = session(HELLO);
    expect(run.run(3)).toEqual({ kind: 'budget' });
    expect(run.steps).toBe(3);
    expect(run.run(1000)).toEqual({ kind: 'exit', code: 7 });
    expect(run.steps).toBe(8);
  });

  it('stops at a line breakpoint and resumes past it', () => {
    const run = session(HELLO);
    const [address] = run.addressesForLine(10);
    expect(address).toBeDefined();
    run.setBreakpoints([address]);
    expect(run.run(1000)).toEqual({ kind: 'breakpoint', address });
    expect(run.registers()[15]).toBe(address);
    expect(run.run(1000)).toEqual({ kind: 'exit', code: 7 });
  });

  it('steps one instruction at a time and reports the memory each step wrote', () => {
    const run = session(`
  .data
value: .word 0
  .text
  .global _start
_start:
  ldr r1, =value
  mov r0, #42
  str r0, [r1]
  mov r7, #1
  svc #0
`);
    expect(run.step()).toEqual({ kind: 'step' });
    expect(run.step()).toEqual({ kind: 'step' });
    expect(run.registers()[0]).toBe(42);
    expect(run.step()).toEqual({ kind: 'step' });
    expect(run.lastWrites).toEqual([{ address: run.registers()[1], size: 4 }]);
    const read = run.readMemory(run.registers()[1], 4);
    expect(read.ok && Array.from(read.bytes)).toEqual([42, 0, 0, 0]);
  });

  it('steps over a call and steps out of one', () => {
    const over = session(CALLS);
    over.step();
    expect(over.stepOver()).toEqual({ kind: 'step' });
    expect(over.registers()[0]).toBe(13);
    expect(over.registers()[15]).toBe(over.program.entry + 8);

    const out = session(CALLS);
    out.step();
    out.step(); // into outer
    expect(out.callStack().map((frame) => frame.name)).toEqual(['outer', '_start']);
    out.step();
    out.step();
    out.step(); // into inner
    expect(out.callStack().map((frame) => frame.name)).toEqual(['inner', 'outer', '_start']);
    expect(out.stepOut()).toEqual({ kind: 'step' });
    expect(out.callStack().map((frame) => frame.name)).toEqual(['outer', '_start']);
    expect(out.run(100)).toEqual({ kind: 'exit', code: 13 });
  });

  it('stops on a write watchpoint after the writing instruction', () => {
    const run = session(`
  .data
counter: .word 0
  .text
  .global _start
_start:
  ldr r1, =counter
  mov r0, #5
  add r0, r0, #1
  str r0, [r1]
  mov r7, #1
  svc #0
`);
    const symbol = run.program.symbols.find((entry) => entry.name === 'counter')!;
    run.setWatchpoints([{ start: symbol.value, end: symbol.value + 4 }]);
    const stop = run.run(100);
    expect(stop).toMatchObject({ kind: 'watchpoint', address: symbol.value });
    expect(stop.kind === 'watchpoint' && run.source.positionOf(stop.pc)?.line).toBe(10);
    expect(run.run(100)).toEqual({ kind: 'exit', code: 6 });
  });

  it('waits for input and continues exactly, with the same count as when the input was there from the start', () => {
    const source = `
  .bss
buffer: .space 16
  .text
  .global _start
_start:
  mov r0, #0
  ldr r1, =buffer
  mov r2, #16
  mov r7, #3
  svc #0
  mov r2, r0
  mov r0, #1
  ldr r1, =buffer
  mov r7, #4
  svc #0
  mov r7, #1
  svc #0
`;
    const waiting = session(source);
    expect(waiting.run(1000)).toEqual({ kind: 'waiting-for-input' });
    waiting.provideInput('abc');
    expect(waiting.run(1000)).toEqual({ kind: 'exit', code: 3 });
    const ready = session(source);
    ready.provideInput('abc');
    expect(ready.run(1000)).toEqual({ kind: 'exit', code: 3 });
    expect(text(waiting.stdout)).toBe('abc');
    expect(waiting.steps).toBe(ready.steps);
  });

  it('reports faults with plain words and the source line', () => {
    const run = session(`
  .text
  .global _start
_start:
  mov r0, #0
  ldr r1, [r0]
`);
    const stop = run.run(100);
    expect(stop.kind).toBe('fault');
    if (stop.kind !== 'fault') return;
    expect(stop.position?.line).toBe(6);
    expect(stop.message).toContain('0x00000000');
    expect(stop.message).toContain('null pointer');
    expect(stop.status).toBe(139);
  });

  it('faults on Thumb branches, writes to code, misaligned LDM and stack overflow', () => {
    const thumb = session(' .global _start\n_start:\n ldr r0, =0x10001\n bx r0\n').run(10);
    expect(thumb).toMatchObject({ kind: 'fault', fault: { type: 'thumb' } });
    expect(thumb.kind === 'fault' && thumb.message).toContain('Thumb state is not supported');

    const code = session(' .global _start\n_start:\n adr r1, _start\n str r0, [r1]\n').run(10);
    expect(code).toMatchObject({ kind: 'fault', fault: { type: 'memory', memory: { reason: 'permission', access: 'write' } } });

    const aligned = session(' .global _start\n_start:\n sub r1, sp, #2\n ldr r0, [r1]\n ldm r1, {r2, r3}\n').run(10);
    expect(aligned).toMatchObject({ kind: 'fault', fault: { type: 'memory', memory: { reason: 'alignment' } } });

    const overflow = session(' .global _start\n_start:\n push {r0-r12}\n b _start\n').run(10_000_000);
    expect(overflow).toMatchObject({ kind: 'fault', fault: { type: 'memory', memory: { reason: 'guard' } } });
    expect(overflow.kind === 'fault' && overflow.message).toContain('stack overflow');
  });

  it('starts at main through the built-in start-up and calls built-in C functions', () => {
    const run = session(`
  .data
format: .asciz "%d-%s\\n"
word: .asciz "ok"
  .text
  .global main
main:
  push {lr}
  ldr r0, =format
  mov r1, #42
  ldr r2, =word
  bl printf
  mov r0, #3
  pop {pc}
`);
    expect(run.run(100_000)).toEqual({ kind: 'exit', code: 3 });
    expect(text(run.stdout)).toBe('42-ok\n');
  });

  it('answers an unknown system call with -ENOSYS and warns once', () => {
    const warnings: string[] = [];
    const run = session(' .global _start\n_start:\n mov r7, #250\n svc #0\n svc #0\n mov r7, #1\n svc #0\n', { onWarning: (message) => warnings.push(message) });
    const stop = run.run(100);
    expect(stop).toEqual({ kind: 'exit', code: -38 & 0xff });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('250');
  });

  it('lets the debugger change registers and flags while stopped', () => {
    const run = session(' .global _start\n_start:\n addeq r0, r0, #1\n mov r7, #1\n svc #0\n');
    run.setRegister(0, 40);
    run.setFlags({ z: true });
    expect(run.setRegister(15, 2)).toContain('multiple of 4');
    expect(run.run(10)).toEqual({ kind: 'exit', code: 41 });
    expect(run.flags().z).toBe(true);
  });

  it('reports a fault inside a built-in C function at the line that called it', () => {
    const run = session(`
  .text
  .global main
main:
  push {r4, lr}
  ldr r0, =0x7
  bl strlen
  pop {r4, pc}
`);
    const stop = run.run(1000);
    expect(stop.kind).toBe('fault');
    if (stop.kind === 'fault') {
      expect(stop.position?.line).toBe(7);
      expect(stop.status).toBe(139);
    }
    const aborting = session(`
  .text
  .global main
main:
  push {r4, lr}
  bl abort
  pop {r4, pc}
`);
    const aborted = aborting.run(1000);
    expect(aborted).toMatchObject({ kind: 'fault', status: 134, position: { line: 6 } });
  });
});
