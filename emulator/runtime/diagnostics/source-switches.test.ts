import { describe, expect, it } from 'vitest';
import { sourceSwitches } from './source-switches.js';

const one = (text: string) => sourceSwitches([{ file: 'prog.s', text }]);

describe('sourceSwitches', () => {
  it('reads `@ sherwood: allow KIND` anywhere in the source', () => {
    const text = ['        .text', 'main:   mov r0, #0', '@ sherwood: allow misaligned-access', '        bx lr'].join('\n');
    expect(one(text)).toEqual({ disabled: ['misaligned-access'], problems: [] });
  });

  it('takes `//` comments, indentation, several kinds, any case, commas or spaces', () => {
    const text = '  //  Sherwood:  Allow  Uninitialized-Read,misaligned-access  write-to-text\n';
    expect(one(text).disabled).toEqual(['uninitialized-read', 'misaligned-access', 'write-to-text']);
  });

  it('merges every file of the program, each kind once, in the kinds order', () => {
    const result = sourceSwitches([
      { file: 'main.s', text: '@ sherwood: allow leak\n' },
      { file: 'lib.s', text: '@ sherwood: allow misaligned-access\r\n@ sherwood: allow leak, double-free\r\n' },
    ]);
    expect(result).toEqual({ disabled: ['leak', 'double-free', 'misaligned-access'], problems: [] });
  });

  it('knows the groups the command line knows', () => {
    expect(one('@ sherwood: allow warnings').disabled).toEqual(['uninitialized-read', 'misaligned-access', 'write-to-text']);
    expect(one('@ sherwood: allow all').disabled).toHaveLength(12);
  });

  it('turns an unknown kind into a problem naming the valid ones, and keeps the known ones', () => {
    const result = one('\n\n@ sherwood: allow misaligned, heap-overflow');
    expect(result.disabled).toEqual(['heap-overflow']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ file: 'prog.s', line: 3 });
    expect(result.problems[0].message).toContain("'misaligned' is not a check Sherwood knows");
    expect(result.problems[0].message).toContain('misaligned-access');
    expect(result.problems[0].message).toContain('use-after-free');
  });

  it('reports an empty list and an unknown setting, and does not throw on odd text', () => {
    expect(one('@ sherwood: allow').problems[0].message).toContain('names no check');
    expect(one('@ sherwood: forbid leak').problems[0].message).toContain('is not a Sherwood setting');
    expect(one('@ sherwood:').problems).toHaveLength(1);
    expect(one('@ sherwood: allow \u00ff\u0000').problems).toHaveLength(1);
    expect(one('\u0000@ sherwood: allow leak').disabled).toEqual([]);
  });

  it('ignores switches that are not whole comment lines, and other mentions of the name', () => {
    const text = ['mov r0, #1 @ sherwood: allow leak', '@ sherwood is the forest', '        .ascii "@ sherwood: allow leak"', '@@ sherwood: allow leak'].join('\n');
    expect(one(text)).toEqual({ disabled: [], problems: [] });
  });

  it('gives nothing for no sources', () => {
    expect(sourceSwitches([])).toEqual({ disabled: [], problems: [] });
  });
});
