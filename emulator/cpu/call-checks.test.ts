/**
 * The CPU's AAPCS hooks with a recording checker: compiled code saves each
 * judged call's r4-r11 inline at the call's depth (sp and the call's address are
 * on the CPU's own call stack), compares them
 * at the matching return and calls the checker only for a misaligned sp (once
 * per call site) or a changed register; a checker asking to pause stops the run
 * with RUN_DIAGNOSTIC after the instruction. Block, region and single-step code
 * behave the same.
 */
import { describe, expect, it } from 'vitest';
import { Cpu, RUN_BUDGET, RUN_DIAGNOSTIC, RUN_TRAP } from './cpu';
import { CALL_FRAME_WORDS, type CallChecker } from './interfaces';
import { testMachine } from './test-machine';


class RecordingChecker implements CallChecker {
  readonly capacity = 64;
  readonly frames = new Int32Array(64 * CALL_FRAME_WORDS);
  readonly judged = new Uint8Array(64);
  readonly misalignedSeen = new Int32Array(4096).fill(-1);
  readonly log: string[] = [];
  pause = false;
  constructor(private readonly unchecked = -1) {}
  judgesCallAt(pc: number): boolean {
    return pc !== this.unchecked;
  }
  misalignedCall(depth: number, pc: number, sp: number, entrySp: number): number {
    this.misalignedSeen[(pc >>> 2) & 4095] = pc;
    this.log.push(`misaligned ${pc.toString(16)} sp=${(sp >>> 0).toString(16)} entry=${(entrySp >>> 0).toString(16)}`);
    return this.pause ? 1 : 0;
  }
  returnMismatch(depth: number, pc: number, saved: number, sp: number, entrySp: number, callPc: number, r4: number): number {
    const base = depth * CALL_FRAME_WORDS;
    this.log.push(`mismatch d${depth} ${pc.toString(16)} sp=${(sp >>> 0).toString(16)} r4=${r4} (call ${callPc.toString(16)} sp=${(entrySp >>> 0).toString(16)} r4=${this.frames[base]})`);
    return this.pause ? 1 : 0;
  }
}

const PROGRAM = `
    .text
    .global _start
_start:
    mov r4, #1
    bl good
    bl clobbers
    sub sp, sp, #4
    bl good
    bl good
    add sp, sp, #4
    mov r5, #0
loop:
    bl good
    add r5, r5, #1
    cmp r5, #3
    bne loop
    svc #0
good:
    push {r4, lr}
    mov r4, #2
    pop {r4, pc}
clobbers:
    mov r4, #3
    bx lr
`;

// Addresses in PROGRAM, from _start.
const CLOBBERING_RETURN = 4 * 17;
const MISALIGNED_CALLS = [4 * 4, 4 * 5];

describe('the AAPCS hooks in compiled code', () => {
  it('reports only the clobbering return and each misaligned call site once, with the frame saved at the call', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    const start = cpu.registers[15];
    const checker = new RecordingChecker();
    cpu.setChecker(checker);
    expect(cpu.run(1000)).toBe(RUN_TRAP);
    const hex = (offset: number) => (start + offset).toString(16);
    expect(checker.log).toEqual([
      `mismatch d0 ${hex(CLOBBERING_RETURN)} sp=90000 r4=3 (call ${hex(8)} sp=90000 r4=1)`,
      `misaligned ${hex(MISALIGNED_CALLS[0])} sp=8fffc entry=0`,
      `misaligned ${hex(MISALIGNED_CALLS[1])} sp=8fffc entry=0`,
    ]);
    expect(cpu.callDepth).toBe(0);
  });

  it('single steps report the same as compiled regions', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    const checker = new RecordingChecker();
    cpu.setChecker(checker);
    let result = RUN_BUDGET;
    for (let step = 0; step < 1000 && result === RUN_BUDGET; step++) result = cpu.run(1);
    expect(result).toBe(RUN_TRAP);
    expect(checker.log.map((line) => line.split(' ')[0])).toEqual(['mismatch', 'misaligned', 'misaligned']);
  });

  it('a checker asking to pause stops the run after the instruction, and the run goes on from there', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    const start = cpu.registers[15];
    const checker = new RecordingChecker();
    checker.pause = true;
    cpu.setChecker(checker);
    expect(cpu.run(1000)).toBe(RUN_DIAGNOSTIC);
    // After the clobbering `bx lr`: back at the instruction after `bl clobbers`.
    expect(cpu.registers[15]).toBe(start + 12);
    expect(cpu.callDepth).toBe(0);
    expect(cpu.run(1000)).toBe(RUN_DIAGNOSTIC);
    // After the misaligned `bl good`: at good's first instruction, the call already on the call stack.
    expect(cpu.registers[15]).toBe(start + 4 * 13);
    expect(cpu.callDepth).toBe(1);
    expect(cpu.run(1000)).toBe(RUN_DIAGNOSTIC);
    expect(cpu.run(1000)).toBe(RUN_TRAP);
    expect(checker.log).toHaveLength(3);
  });

  it('an unjudged call site saves no frame and its return is not compared', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    const start = cpu.registers[15];
    const checker = new RecordingChecker(start + 8);
    cpu.setChecker(checker);
    expect(cpu.run(1000)).toBe(RUN_TRAP);
    expect(checker.log.filter((line) => line.startsWith('mismatch'))).toEqual([]);
  });

  it('code compiled without a checker calls nothing, and setChecker recompiles', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    cpu.run(2);
    const checker = new RecordingChecker();
    cpu.setChecker(checker);
    cpu.setChecker(undefined);
    expect(cpu.run(1000)).toBe(RUN_TRAP);
    expect(checker.log).toEqual([]);
  });

  it('saves only the callee-saved registers the code names, and learns of patched code (not of breakpoints)', () => {
    const cpu = testMachine(PROGRAM, 'calls.s').cpu;
    expect(cpu.calleeSavedWritten).toBe((1 << 4) | (1 << 5));
    const clobberReturn = cpu.registers[15] + CLOBBERING_RETURN;
    cpu.setBreakpoints([clobberReturn]);
    expect(cpu.calleeSavedWritten).toBe((1 << 4) | (1 << 5));
    // mov r6, #3 over clobbers' `mov r4, #3`.
    expect(cpu.memory.writeBytes(clobberReturn - 4, Uint8Array.of(0x03, 0x60, 0xa0, 0xe3), true)).toBeUndefined();
    expect(cpu.calleeSavedWritten).toBe((1 << 4) | (1 << 5) | (1 << 6));
  });
});
