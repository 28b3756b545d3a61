/**
 * The emulator's hooks for the diagnostics, with fake checkers: the memory bus
 * hands slow-path accesses in the checked range to the checker and stops a
 * flagged load before its instruction and a flagged store after it; bulk
 * copies are not checked. (The call and return hooks: emulator/cpu/call-checks.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { Cpu, RUN_FAULT, RUN_TRAP, RUN_WATCH } from '../../emulator/cpu/cpu';
import { MEMORY_CHECKED, type AccessChecker } from '../../emulator/cpu/interfaces';
import { HEAP_SIZE, HEAP_START, testMachine } from '../../emulator/cpu/test-machine';

const CHECKED = HEAP_START;


class RecordingAccesses implements AccessChecker {
  readonly seen: string[] = [];
  constructor(private readonly flagged: number) {}
  checkAccess(address: number, size: number, write: boolean): boolean {
    this.seen.push(`${write ? 'w' : 'r'}${size}@${address.toString(16)}`);
    return address === this.flagged;
  }
}

describe('the memory hook', () => {
  const program = `
    .text
    .global _start
_start:
    ldr r1, =0x40000
    mov r0, #7
    str r0, [r1]
    str r0, [r1, #8]
    ldr r2, [r1, #4]
    ldr r3, [r1, #8]
    add r4, r2, r3
    svc #0
`;

  it('sees every access in the checked range; a flagged store stops after it, a flagged load before it', () => {
    const { cpu, memory } = testMachine(program);
    const checker = new RecordingAccesses(CHECKED + 8);
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    expect(cpu.run(100)).toBe(RUN_WATCH);
    expect(memory.status).toBe(MEMORY_CHECKED);
    expect(memory.read8(CHECKED + 8)).toBe(7); // the store happened
    expect(cpu.steps).toBe(4);
    checker.seen.length = 0;
    expect(cpu.run(100)).toBe(RUN_FAULT);
    expect(cpu.fault).toBeUndefined();
    expect(memory.status).toBe(MEMORY_CHECKED);
    expect(cpu.steps).toBe(5); // stopped before the load of [r1, #8]
    expect(cpu.registers[3]).toBe(0);
    expect(checker.seen).toEqual(['r4@40004', 'r4@40008']);
  });

  it('leaves bulk copies (debugger, system calls reading) and forced writes unchecked, and detaches cleanly', () => {
    const { cpu, memory } = testMachine(program);
    const checker = new RecordingAccesses(-1);
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    memory.readBytes(CHECKED, 16);
    memory.readCString(CHECKED);
    memory.writeBytes(CHECKED, Uint8Array.of(1, 2), true);
    expect(checker.seen).toEqual([]);
    memory.writeBytes(CHECKED, Uint8Array.of(1));
    expect(checker.seen).toEqual(['w1@40000']);
    memory.setAccessChecker(undefined);
    checker.seen.length = 0;
    expect(cpu.run(100)).toBe(RUN_TRAP);
    expect(checker.seen).toEqual([]);
    expect(cpu.registers[4]).toBe(7);
  });
});
