/**
 * Region functions (region-emitter.ts) keep the exact semantics of stepping:
 * any budget split gives the same registers, flags, counts and output as
 * single steps; breakpoints inside a region's loops and calls still stop;
 * code written while it runs takes effect at once.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { resolveBuiltin } from '../debug/runtime-bridge';
import { Session } from '../debug/session';
import { compileRegion } from './block-compiler';
import { randomBlocksProgram } from './random-blocks';
import { fuzzWords } from './fuzz-support';

function session(source: string): Session {
  const assembled = assemble(source, { file: 'region.s', resolveExternal: resolveBuiltin });
  if (!assembled.ok) throw new Error(assembled.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('\n'));
  const created = Session.create(assembled.program);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

/** Recursion, a counted loop with a conditional call, a jump table and predicated returns. */
const CALLS = `
  .text
  .global _start
_start:
  mov r0, #11
  bl fib
  mov r9, r0
  mov r4, #0
  mov r5, #0
again:
  tst r4, #1
  blne odd
  add r5, r5, r4
  and r1, r4, #3
  ldr r2, =table
  ldr pc, [r2, r1, lsl #2]
case0: add r5, r5, #100
  b next
case1: eor r5, r5, #0x55
  b next
case2: movs r6, r5, lsr #3
  adc r5, r5, r6
case3: sub r5, r5, #1
next:
  add r4, r4, #1
  cmp r4, #40
  blo again
  add r0, r9, r5
  and r0, r0, #255
  mov r7, #1
  svc #0
odd:
  push {r4, lr}
  mul r4, r4, r4
  add r5, r5, r4
  pop {r4, pc}
fib:
  cmp r0, #2
  bxlo lr
  push {r4, r5, lr}
  mov r4, r0
  sub r0, r4, #1
  bl fib
  mov r5, r0
  sub r0, r4, #2
  bl fib
  add r0, r0, r5
  pop {r4, r5, pc}
  .ltorg
  .data
table: .word case0, case1, case2, case3
`;

interface State {
  registers: number[];
  flags: string;
  steps: number;
}

const state = (machine: Session): State => ({ registers: machine.registers(), flags: JSON.stringify(machine.flags()), steps: machine.steps });

/** Steps `source` one instruction at a time, then checks runs split into slices of several sizes against that trace. */
function compareWithSteps(source: string, slices: readonly number[]): number {
  const stepped = session(source);
  const trace: State[] = [state(stepped)];
  for (;;) {
    const stop = stepped.step();
    trace.push(state(stepped));
    if (stop.kind === 'exit') break;
    expect(stop.kind).not.toBe('fault');
  }
  const total = trace.length - 1;
  for (const slice of slices) {
    const sliced = session(source);
    for (let done = 0; done < total; ) {
      const stop = sliced.run(slice);
      done = Math.min(done + slice, total);
      expect(state(sliced)).toEqual(trace[done]);
      if (stop.kind === 'exit') break;
    }
  }
  const whole = session(source);
  expect(whole.run(Number.MAX_SAFE_INTEGER).kind).toBe('exit');
  expect(state(whole)).toEqual(trace[total]);
  return total;
}

describe('region functions', () => {
  it('give the same state after every budget split as single steps', () => {
    expect(compareWithSteps(CALLS, [2, 3, 7, 64, 129, 1000])).toBeGreaterThan(1000);
  });

  it('compute what single steps compute on random instruction blocks', () => {
    // Single steps work on R directly, regions on locals written back at exits: both must agree.
    for (let seed = 1; seed <= 3; seed++) {
      expect(compareWithSteps(randomBlocksProgram(0x5eed0000 + seed, 4, 40).source, [5, 97, 1000])).toBeGreaterThan(160);
    }
  });

  it('stop at breakpoints inside loops and after predicted returns', () => {
    const assembled = assemble(CALLS, { file: 'region.s', resolveExternal: resolveBuiltin });
    if (!assembled.ok) throw new Error('does not assemble');
    const symbol = (name: string): number => assembled.program.symbols.find((entry) => entry.name === name)!.value;
    const machine = session(CALLS);
    machine.run(Number.MAX_SAFE_INTEGER); // compile everything first, then set breakpoints
    const fresh = session(CALLS);
    fresh.run(50); // regions compiled mid-run
    fresh.setBreakpoints([symbol('next'), symbol('odd')]);
    const hits = new Map<number, number>();
    for (;;) {
      const stop = fresh.run(Number.MAX_SAFE_INTEGER);
      if (stop.kind !== 'breakpoint') {
        expect(stop).toEqual({ kind: 'exit', code: expect.any(Number) });
        break;
      }
      hits.set(stop.address, (hits.get(stop.address) ?? 0) + 1);
    }
    expect(hits.get(symbol('next'))).toBe(40);
    expect(hits.get(symbol('odd'))).toBe(20);
    expect(fresh.steps).toBe(machine.steps);
    expect(fresh.registers()).toEqual(machine.registers());
  });

  it('run code stored while running (writable and executable sections)', () => {
    const source = `
  .section .text.rw,"awx"
  .global _start
_start:
  mov r4, #0
  mov r5, #0
  ldr r6, =patch
  ldr r7, =0xe2844002   @ add r4, r4, #2
loop:
patch:
  add r4, r4, #1
  str r7, [r6]
  add r5, r5, #1
  cmp r5, #5
  blt loop
  mov r0, r4
  mov r7, #1
  svc #0
`;
    const whole = session(source);
    expect(whole.run(Number.MAX_SAFE_INTEGER)).toEqual({ kind: 'exit', code: 9 });
    const stepped = session(source);
    let stop = stepped.step();
    while (stop.kind !== 'exit') stop = stepped.step();
    expect(stop).toEqual({ kind: 'exit', code: 9 });
    expect(stepped.steps).toBe(whole.steps);
  });

  it('cover direct branches and calls, with an entry per block', () => {
    const assembled = assemble(CALLS, { file: 'region.s', resolveExternal: resolveBuiltin });
    if (!assembled.ok) throw new Error('does not assemble');
    const start = assembled.program.symbols.find((entry) => entry.name === '_start')!.value;
    const machine = session(CALLS);
    const region = compileRegion(start, machine.cpu);
    expect(region.entries[0]).toBe(start);
    const at = (name: string, offset = 0): number => assembled.program.symbols.find((entry) => entry.name === name)!.value + offset;
    // Blocks: _start, each return point after a call, odd, fib. The jump table's targets are
    // reached through \`ldr pc\` (not followed), so the loop's closing branch is not in this region.
    expect(region.entries).toEqual([at('_start'), at('_start', 8), at('again', 8), at('odd'), at('fib'), at('fib', 24), at('fib', 36)]);
    expect(region.lengths).toEqual([2, 5, 4, 4, 6, 3, 2]);
    expect(region.source).toContain('continue dispatch');
  });

  it('end every run through random words in a result, a trap or a fault', async () => {
    const summary = await fuzzWords(0x5e610000, 4, 2_000, 200);
    expect(summary.words).toBe(8_000);
    expect(summary.invalid).toBe(0);
    expect(summary.completed + summary.trapped + summary.faulted).toBe(8_000);
  }, 120_000);
});
