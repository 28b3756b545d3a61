import { describe, expect, it } from 'vitest';
import { assemble } from './assemble';
import { errors, hex, program, words } from './test-helpers';

describe('data directives', () => {
  it('emits integers of every width, little-endian', () => {
    expect(hex('.data\n.byte 1, -1\n.hword 0x1234\n.short -2\n.2byte 3\n.word 0x11223344\n.long 5\n.int 6\n.4byte 7\n'))
      .toBe('01ff' + '3412' + 'feff' + '0300' + '44332211' + '05000000' + '06000000' + '07000000');
    expect(hex('.data\n.quad 0x1122334455667788, -2, 9\n.8byte 1\n'))
      .toBe('8877665544332211' + 'feffffffffffffff' + '0900000000000000' + '0100000000000000');
  });

  it('warns when a value is truncated, as as does', () => {
    const result = assemble('.data\n.hword 0x12345\n.byte 256\n');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Buffer.from(result.program.sections[0].bytes).toString('hex')).toBe('452300');
    expect(result.program.diagnostics.map((d) => [d.severity, d.line])).toEqual([['warning', 2], ['warning', 3]]);
    expect(result.program.diagnostics[0].message).toContain('truncated to 0x2345');
  });

  it('emits strings with and without terminators', () => {
    expect(hex('.data\n.ascii "ab", "c"\n.asciz "d"\n.string "e", "f"\n')).toBe('616263' + '6400' + '6500' + '6600');
  });

  it('reserves space, fills, and zeroes', () => {
    expect(hex('.data\n.space 3\n.skip 2, 0xaa\n.zero 1\n.fill 2, 2, 0x1234\n.fill 1, 8, -1\n'))
      .toBe('000000' + 'aaaa' + '00' + '34123412' + 'ffffffff00000000');
  });

  it('aligns with zeros in data and NOPs in code', () => {
    expect(hex('.data\n.byte 1\n.align 2\n.byte 2\n.balign 8\n.byte 3\n.p2align 1\n.byte 4\n'))
      .toBe('01000000' + '02000000' + '0300' + '04');
    // Matches arm-linux-gnueabihf-as: zero bytes up to a word, then NOP (0xe320f000) words.
    expect(words('.text\n.word 1\n.byte 1\n.align 3\n.word 2\n')).toEqual([1, 1, 2]);
    expect(hex('.text\n.byte 1\n.align 4\n.word 2\n', '.text')).toBe('01000000' + '00f020e3'.repeat(3) + '02000000');
    expect(hex('.data\n.byte 1\n.balign 4, 0xee\n', '.data')).toBe('01eeeeee');
  });

  it('rejects bad alignments with a hint', () => {
    const [balign] = errors('.data\n.balign 3\n');
    expect(balign.message).toContain('power of two');
    const [align] = errors('.data\n.align 16\n');
    expect(align.hint).toContain('2^n');
  });

  it('rejects data in .bss and instructions in .bss', () => {
    expect(errors('.bss\n.word 1\n')[0].message).toContain('zero bytes');
    expect(errors('.bss\nmov r0, r1\n')[0].message).toContain('cannot go in .bss');
  });
});

describe('symbols and sections', () => {
  it('defines labels, .equ, .set and = and records .global, .type and .size', () => {
    const built = program('.global main\n.type main, %function\n.text\nmain: mov r0, #0\nbx lr\n.size main, . - main\n.equ SIX, 6\n.set SEVEN, 7\nEIGHT = 8\n.data\n.type value, %object\nvalue: .word SIX\n');
    const byName = new Map(built.symbols.map((symbol) => [symbol.name, symbol]));
    expect(byName.get('main')).toMatchObject({ global: true, type: 'function', size: 8, section: '.text', value: 0x10074 });
    expect(byName.get('SIX')?.value).toBe(6);
    expect(byName.get('SIX')?.section).toBeUndefined();
    expect(byName.get('SEVEN')?.value).toBe(7);
    expect(byName.get('EIGHT')?.value).toBe(8);
    expect(byName.get('value')).toMatchObject({ type: 'object', section: '.data' });
  });

  it('lets .set reassign a symbol; each use sees the value at that point', () => {
    expect(hex('.data\n.set X, 1\n.word X\n.set X, 2\n.word X\n')).toBe('01000000' + '02000000');
  });

  it('resolves .equ forward references', () => {
    expect(hex('.data\n.word LATER\n.equ LATER, 0x55\n')).toBe('55000000');
  });

  it('rejects a label defined twice, pointing at the first', () => {
    const [twice] = errors('a: .word 1\na: .word 2\n');
    expect(twice).toMatchObject({ line: 2, column: 1, message: "symbol 'a' is already defined", hint: 'first defined at line 1' });
  });

  it('resolves numeric local labels backwards and forwards', () => {
    expect(hex('.data\n1: .word 1b\n.word 1f\n1: .word 1b\n')).toBe(
      Buffer.from(new Uint32Array([0x11054, 0x1105c, 0x1105c]).buffer).toString('hex'));
    expect(errors('.data\n.word 3b\n')[0].message).toContain("no local label '3:' before");
  });

  it('places sections where ld does', () => {
    const built = program('.text\n_start: nop\n.section .rodata\n.byte 1\n.data\n.byte 2\n.bss\n.space 8\n');
    expect(built.sections.map((section) => [section.name, section.address, section.size])).toEqual([
      ['.text', 0x10074, 4], ['.rodata', 0x10078, 1], ['.data', 0x11079, 1], ['.bss', 0x1107a, 10],
    ]);
    expect(program('.text\nnop\n').sections[0].address).toBe(0x10054);
    expect(program('.text\n.balign 16\nnop\n.data\n.word 1\n').sections[0].address).toBe(0x10080);
  });

  it('starts .data on a fresh page when that uses fewer pages', () => {
    const built = program('.text\nnop\n.data\n.space 0xff0\n.word 5\n');
    expect(built.sections[1].address).toBe(0x11000);
  });

  it('orders .text.startup before .text and places orphan sections by their flags', () => {
    const built = program('.section .text.startup,"ax"\nmain: bx lr\n.text\n_start: bl main\n.section .myro,"a"\n.word 2\n.section .mydata,"aw"\n.word 1\n.data\n.byte 3\n');
    expect(built.sections.map((section) => section.name)).toEqual(['.text', '.myro', '.data', '.mydata']);
    expect(built.symbols.find((symbol) => symbol.name === 'main')?.value).toBe(0x10074);
    expect(built.entry).toBe(0x10078);
    expect(built.hasStart).toBe(true);
  });

  it('uses the start of .text as the entry when there is no _start', () => {
    const built = program('.text\nmain: nop\n');
    expect(built.entry).toBe(0x10054);
    expect(built.hasStart).toBe(false);
  });

  it('resolves externals through resolveExternal and lists them', () => {
    const built = program('.text\n_start: bl printf\n', { resolveExternal: (name) => (name === 'printf' ? 0x20000 : undefined) });
    expect(built.externals).toEqual([{ name: 'printf', address: 0x10054, position: { file: 'test.s', line: 2, column: 9 } }]);
    const [missing] = errors('.text\n_start: bl nothing\n');
    expect(missing.message).toBe('undefined reference to `nothing\'');
  });

  it('rejects Thumb with a clear message', () => {
    expect(errors('.thumb\n')[0].message).toContain('Thumb code is not supported');
    expect(errors('.code 16\n')[0].hint).toContain('.arm');
  });

  it('accepts metadata directives', () => {
    const built = program('.syntax unified\n.arm\n.code 32\n.cpu cortex-a7\n.arch armv7-a\n.fpu vfpv4\n.eabi_attribute 28, 1\n.file "x.c"\n.ident "gcc"\n.func f\n.endfunc\n.text\nnop\n.section .note.GNU-stack,"",%progbits\n');
    expect(built.sections.map((section) => section.name)).toEqual(['.text']);
    // PT_GNU_STACK adds a program header, so .text moves by 32 bytes, as with ld.
    expect(built.sections[0].address).toBe(0x10074);
  });

  it('stops at .end', () => {
    expect(hex('.data\n.byte 1\n.end\n.byte 2\n')).toBe('01');
  });

  it('reports unknown directives with a suggestion', () => {
    const [unknown] = errors('.wrod 1\n');
    expect(unknown).toMatchObject({ message: "unknown directive '.wrod'", column: 1, length: 5 });
  });
});
