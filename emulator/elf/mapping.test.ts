import { describe, expect, it } from 'vitest';
import type { Program, SourceMapEntry } from '../assembler/program';
import { helloProgram } from './fixtures/hello-program';
import { mappingSymbols } from './mapping';

const position = { file: 't.s', line: 1, column: 1 };
const entry = (address: number, size: number, kind: SourceMapEntry['kind']): SourceMapEntry => ({ address, size, position, kind });

/** Code bytes as `as` pads code alignment: `nop` (e320f000) words. */
function nops(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset + 4 <= size; offset += 4) bytes.set([0x00, 0xf0, 0x20, 0xe3], offset);
  return bytes;
}

function programWith(sourceMap: SourceMapEntry[]): Program {
  const flags = { alloc: true, write: false, execute: true, nobits: false };
  return {
    file: 't.s',
    sections: [
      { name: '.text', address: 0x10000, bytes: nops(0x40), size: 0x40, alignment: 4, flags },
      { name: '.data', address: 0x11040, bytes: new Uint8Array(8), size: 8, alignment: 4, flags: { ...flags, write: true, execute: false } },
    ],
    symbols: [], entry: 0x10000, hasStart: false, sourceMap, externals: [], diagnostics: [], sources: [],
  };
}

const brief = (program: Program) => mappingSymbols(program).map((symbol) => `${symbol.name}@${symbol.value.toString(16)}:${symbol.section}`);

describe('mappingSymbols', () => {
  it('marks the hello fixture as as does: $a at code, $d at the literal pool and at each data section', () => {
    expect(brief(helloProgram())).toEqual(['$a@10074:.text', '$d@1009c:.text', '$d@100a8:.rodata', '$d@110ae:.data', '$d@110b2:.bss']);
  });

  it('emits a symbol at each change between code and data, literals counting as data', () => {
    const program = programWith([
      entry(0x10000, 4, 'data'), entry(0x10004, 4, 'code'), entry(0x10008, 4, 'code'),
      entry(0x1000c, 4, 'literal'), entry(0x10010, 2, 'data'), entry(0x10014, 4, 'code'),
      entry(0x11040, 4, 'data'), entry(0x11044, 4, 'data'),
    ]);
    // Leading data is marked once code follows; the 2 bytes of alignment before the last
    // instruction are zeros ($d), then code; the data section is marked at its start.
    expect(brief(program)).toEqual(['$d@10000:.text', '$a@10004:.text', '$d@1000c:.text', '$d@10012:.text', '$a@10014:.text', '$d@11040:.data']);
    for (const symbol of mappingSymbols(program)) expect(symbol).toMatchObject({ global: false, type: 'none', size: 0 });
  });

  it('ignores empty entries and addresses outside every section, and tolerates unsorted maps', () => {
    const program = programWith([entry(0x10000, 0, 'data'), entry(0x20000, 4, 'code'), entry(0x11040, 4, 'data'), entry(0x10000, 4, 'code')]);
    expect(brief(program)).toEqual(['$a@10000:.text', '$d@11040:.data']);
    expect(mappingSymbols({ ...program, sections: [] })).toEqual([]);
  });

  // Each case: what arm-linux-gnueabihf-as 2.40 + ld leave in the executable for the source shown.
  it('marks alignment after data in code as zeros then nops: nop / .byte 1 / .align 2 / nop', () => {
    const program = programWith([entry(0x10000, 4, 'code'), entry(0x10004, 1, 'data'), entry(0x10008, 4, 'code')]);
    expect(brief(program)).toEqual(['$a@10000:.text', '$d@10004:.text', '$d@10005:.text', '$a@10008:.text']);
  });

  it('marks the zero padding at the end of a code section: nop / .ascii "x" / nop', () => {
    const program = programWith([entry(0x10000, 4, 'code'), entry(0x10004, 1, 'data'), entry(0x10005, 4, 'code')]);
    program.sections[0] = { ...program.sections[0], size: 12, bytes: nops(12) };
    expect(brief(program)).toEqual(['$a@10000:.text', '$d@10004:.text', '$a@10005:.text', '$d@10009:.text']);
  });

  it('leaves nop padding after code unmarked: nop / .align 4 / nop', () => {
    const program = programWith([entry(0x10000, 4, 'code'), entry(0x10010, 4, 'code')]);
    expect(brief(program)).toEqual(['$a@10000:.text']);
  });

  it('marks data that opens a section only where padding follows it: .byte 1 / .balign 4 / .byte 2 / .balign 4 / .word 1', () => {
    const program = programWith([entry(0x11040, 1, 'data'), entry(0x11044, 1, 'data'), entry(0x11048, 4, 'data')]);
    program.sections[1] = { ...program.sections[1], size: 12, bytes: new Uint8Array(12) };
    expect(brief(program)).toEqual(['$d@11041:.data']);
  });

  it('gives a section of plain data one $d at its start, as ld does: .word 1 / .ascii "ab"', () => {
    const program = programWith([entry(0x11040, 4, 'data'), entry(0x11044, 2, 'data')]);
    expect(brief(program)).toEqual(['$d@11040:.data']);
  });

  it('treats padding in code that is not nops as data: nop / .balign 8, 0 / nop', () => {
    const program = programWith([entry(0x10000, 4, 'code'), entry(0x10008, 4, 'code')]);
    program.sections[0].bytes.fill(0, 4, 8);
    expect(brief(program)).toEqual(['$a@10000:.text', '$d@10004:.text', '$a@10008:.text']);
  });

  it('marks every literal pool start, its alignment zeros as data: b 1f / .byte 1,2,3 / .ltorg / 1: .ltorg / ldr...', () => {
    const program = programWith([
      entry(0x10000, 4, 'code'), entry(0x10004, 3, 'data'), entry(0x10008, 4, 'literal'), entry(0x1000c, 4, 'literal'),
      entry(0x10010, 4, 'code'), entry(0x10014, 4, 'literal'), entry(0x10018, 4, 'code'), entry(0x1001c, 4, 'literal'),
    ]);
    program.sections[0] = { ...program.sections[0], size: 0x20, bytes: nops(0x20) };
    expect(brief(program)).toEqual([
      '$a@10000:.text', '$d@10004:.text', '$d@10008:.text', '$a@10010:.text', '$d@10014:.text', '$a@10018:.text', '$d@1001c:.text',
    ]);
  });
});
