/**
 * objdump's layout rules on small hand-built images: which symbol names an
 * address, how data is sized between mapping symbols, when zeros fold into
 * `...`, and the address and byte columns. Expected text is objdump's output
 * for the same bytes (tests in /tmp against binutils 2.40).
 */
import { describe, expect, it } from 'vitest';
import type { ProgramSymbol, Section } from '../assembler/program';
import { createSymbolIndex, disassembleImage, formatListing, isMappingSymbol } from './index';

const symbol = (name: string, value: number, extra: Partial<ProgramSymbol> = {}): ProgramSymbol => ({ name, value, section: '.text', global: false, type: 'none', size: 0, ...extra });

function textSection(address: number, bytes: number[]): Section {
  return { name: '.text', address, bytes: Uint8Array.from(bytes), size: bytes.length, alignment: 4, flags: { alloc: true, write: false, execute: true, nobits: false } };
}

function words(...values: number[]): number[] {
  return values.flatMap((value) => [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, value >>> 24]);
}

describe('symbol names', () => {
  it('prefers a function, then an object, then a global, then the first name', () => {
    const index = createSymbolIndex([
      symbol('loc', 0x10058), symbol('_start', 0x10058, { global: true }),
      symbol('zeta', 0x10060), symbol('bar', 0x10060, { type: 'function' }),
      symbol('b', 0x10070, { global: true }), symbol('a', 0x10070, { global: true }),
      symbol('$a', 0x10054), symbol('$d', 0x10080), symbol('SEVEN', 7, { section: undefined }),
    ]);
    expect(index.nameAt(0x10058)).toBe('_start');
    expect(index.nameAt(0x1005c)).toBe('_start+0x4');
    expect(index.nameAt(0x10060)).toBe('bar');
    expect(index.nameAt(0x10070)).toBe('a');
    expect(index.nameAt(0x10084)).toBe('a+0x14');
    expect(index.nameAt(0x10054)).toBe('SEVEN+0x1004d');
    expect(index.nameAt(4)).toBe('SEVEN-0x3');
    expect(index.headerAt(0x10058)).toBe('_start');
    expect(index.headerAt(0x10080)).toBeUndefined();
  });

  it('names addresses after absolute symbols too, but heads blocks only with section symbols', () => {
    // .equ CONST, 0x1005c / _start: nop / nop / b .+4 / b . / ldr r0, [pc]
    const section = textSection(0x10054, words(0xe320f000, 0xe320f000, 0xeaffffff, 0xeafffffe, 0xe59f0000));
    const symbols = [symbol('_start', 0x10054, { global: true }), symbol('CONST', 0x1005c, { section: undefined }), symbol('$a', 0x10054)];
    expect(formatListing(disassembleImage({ sections: [section], symbols }))).toBe([
      '',
      'Disassembly of section .text:',
      '',
      '00010054 <_start>:',
      '   10054:\te320f000 \tnop\t{0}',
      '   10058:\te320f000 \tnop\t{0}',
      '   1005c:\teaffffff \tb\t10060 <CONST+0x4>',
      '   10060:\teafffffe \tb\t10060 <CONST+0x4>',
      '   10064:\te59f0000 \tldr\tr0, [pc]\t@ 1006c <CONST+0x10>',
      '',
    ].join('\n'));
  });

  it('names nothing when there are no symbols, so targets print as 0x...', () => {
    expect(createSymbolIndex([symbol('$a', 0x10054)]).nameAt(0x10054)).toBeUndefined();
    expect(isMappingSymbol('$a')).toBe(true);
    expect(isMappingSymbol('$d.1')).toBe(true);
    expect(isMappingSymbol('$x')).toBe(false);
    expect(isMappingSymbol('$done')).toBe(false);
  });
});

describe('disassembleImage and formatListing', () => {
  it('sizes data up to the next mapping symbol and folds short zero tails into ...', () => {
    // .text of: lab: .word 0 / .byte 1,2,3 / .align 2 / lab2: nop / .hword 3 / .align 2 / mov r0, r0
    const section = textSection(0x100dc, [...words(0), 1, 2, 3, 0, ...words(0xe320f000), 3, 0, 0, 0, ...words(0xe1a00000)]);
    const symbols = [
      symbol('$d', 0x100dc), symbol('lab', 0x100dc), symbol('$d', 0x100e3), symbol('lab2', 0x100e4), symbol('$a', 0x100e4),
      symbol('$d', 0x100e8), symbol('$d', 0x100ea), symbol('$a', 0x100ec),
    ];
    const listing = formatListing(disassembleImage({ sections: [section], symbols }));
    expect(listing).toBe([
      '',
      'Disassembly of section .text:',
      '',
      '000100dc <lab>:',
      '   100dc:\t00000000 \t.word\t0x00000000',
      '   100e0:\t0201      \t.short\t0x0201',
      '   100e2:\t03          \t.byte\t0x03',
      '\t...',
      '',
      '000100e4 <lab2>:',
      '   100e4:\te320f000 \tnop\t{0}',
      '   100e8:\t0003      \t.short\t0x0003',
      '   100ea:\t0000      \t.short\t0x0000',
      '   100ec:\te1a00000 \tnop\t\t\t@ (mov r0, r0)',
      '',
    ].join('\n'));
  });

  it('folds runs of eight or more zero bytes, in whole words unless they reach the next symbol', () => {
    // nop / .space 16 / mov r0, r0 / .space 3 / .align 2 / .space 8 (objdump: c.s in the notes)
    const section = textSection(0x10064, [...words(0xe320f000), ...new Array(16).fill(0), ...words(0xe1a00000), ...new Array(12).fill(0)]);
    const lines = disassembleImage({ sections: [section], symbols: [symbol('bar', 0x10064, { type: 'function' }), symbol('zz', 0x10068)] });
    expect(formatListing(lines)).toBe([
      '',
      'Disassembly of section .text:',
      '',
      '00010064 <bar>:',
      '   10064:\te320f000 \tnop\t{0}',
      '',
      '00010068 <zz>:',
      '\t...',
      '   10078:\te1a00000 \tnop\t\t\t@ (mov r0, r0)',
      '\t...',
      '',
    ].join('\n'));
    expect(lines[1]).toMatchObject({ skipped: true, size: 16, symbol: 'zz', text: '...' });
  });

  it('uses objdump\'s address width: four digits for small sections, the file banner, and section names for unnamed starts', () => {
    const section = textSection(0, words(0xeafffffe, 0xe12fff1e));
    const lines = disassembleImage({ sections: [section], symbols: [] });
    expect(formatListing(lines, { file: 'x.elf' })).toBe([
      '',
      'x.elf:     file format elf32-littlearm',
      '',
      '',
      'Disassembly of section .text:',
      '',
      '00000000 <.text>:',
      '   0:\teafffffe \tb\t0x0',
      '   4:\te12fff1e \tbx\tlr',
      '',
    ].join('\n'));
  });

  it('skips sections that are not executable and marks words no row decodes', () => {
    const data: Section = { ...textSection(0x20000, words(1)), name: '.data', flags: { alloc: true, write: true, execute: false, nobits: false } };
    const lines = disassembleImage({ sections: [textSection(0x10000, words(0xee100a10)), data], symbols: [] });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: 'undefined', text: '.word\t0xee100a10', note: 'not supported by Sherwood', section: '.text' });
  });
});
