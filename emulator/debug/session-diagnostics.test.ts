/**
 * Pausing at diagnostics (the IDE's default): with `pauseOnDiagnostic` a run
 * stops after each instruction that made an error or warning — a load or
 * store the heap checker flags (the load has completed), a `bl free` that
 * frees twice (paused back in the caller, after the call), a misaligned call
 * or a return that clobbers r4 — with the new diagnostics in the stop; running
 * again goes on. Without it the same run goes to the end and reports the same
 * diagnostics.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { resolveBuiltin } from './runtime-bridge';
import { Session, type SessionOptions, type StopReason } from './session';

const SOURCE = `
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        mov     r1, #7
        str     r1, [r4]
        mov     r0, r4
        bl      free
        ldr     r5, [r4]
        mov     r0, r4
        bl      free
        bl      clobber
        push    {r0}
        bl      helper
        pop     {r0}
        mov     r0, #0
        pop     {r4, r5, r6, pc}
clobber:
        mov     r4, #1
        bx      lr
helper:
        bx      lr
`;

const LINE = {
  loadAfterFree: 13,
  secondFree: 15,
  afterClobberCall: 17,
  misalignedCall: 18,
  clobberReturn: 24,
};

function session(options: SessionOptions = {}): Session {
  const assembled = assemble(SOURCE, { file: 'pause.s', resolveExternal: resolveBuiltin });
  if (!assembled.ok) throw new Error(assembled.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  const created = Session.create(assembled.program, options);
  if (!created.ok) throw new Error(created.error);
  return created.session;
}

function lineAt(run: Session, pc: number): number | undefined {
  return run.source.positionOf(pc)?.line;
}

describe('pause at diagnostic', () => {
  it('stops after each instruction that made a diagnostic, then goes on to the end', () => {
    const run = session({ pauseOnDiagnostic: true });
    const stops: StopReason[] = [];
    for (let index = 0; index < 10; index++) {
      const stop = run.run(1_000_000);
      stops.push(stop);
      if (stop.kind !== 'diagnostic') break;
    }
    const pauses = stops.filter((stop): stop is Extract<StopReason, { kind: 'diagnostic' }> => stop.kind === 'diagnostic');
    expect(pauses.map((stop) => stop.diagnostics.map((diagnostic) => `${diagnostic.kind}@${diagnostic.line}`))).toEqual([
      [`use-after-free@${LINE.loadAfterFree}`],
      [`double-free@${LINE.secondFree}`],
      [`callee-saved-clobbered@${LINE.clobberReturn}`],
      [`sp-misaligned@${LINE.misalignedCall}`],
    ]);
    expect(stops.at(-1)).toEqual({ kind: 'exit', code: 0 });
  });

  it('a flagged load has completed when the run pauses; the pause is on the next line', () => {
    const run = session({ pauseOnDiagnostic: true });
    const stop = run.run(1_000_000);
    expect(stop.kind).toBe('diagnostic');
    expect(run.registers()[5]).toBe(7);
    expect(lineAt(run, run.registers()[15])).toBe(LINE.loadAfterFree + 1);
  });

  it('a C function that reports pauses back in the caller, after its call', () => {
    const run = session({ pauseOnDiagnostic: true });
    run.run(1_000_000);
    const stop = run.run(1_000_000);
    expect(stop).toMatchObject({ kind: 'diagnostic', diagnostics: [{ kind: 'double-free' }] });
    expect(lineAt(run, run.registers()[15])).toBe(LINE.secondFree + 1);
    expect(run.callStack()[0].name).toBe('main');
  });

  it('a return that clobbers r4 pauses at the instruction after the call; a misaligned call at the callee', () => {
    const run = session({ pauseOnDiagnostic: true });
    run.run(1_000_000);
    run.run(1_000_000);
    run.run(1_000_000);
    expect(lineAt(run, run.registers()[15])).toBe(LINE.afterClobberCall);
    run.run(1_000_000);
    expect(run.callStack()[0].name).toBe('helper');
  });

  it('single steps report the diagnostic of the instruction they ran', () => {
    const run = session({ pauseOnDiagnostic: true });
    const kinds: string[] = [];
    for (let index = 0; index < 200 && !run.ended; index++) {
      const stop = run.step();
      if (stop.kind === 'diagnostic') kinds.push(stop.diagnostics[0].kind);
    }
    expect(kinds).toEqual(['use-after-free', 'double-free', 'callee-saved-clobbered', 'sp-misaligned']);
  });

  it('without pausing (the default) the run reports the same diagnostics and goes on; pausing can be turned on mid-run', () => {
    const run = session();
    expect(run.run(1_000_000)).toEqual({ kind: 'exit', code: 0 });
    expect(run.checker?.diagnostics.map((diagnostic) => diagnostic.kind)).toEqual(['use-after-free', 'double-free', 'callee-saved-clobbered', 'sp-misaligned']);
    const later = session();
    expect(later.run(8).kind).toBe('budget');
    later.setPauseOnDiagnostic(true);
    expect(later.run(1_000_000)).toMatchObject({ kind: 'diagnostic', diagnostics: [{ kind: 'use-after-free' }] });
    later.setPauseOnDiagnostic(false);
    expect(later.run(1_000_000)).toEqual({ kind: 'exit', code: 0 });
  });

  it('has nothing to pause for without checks (the double free then aborts, as with glibc)', () => {
    const run = session({ checks: false, pauseOnDiagnostic: true });
    expect(run.pauseOnDiagnostic).toBe(false);
    expect(run.run(1_000_000)).toMatchObject({ kind: 'fault', status: 134, position: { line: LINE.secondFree } });
  });
});

describe('allocation sites', () => {
  it('keep the call stack of each malloc and free: the enclosing calls, innermost first', () => {
    const assembled = assemble(
      `
        .text
        .global main
main:
        push    {r4, lr}
        bl      make
        mov     r4, r0
        bl      drop
        mov     r0, #0
        pop     {r4, pc}
make:
        push    {r4, lr}
        mov     r0, #24
        bl      malloc
        pop     {r4, pc}
drop:
        push    {r4, lr}
        mov     r0, r4
        bl      free
        pop     {r4, pc}
`,
      { file: 'sites.s', resolveExternal: resolveBuiltin },
    );
    if (!assembled.ok) throw new Error('does not assemble');
    const created = Session.create(assembled.program);
    if (!created.ok) throw new Error(created.error);
    const run = created.session;
    expect(run.run(1_000)).toEqual({ kind: 'exit', code: 0 });
    const heap = run.heap;
    if (!heap) throw new Error('no buddy heap');
    const lineOf = (address: number) => run.source.positionOf((address - 4) >>> 0)?.line;
    const classified = heap.classify(heap.base);
    if (classified.kind !== 'freed') throw new Error(`expected a freed block, found ${classified.kind}`);
    const facts = classified.block;
    expect(facts.allocated.line?.line).toBe(14);
    expect(facts.allocated.callStack.map(lineOf)).toEqual([6, undefined]);
    expect(facts.freed.line?.line).toBe(19);
    expect(facts.freed.callStack.map(lineOf)).toEqual([8, undefined]);
  });
});
