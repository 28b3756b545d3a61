/**
 * The provenance hook: code compiled with a checker tells the memory each
 * load's or store's base register (value before writeback, and number), and
 * the memory hands it to the access checker with every access of that
 * instruction; the runtime's own byte accesses carry no base; the runtime's
 * names, whole-buffer checks and string ends reach the checker.
 */
import { describe, expect, it } from 'vitest';
import { Cpu, RUN_TRAP } from '../../emulator/cpu/cpu';
import { type AccessChecker } from '../../emulator/cpu/interfaces';
import { HEAP_SIZE, HEAP_START, testMachine } from '../../emulator/cpu/test-machine';
import { RunChecker } from '../../emulator/runtime/diagnostics/run-checker';

const CHECKED = HEAP_START;


class Recording implements AccessChecker {
  readonly seen: string[] = [];
  checkAccess(address: number, size: number, write: boolean, base: number, baseRegister: number): boolean {
    this.seen.push(`${write ? 'w' : 'r'}${size}@${address.toString(16)} r${baseRegister}=${(base >>> 0).toString(16)}`);
    return false;
  }
  runtimeCall(name: string): void {
    this.seen.push(`call ${name}`);
  }
  checkRange(address: number, length: number, write: boolean): void {
    this.seen.push(`range ${write ? 'w' : 'r'}${length}@${address.toString(16)}`);
  }
  stringEnd(address: number): void {
    this.seen.push(`end@${address.toString(16)}`);
  }
}

const PROGRAM = `
    .text
    .global _start
_start:
    ldr r1, =0x40000
    mov r0, #7
    str r0, [r1, #8]
    add r2, r1, #16
    ldr r3, [r2, #-4]!
    ldmia r1, {r4, r5}
    strb r0, [r2], #1
    svc #0
`;

describe('the provenance hook', () => {
  it('passes each access its base register while a checker is compiled in', () => {
    const { cpu, memory } = testMachine(PROGRAM);
    const checker = new Recording();
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    cpu.setChecker(new RunChecker({ resolve: () => null }).stackChecker);
    expect(cpu.run(100)).toBe(RUN_TRAP);
    expect(checker.seen).toEqual(['w4@40008 r1=40000', 'r4@4000c r2=40010', 'r4@40000 r1=40000', 'r4@40004 r1=40000', 'w1@4000c r2=4000c']);
  });

  it('exclusive loads and stores and SWP pass their own base, not the previous instruction\'s', () => {
    const { cpu, memory } = testMachine(`
    .text
    .global _start
_start:
    ldr r1, =0x40000
    add r2, r1, #32
    str r0, [r1]
    ldrex r3, [r2]
    strex r4, r3, [r2]
    add r5, r1, #64
    swp r6, r0, [r5]
    svc #0
`);
    const checker = new Recording();
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    cpu.setChecker(new RunChecker({ resolve: () => null }).stackChecker);
    expect(cpu.run(100)).toBe(RUN_TRAP);
    expect(checker.seen).toEqual(['w4@40000 r1=40000', 'r4@40020 r2=40020', 'r4@40020 r2=40020', 'w4@40020 r2=40020', 'r4@40040 r5=40040', 'w4@40040 r5=40040']);
  });

  it('passes no base from code compiled without a checker, nor from the runtime', () => {
    const { cpu, memory } = testMachine(PROGRAM);
    const checker = new Recording();
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    expect(cpu.run(100)).toBe(RUN_TRAP);
    expect(checker.seen.every((entry) => entry.endsWith('r-1=0'))).toBe(true);
    checker.seen.length = 0;
    memory.read32(CHECKED + 8, CHECKED, 1); // a CPU access with its base leaves nothing behind for the runtime's
    checker.seen.length = 0;
    expect(memory.readByte(CHECKED + 8)).toBe(7);
    expect(memory.readByte(CHECKED + 9)).toBe(0);
    expect(memory.writeByte(CHECKED + 16, 1)).toBe(true);
    expect(checker.seen).toEqual(['r1@40008 r-1=0', 'r1@40009 r-1=0', 'end@40009', 'w1@40010 r-1=0']);
  });

  it('forwards the runtime’s call names and whole-buffer checks, not the debugger’s copies', () => {
    const { memory } = testMachine(PROGRAM);
    const checker = new Recording();
    memory.setAccessChecker(checker, CHECKED, CHECKED + HEAP_SIZE);
    memory.runtimeCall('write()');
    memory.checkRuntimeAccess(CHECKED, 12, false);
    expect(memory.readBytes(CHECKED, 4).ok).toBe(true);
    expect(memory.writeBytes(CHECKED, new Uint8Array(2), true)).toBeUndefined();
    expect(checker.seen).toEqual(['call write()', 'range r12@40000']);
    expect(memory.accessChecker).toBe(checker);
  });
});
