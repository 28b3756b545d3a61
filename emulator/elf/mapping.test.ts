import { describe, expect, it } from 'vitest';
import type { Program, SourceMapEntry } from '../assembler/program';
import { helloProgram } from './fixtures/hello-program';
import { mappingSymbols } from './mapping';

const position = { file: 't.s', line: 1, column: 1 };
const entry = (address: number, size: number, kind: SourceMapEntry['kind']): SourceMapEntry => ({ address, size, position, kind });

function programWith(sourceMap: SourceMapEntry[]): Program {
  const flags = { alloc: true, write: false, execute: true, nobits: false };
  return {
    file: 't.s',
    sections: [
      { name: '.text', address: 0x10000, bytes: new Uint8Array(0x40), size: 0x40, alignment: 4, flags },
      { name: '.data', address: 0x11040, bytes: new Uint8Array(8), size: 8, alignment: 4, flags: { ...flags, write: true, execute: false } },
    ],
    symbols: [], entry: 0x10000, hasStart: false, sourceMap, externals: [], diagnostics: [],
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
    expect(brief(program)).toEqual(['$d@10000:.text', '$a@10004:.text', '$d@1000c:.text', '$a@10014:.text', '$d@11040:.data']);
    for (const symbol of mappingSymbols(program)) expect(symbol).toMatchObject({ global: false, type: 'none', size: 0 });
  });

  it('ignores empty entries and addresses outside every section, and tolerates unsorted maps', () => {
    const program = programWith([entry(0x10000, 0, 'data'), entry(0x20000, 4, 'code'), entry(0x11040, 4, 'data'), entry(0x10000, 4, 'code')]);
    expect(brief(program)).toEqual(['$d@11040:.data', '$a@10000:.text']);
    expect(mappingSymbols({ ...program, sections: [] })).toEqual([]);
  });
});
