import { describe, expect, it } from 'vitest';
import { assemble } from '../assembler/index';
import { heapCommand } from './heap-command';
import { memoryContext } from './test-support';

const LIST = `
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #20
        bl      malloc
        mov     r4, r0
        mov     r0, #100
        bl      malloc
        bl      free
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, pc}
`;

const DOUBLE_FREE = `
        .global main
main:
        push    {r4, lr}
        mov     r0, #24
        bl      malloc
        mov     r4, r0
        bl      free
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, pc}
`;

describe('sherwood heap', () => {
  it('reports a double free as sherwood run does and shows the heap at exit', async () => {
    const context = memoryContext({ 'twice.s': DOUBLE_FREE }, assemble);
    expect(await heapCommand.run(['twice.s'], context)).toBe(0);
    const { stdout, stderr } = context.output();
    expect(stdout).toContain('twice.s: heap at exit (status 0)');
    expect(stderr).toContain('twice.s:10: error: double free');
  });

  it('prints the tree, free lists and statistics at exit', async () => {
    const context = memoryContext({ 'list.s': LIST }, assemble);
    expect(await heapCommand.run(['list.s', '--heap-size=4K'], context)).toBe(0);
    const { stdout } = context.output();
    expect(stdout).toContain('list.s: heap at exit (status 0)');
    expect(stdout).toContain('Buddy heap');
    expect(stdout).toContain('(4 KiB, minimum block 16 B): 0 live blocks');
    expect(stdout).toMatch(/order\s+8 \(4 KiB\)/);
    expect(stdout).toContain('2 allocations, 2 frees');
  });

  it('stops after --at-step instructions, with allocations and their lines', async () => {
    const context = memoryContext({ 'list.s': LIST }, assemble);
    expect(await heapCommand.run(['list.s', '--at-step', '15', '--min-block', '32', '--heap-size', '4K'], context)).toBe(0);
    const { stdout } = context.output();
    expect(stdout).toContain('heap after 15 instructions');
    expect(stdout).toContain('2 live blocks');
    expect(stdout).toMatch(/allocated\s+0x[0-9a-f]{8}\s+32 B\s+requested 20, slack 12, #1 at list\.s:7/);
    expect(stdout).toMatch(/allocated\s+0x[0-9a-f]{8}\s+128 B\s+requested 100, slack 28, #2 at list\.s:10/);
  });

  it('refuses bad options in plain words', async () => {
    for (const args of [['list.s', '--at-step', 'soon'], ['list.s', '--heap-size=3K'], [], ['a.s', 'b.s'], ['list.s', '--frobnicate']]) {
      const context = memoryContext({ 'list.s': LIST }, assemble);
      expect(await heapCommand.run(args, context)).toBe(2);
      expect(context.output().stderr).toMatch(/^sherwood heap: .+\n\nUsage: sherwood heap/);
    }
    const missing = memoryContext({}, assemble);
    expect(await heapCommand.run(['gone.s'], missing)).toBe(2);
    expect(missing.output().stderr).toContain('cannot read gone.s');
  });
});
