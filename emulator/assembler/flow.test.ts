import { describe, expect, it } from 'vitest';
import { errors, hex, program } from './test-helpers';

describe('statements and comments', () => {
  it('treats @ and // as comments, # at the start of a statement as a comment, and ; as a separator', () => {
    expect(hex('# a comment\n.data\n.byte 1 ; .byte 2 @ .byte 3\n.byte 4 // .byte 5\n  # .byte 6\nx: # after a label\n')).toBe('010204');
  });

  it('skips /* */ comments across lines but not inside strings', () => {
    expect(hex('.data\n.byte 1 /* .byte 2\n.byte 3 */ , 4\n.ascii "/*"\n')).toBe('0104' + '2f2a');
  });

  it('keeps ; and @ inside strings and character constants', () => {
    expect(hex('.data\n.ascii "a;b@c"\n.byte \';\', \'@\'\n')).toBe('613b624063' + '3b40');
  });

  it('reports the line of a statement after a multi-line comment', () => {
    expect(errors('/*\n\n*/\n.bogus\n')[0].line).toBe(4);
  });
});

describe('macros', () => {
  it('substitutes parameters, defaults and keyword arguments', () => {
    const source = '.macro pair a, b=9\n.byte \\a, \\b\n.endm\n.data\npair 1\npair 2, 3\npair b=5, a=4\npair 6 7\n';
    expect(hex(source)).toBe('0109' + '0203' + '0405' + '0607');
  });

  it('expands \\@ to a counter and \\() to nothing', () => {
    expect(hex('.macro m x\nlabel\\@: .byte \\x\\()0\n.endm\n.data\nm 1\nm 2\n')).toBe('0a14');
  });

  it('supports :req, :vararg and .exitm', () => {
    expect(hex('.macro all first, rest:vararg\n.byte \\first, \\rest\n.endm\n.data\nall 1, 2, 3\n')).toBe('010203');
    expect(hex('.macro stop\n.byte 1\n.exitm\n.byte 2\n.endm\n.data\nstop\n')).toBe('01');
    expect(errors('.macro need x:req\n.byte \\x\n.endm\nneed\n')[0].message).toContain("needs a value for parameter 'x'");
  });

  it('nests macros inside macros and reports runaway recursion', () => {
    expect(hex('.macro inner v\n.byte \\v\n.endm\n.macro outer v\ninner \\v\ninner \\v+1\n.endm\n.data\nouter 4\n')).toBe('0405');
    expect(errors('.macro self\nself\n.endm\nself\n')[0].message).toContain('nested more than');
  });

  it('reports an unterminated .macro', () => {
    expect(errors('.macro open\n.byte 1\n')[0].message).toContain('.endm');
  });
});

describe('repetition', () => {
  it('expands .rept, .irp and .irpc', () => {
    expect(hex('.data\n.rept 3\n.byte 7\n.endr\n')).toBe('070707');
    expect(hex('.data\n.irp v, 1, 2, 3\n.byte \\v * 2\n.endr\n')).toBe('020406');
    expect(hex('.data\n.irpc c, 123\n.byte \\c\n.endr\n')).toBe('010203');
    expect(hex('.data\n.rept 2\n.rept 2\n.byte 1\n.endr\n.endr\n')).toBe('01010101');
    expect(hex('.data\n.rept 0\n.byte 1\n.endr\n.byte 2\n')).toBe('02');
  });

  it('refuses expansions too large to hold', () => {
    expect(errors('.rept 100000000\n.byte 1\n.endr\n')[0].message).toContain('16 MB');
  });
});

describe('conditional assembly', () => {
  it('takes exactly one branch of .if/.elseif/.else', () => {
    const pick = (n: number): string =>
      hex(`.equ N, ${n}\n.data\n.if N > 3\n.byte 1\n.elseif N > 1\n.byte 2\n.else\n.byte 3\n.endif\n`);
    expect([pick(5), pick(2), pick(0)]).toEqual(['01', '02', '03']);
  });

  it('supports .ifdef, .ifndef, .ifeq, .ifne, .ifgt, .ifb, .ifc and nesting', () => {
    const source = [
      '.equ A, 0', '.data',
      '.ifdef A', '.byte 1', '.endif',
      '.ifndef B', '.byte 2', '.endif',
      '.ifeq A', '.byte 3', '.endif',
      '.ifne A', '.byte 99', '.endif',
      '.ifgt A + 1', '.byte 4', '.endif',
      '.ifb', '.byte 5', '.endif',
      '.ifc abc, abc', '.byte 6', '.endif',
      '.if 0', '.if 1', '.byte 98', '.endif', '.else', '.byte 7', '.endif',
    ].join('\n');
    expect(hex(source)).toBe('01020304050607');
  });

  it('does not define labels or report errors inside a false branch', () => {
    const built = program('.if 0\nskipped: .bogus\nmov r99, #1\n.endif\n.data\n.byte 1\n');
    expect(built.symbols.find((symbol) => symbol.name === 'skipped')).toBeUndefined();
  });

  it('reports unbalanced conditionals', () => {
    expect(errors('.endif\n')[0].message).toBe('.endif without .if');
    expect(errors('.else\n')[0].message).toBe('.else without .if');
    expect(errors('.if 1\n')[0].message).toContain('no matching .endif');
  });

  it('needs conditions known at that point', () => {
    expect(errors('.if LATER\n.endif\n.equ LATER, 1\n')[0].message).toContain('must be a constant known at this point');
  });
});

describe('.include', () => {
  const files: Record<string, string> = {
    'src/main.s': '.include "defs.inc"\n.data\n.word VALUE\n.include "sub/more.s"\n',
    'src/defs.inc': '.equ VALUE, 0x42\n',
    'src/sub/more.s': '.byte 1\n.bogus\n',
  };
  const readFile = (path: string): string | undefined => files[path];

  it('reads files relative to the including file and reports errors in them', () => {
    const result = errors(files['src/main.s'], { file: 'src/main.s', readFile });
    expect(result).toEqual([expect.objectContaining({ file: 'src/sub/more.s', line: 2, message: "unknown directive '.bogus'" })]);
  });

  it('maps included code to its own file', () => {
    const built = program('.include "defs.inc"\n.data\n.word VALUE\n', { file: 'src/main.s', readFile });
    expect(Buffer.from(built.sections[0].bytes).toString('hex')).toBe('42000000');
  });

  it('keeps the text of every file it read, the main file first (for source switches and snapshots)', () => {
    const main = '.include "defs.inc"\n.data\n.word VALUE\n';
    const built = program(main, { file: 'src/main.s', readFile });
    expect(built.sources).toEqual([
      { file: 'src/main.s', text: main },
      { file: 'src/defs.inc', text: files['src/defs.inc'] },
    ]);
  });

  it('reports a missing include file and a self-include', () => {
    expect(errors('.include "none.s"\n', { readFile })[0].message).toBe("cannot find the include file 'none.s'");
    expect(errors('.include "self.s"\n', { file: 'self.s', readFile: () => '.include "self.s"\n' })[0].message).toContain('nested');
  });
});
