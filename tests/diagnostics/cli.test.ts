/** `sherwood run` with the memory diagnostics: compiler-style lines on stderr, objects in --json, the switches. */
import { describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/index';
import { runCommand } from '../../emulator/cli/run-command';
import { memoryContext } from '../../emulator/cli/test-support';

const PROGRAM = `
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #32
        bl      malloc
        mov     r4, r0
        bl      free
        ldr     r0, [r4, #16]
        mov     r0, #100
        bl      malloc
        mov     r0, #0
        pop     {r4, pc}
`;

describe('sherwood run with memory diagnostics', () => {
  it('prints each diagnostic like a compiler message and goes on to the exit status', async () => {
    const context = memoryContext({ 'prog.s': PROGRAM }, assemble);
    expect(await runCommand(['prog.s'], context, () => {})).toBe(0);
    expect(context.output().stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^prog\.s:10: error: use after free: 4-byte read at 0x[0-9a-f]{8}, 16 bytes into a 32-byte block freed at prog\.s:9, allocated at prog\.s:7$/),
      expect.stringMatching(/^prog\.s:12: error: memory leak: the 100-byte block at 0x[0-9a-f]{8} allocated here is never freed, and nothing points to it any more \(definitely lost\)$/),
    ]);
  });

  it('puts diagnostics (kind, line, sites) and heap statistics in --json', async () => {
    const context = memoryContext({ 'prog.s': PROGRAM }, assemble);
    await runCommand(['prog.s', '--json', '--heap-size', '64K'], context, () => {});
    const report = JSON.parse(context.output().stdout);
    expect(report.diagnostics.map((diagnostic: { kind: string; line: number }) => [diagnostic.kind, diagnostic.line])).toEqual([
      ['use-after-free', 10],
      ['leak', 12],
    ]);
    expect(report.diagnostics[0].related.map((site: { role: string; line: number }) => [site.role, site.line])).toEqual([
      ['freed', 9],
      ['allocated', 7],
    ]);
    expect(report.diagnostics[1].leakKind).toBe('definitely-lost');
    expect(report.heap).toMatchObject({ heapSize: 65536, liveBlocks: 1, bytesRequested: 100, allocations: 2, frees: 1 });
    expect(report.leaks.blocks['definitely-lost']).toBe(1);
  });

  it('--no-check switches kinds off; a bad kind or heap size is a usage error', async () => {
    const quiet = memoryContext({ 'prog.s': PROGRAM }, assemble);
    expect(await runCommand(['prog.s', '--no-check=use-after-free,leak'], quiet, () => {})).toBe(0);
    expect(quiet.output().stderr).toBe('');
    const off = memoryContext({ 'prog.s': PROGRAM }, assemble);
    await runCommand(['prog.s', '--no-check=all', '--json'], off, () => {});
    expect(JSON.parse(off.output().stdout).diagnostics).toEqual([]);
    for (const bad of ['--no-check=leaks', '--heap-size=3000', '--min-block=7', '--quarantine=x']) {
      const context = memoryContext({ 'prog.s': PROGRAM }, assemble);
      expect(await runCommand(['prog.s', bad], context, () => {})).toBe(2);
      expect(context.output().stderr).toMatch(/^sherwood run: /);
    }
  });

  it('--quarantine keeps a freed block from reuse, so a later malloc does not hide the use after free', async () => {
    const reuse = `
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        bl      free
        mov     r0, #16
        bl      malloc
        str     r0, [sp, #-8]!
        ldr     r1, [r4]
        ldr     r0, [sp], #8
        bl      free
        mov     r0, #0
        pop     {r4, pc}
`;
    const plain = memoryContext({ 'reuse.s': reuse }, assemble);
    await runCommand(['reuse.s', '--json'], plain, () => {});
    // Without quarantine the block is handed out again: the stale read lands in a live block (never written: a warning).
    expect(JSON.parse(plain.output().stdout).diagnostics.map((d: { kind: string }) => d.kind)).toEqual(['uninitialized-read']);
    const held = memoryContext({ 'reuse.s': reuse }, assemble);
    await runCommand(['reuse.s', '--json', '--quarantine', '4'], held, () => {});
    expect(JSON.parse(held.output().stdout).diagnostics.map((d: { kind: string; line: number }) => [d.kind, d.line])).toEqual([['use-after-free', 13]]);
  });

  it('reports misaligned words by default; the source allows them; --check on the command line wins', async () => {
    const program = (comment: string) => `${comment}
        .data
        .align  2
bytes:  .byte   1, 2, 3, 4, 5, 6, 7, 8
        .text
        .global main
main:
        ldr     r1, =bytes
        ldr     r0, [r1, #1]
        mov     r0, #0
        bx      lr
`;
    const kinds = async (files: Record<string, string>, args: string[] = []) => {
      const context = memoryContext(files, assemble);
      await runCommand(['prog.s', '--json', ...args], context, () => {});
      return JSON.parse(context.output().stdout).diagnostics.map((d: { kind: string; line: number }) => `${d.kind}@${d.line}`);
    };
    expect(await kinds({ 'prog.s': program('') })).toEqual(['misaligned-access@9']);
    expect(await kinds({ 'prog.s': program('@ sherwood: allow misaligned-access') })).toEqual([]);
    expect(await kinds({ 'prog.s': program('// Sherwood: allow Misaligned-Access') })).toEqual([]);
    expect(await kinds({ 'prog.s': program('        .include "switches.s"'), 'switches.s': '@ sherwood: allow misaligned-access\n' })).toEqual([]);
    expect(await kinds({ 'prog.s': program('@ sherwood: allow misaligned-access') }, ['--check=misaligned-access'])).toEqual(['misaligned-access@9']);
    const warned = memoryContext({ 'prog.s': program('@ sherwood: allow misaligned') }, assemble);
    await runCommand(['prog.s'], warned, () => {});
    expect(warned.output().stderr).toMatch(/^prog\.s:1: warning: 'misaligned' is not a check Sherwood knows \(the checks are leak, /m);
    expect(warned.output().stderr).toMatch(/prog\.s:9: warning: misaligned access: 4-byte read/);
  });
});
