import { describe, expect, it } from 'vitest';
import { addressesOfLine, entryAt, positionOf } from './source-map';
import { errors, program, words } from './test-helpers';
import { fitsModifiedImmediate, unknownMnemonicMessage } from './instructions';

// Expected words come from arm-linux-gnueabihf-as -march=armv7ve + ld.
describe('instructions', () => {
  it('encodes instructions with every operand shape', () => {
    expect(words([
      '_start: add r0, r1, #5', 'sub r0, r0, r1, lsl #2', 'ldr r0, [r1, #-4]!', 'ldr r0, [r1], #4',
      'ldr r0, [r1, r2, lsl #2]', 'strb r0, [r1, -r2]', 'push {r4-r6, lr}', 'ldm r0!, {r1, r2}',
      'mrs r0, apsr', 'msr apsr_nzcvq, r0', 'svc 0', 'svc #0',
    ].join('\n'))).toEqual([
      0xe2810005, 0xe0400101, 0xe5310004, 0xe4910004, 0xe7910102, 0xe7410002, 0xe92d4070, 0xe8b00006,
      0xe10f0000, 0xe128f000, 0xef000000, 0xef000000,
    ]);
  });

  it('accepts register aliases and upper case, but not mixed-case names', () => {
    expect(words('mov fp, ip\nmov sl, sb\nMOV R0, SP\nmov a1, v8\n')).toEqual([0xe1a0b00c, 0xe1a0a009, 0xe1a0000d, 0xe1a0000b]);
    expect(errors('mov r0, Sp\n').length).toBe(1);
  });

  it('resolves branches, local labels and PC-relative loads', () => {
    expect(words('_start: b 1f\n1: bl 1b\nb _start\nadr r0, value\nldr r1, value\nvalue: .word 7\n')).toEqual([
      0xeaffffff, 0xebfffffe, 0xeafffffc, 0xe28f0000, 0xe51f1004, 7,
    ]);
  });

  it('encodes #:lower16: and #:upper16: of an address', () => {
    expect(words('movw r1, #:lower16:msg\nmovt r1, #:upper16:msg\n.data\nmsg: .word 0\n')).toEqual([0xe301107c, 0xe3401001]);
  });

  it('maps barrier option names to their numbers and skips (PLT)', () => {
    expect(words('dmb ish\ndsb sy\nbl f(PLT)\nf: bx lr\n')).toEqual([0xf57ff05b, 0xf57ff04f, 0xebffffff, 0xe12fff1e]);
  });

  it('tries every reading of an ambiguous mnemonic (divided syntax)', () => {
    expect(words('addeqs r0, r0, #1\nldreqb r0, [r1]\nldmeqia r0, {r1}\n')).toEqual([0x02900001, 0x05d10000, 0x08900002]);
  });
});

describe('ldr =', () => {
  it('uses MOV or MVN when the constant allows, else a shared literal at the end of the section', () => {
    expect(words('_start: ldr r0, =0x1234\nldr r1, =0xff000000\nldr r2, =0xffffff00\nldr r3, =0x12345678\nldr r4, =0x12345678\n')).toEqual([
      0xe59f000c, 0xe3a014ff, 0xe3e020ff, 0xe59f3004, 0xe51f4000, 0x1234, 0x12345678,
    ]);
  });

  it('places pools at .ltorg, aligned, and shares equal symbol literals', () => {
    expect(words('ldr r0, =msg\nldr r1, =msg\n.byte 1\n.ltorg\nldr r2, =msg\n.data\nmsg: .word 0\n')).toEqual([
      0xe59f0004, 0xe51f1000, 0x01, 0x1108c, 0xe51f2004, 0x1108c,
    ]);
  });

  it('reports =expr on anything but ldr', () => {
    expect(errors('mov r0, =5\n').length).toBeGreaterThan(0);
  });

  it('knows which constants are rotated immediates', () => {
    expect([0, 0xff, 0x3fc, 0xff000000, 0xf000000f].map(fitsModifiedImmediate)).toEqual([true, true, true, true, true]);
    expect([0x101, 0x1234, 0xffffffff].map(fitsModifiedImmediate)).toEqual([false, false, false]);
  });
});

describe('diagnostics', () => {
  it('reports every error of a file with line, column and length', () => {
    const found = errors('mov r0, #1\nfoo r1\nadd r0, r1, #0x101\n.word (\nldr r0, [r1\n');
    expect(found.map((d) => d.line)).toEqual([2, 3, 4, 5]);
    expect(found[0]).toMatchObject({ column: 1, length: 3, message: "unknown instruction 'foo'" });
    expect(found[1].column).toBe(13);
    expect(found[1].message).toMatch(/0x101/);
  });

  it('suggests the nearest mnemonic, keeping condition and S suffixes', () => {
    expect(unknownMnemonicMessage('mvo').hint).toBe("did you mean 'mov'?");
    expect(unknownMnemonicMessage('ad').hint).toBe("did you mean 'add'?");
    expect(unknownMnemonicMessage('xyzzy').hint).toBeUndefined();
    expect(unknownMnemonicMessage('pusj').hint).toBe("did you mean 'push'?");
    expect(unknownMnemonicMessage('mvoeq').hint).toBe("did you mean 'moveq'?");
    expect(unknownMnemonicMessage('sbus').hint).toBe("did you mean 'subs'?");
    expect(errors('mvo r0, r1\n')[0].hint).toBe("did you mean 'mov'?");
  });

  it('reports errors inside macro expansions at the invocation line', () => {
    const [found] = errors('.macro bad\nfoo r0\n.endm\n\nbad\n');
    expect(found).toMatchObject({ line: 5, message: "unknown instruction 'foo'" });
  });
});

describe('source map', () => {
  const built = program('_start: mov r0, #1\n  ldr r1, =0x12345678\n.data\nv: .word 1, 2\n');

  it('maps every instruction, data directive and literal to its line and column', () => {
    expect(built.sourceMap.map((entry) => [entry.address, entry.size, entry.position.line, entry.position.column, entry.kind])).toEqual([
      [0x10074, 4, 1, 9, 'code'], [0x10078, 4, 2, 3, 'code'], [0x1007c, 4, 2, 3, 'literal'], [0x11080, 8, 4, 4, 'data'],
    ]);
  });

  it('looks addresses up by binary search and lines up by index', () => {
    expect(positionOf(built, 0x10078)).toEqual({ file: 'test.s', line: 2, column: 3 });
    expect(positionOf(built, 0x11084)?.line).toBe(4);
    expect(positionOf(built, 0x10000)).toBeUndefined();
    expect(entryAt(built, 0x1007c)?.kind).toBe('literal');
    expect(addressesOfLine(built, 'test.s', 2)).toEqual([0x10078, 0x1007c]);
    expect(addressesOfLine(built, 'test.s', 3)).toEqual([]);
    expect(addressesOfLine(built, 'other.s', 1)).toEqual([]);
  });
});
