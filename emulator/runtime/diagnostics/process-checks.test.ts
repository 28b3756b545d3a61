import { describe, expect, it } from 'vitest';
import { PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE } from '../../cpu/interfaces.js';
import { Memory } from '../../cpu/memory.js';
import { BuddyHeap } from '../heap/buddy.js';
import { LibcContext } from '../libc/context.js';
import { StdinStream } from '../libc/stdin.js';
import { createProcessChecker, type ChecksOptions } from './process-checks.js';

const HEAP = 0x00400000;

function parts(sources?: { file: string; text: string }[], warnings: string[] = []) {
  const memory = new Memory(1 << 22);
  memory.map({ name: 'text', start: 0x10000, end: 0x11000, permissions: PERMISSION_READ | PERMISSION_EXECUTE });
  memory.map({ name: 'heap', start: HEAP, end: HEAP + 0x10000, permissions: PERMISSION_READ | PERMISSION_WRITE });
  const created = BuddyHeap.create({ base: HEAP, size: 4096 });
  if (!created.ok) throw new Error(created.error);
  const libc = new LibcContext({ registers: new Int32Array(16), memory, stdin: new StdinStream(), stdout: { write() {} }, heap: created.heap });
  return { memory, libc, resolve: () => null, step: () => 0, mainCall: undefined, sources, warn: (message: string) => void warnings.push(message) };
}

const checks = (sources: { file: string; text: string }[] | undefined, options: ChecksOptions = {}) => createProcessChecker(parts(sources), options).collector;

describe('createProcessChecker and the source switches', () => {
  it('checks misaligned words by default', () => {
    expect(checks(undefined).isEnabled('misaligned-access')).toBe(true);
    expect(checks([{ file: 'prog.s', text: 'main: bx lr\n' }]).isEnabled('misaligned-access')).toBe(true);
  });

  it('lets a comment in any source file switch kinds off', () => {
    const collector = checks([
      { file: 'prog.s', text: '        .text\n' },
      { file: 'lib.s', text: '// sherwood: allow Misaligned-Access, leak\n' },
    ]);
    expect(collector.isEnabled('misaligned-access')).toBe(false);
    expect(collector.isEnabled('leak')).toBe(false);
    expect(collector.isEnabled('heap-overflow')).toBe(true);
  });

  it('lets --check on the command line win over the comment, and --no-check add to it', () => {
    const sources = [{ file: 'prog.s', text: '@ sherwood: allow misaligned-access, leak' }];
    const collector = checks(sources, { enabled: ['misaligned-access'], disabled: ['double-free'] });
    expect(collector.isEnabled('misaligned-access')).toBe(true);
    expect(collector.isEnabled('leak')).toBe(false);
    expect(collector.isEnabled('double-free')).toBe(false);
  });

  it('warns about a kind it does not know, with the file and line, and keeps it on the checker', () => {
    const warnings: string[] = [];
    const checker = createProcessChecker(parts([{ file: 'prog.s', text: '\n@ sherwood: allow unaligned' }], warnings));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^prog\.s line 2: 'unaligned' is not a check Sherwood knows \(the checks are leak, .*\); nothing switched off for it$/);
    expect(checker.sourceProblems).toEqual([expect.objectContaining({ file: 'prog.s', line: 2 })]);
    expect(checker.collector.isEnabled('misaligned-access')).toBe(true);
  });
});
