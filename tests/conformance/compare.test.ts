import { describe, expect, it } from 'vitest';
import type { AssembleResult, Program } from '../../emulator/assembler/program';
import { compareForms, compareSections } from './compare';
import { fromHex, readElfSections, toHex } from './elf-sections';
import { FORMS_HEADER } from './forms';
import { parseGnuMessages } from './gnu';
import { goldenSection, stableJson } from './golden';

/** A stand-in assembler: each form line `w XXXXXXXX` becomes that word; `bad` is an error. */
function fakeAssemble(source: string): AssembleResult {
  const lines = source.split('\n');
  const words: number[] = [];
  const sourceMap: Program['sourceMap'] = [];
  const errors: { line: number; message: string }[] = [];
  lines.forEach((text, index) => {
    if (text === 'bad') errors.push({ line: index + 1, message: 'cannot encode' });
    const match = /^w ([0-9a-f]{8})$/.exec(text);
    if (!match) return;
    sourceMap.push({ address: 0x10054 + words.length * 4, size: 4, position: { file: 'forms.s', line: index + 1, column: 1 }, kind: 'code' });
    words.push(parseInt(match[1], 16));
  });
  if (errors.length) {
    return { ok: false, diagnostics: errors.map((e) => ({ ...e, file: 'forms.s', column: 1, severity: 'error' as const, length: 0 })) };
  }
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, index) => view.setUint32(index * 4, word, true));
  const section = { name: '.text', address: 0x10054, bytes, size: bytes.length, alignment: 4, flags: { alloc: true, write: false, execute: true, nobits: false } };
  return {
    ok: true,
    program: { file: 'forms.s', sections: [section], symbols: [], entry: 0x10054, hasStart: true, sourceMap, externals: [], diagnostics: [], sources: [] },
  };
}

describe('comparison machinery', () => {
  it('maps each form back to its word through the source map, and survives refused lines', () => {
    const outcomes = compareForms(fakeAssemble, [
      { source: 'w e3a00001', gnu: 'e3a00001' },
      { source: 'bad', gnu: 'e1a00000' },
      { source: 'w e3a00002', gnu: 'e3a00003' },
      { source: 'nothing', gnu: 'e1a00000' },
    ]);
    expect(outcomes.map((o) => [o.sherwood, o.error])).toEqual([
      ['e3a00001', undefined],
      [undefined, 'cannot encode'],
      ['e3a00002', undefined],
      [undefined, 'no bytes mapped to this line in the source map'],
    ]);
    expect(FORMS_HEADER.length).toBeGreaterThan(0);
  });

  it('reports section and line differences with GNU and Sherwood bytes', () => {
    const result = fakeAssemble([...FORMS_HEADER, 'w e3a00001', 'w e3a00002'].join('\n'));
    if (!result.ok) throw new Error('fake assembler failed');
    const golden = [{ name: '.text', address: 0x10054, size: 8, nobits: false, hex: ['01 00 a0 e3 03 00 a0 e3'.replace(/ /g, '')] }];
    const comparison = compareSections(golden, result.program, new Map([['forms.s', [...FORMS_HEADER, 'mov r0, #1', 'mov r0, #2'].join('\n')]]));
    expect(comparison.linesCompared).toBe(2);
    expect(comparison.linesIdentical).toBe(1);
    expect(comparison.problems).toEqual(['.text: first differing byte at offset 0x4']);
    expect(comparison.differences).toEqual([
      { file: 'forms.s', line: FORMS_HEADER.length + 2, text: 'mov r0, #2', address: 0x10058, gnu: '0300a0e3', sherwood: '0200a0e3' },
    ]);
    const moved = compareSections([{ ...golden[0], address: 0x10074 }, { name: '.data', address: 0x20000, size: 4, nobits: false, hex: ['00000000'] }], result.program, new Map());
    expect(moved.problems).toContain('.text: GNU places it at 0x10074, Sherwood at 0x10054');
    expect(moved.problems).toContain('.data: GNU has 4 bytes at 0x20000, Sherwood has no such section');
  });

  it('parses GNU messages by line, tagged or not', () => {
    const stderr = 'x.s: Assembler messages:\nx.s:7: Error: bad thing\nx.s:9: conditional infixes are deprecated\nld: warning\n';
    expect(parseGnuMessages(stderr, 'x.s')).toEqual([
      { line: 7, text: 'x.s:7: Error: bad thing' },
      { line: 9, text: 'x.s:9: conditional infixes are deprecated' },
      { line: 0, text: 'ld: warning' },
    ]);
  });

  it('reads sections of an ELF file and writes golden JSON one record per line', () => {
    expect(readElfSections(new Uint8Array(10))).toEqual({ ok: false, error: 'not an ELF file' });
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    const section = goldenSection({ name: '.data', address: 0x11000, size: 40, bytes: new Uint8Array(40).fill(0xab), nobits: false });
    expect(section.hex).toEqual(['ab'.repeat(32), 'ab'.repeat(8)]);
    expect(stableJson({ list: [{ a: 1 }, { a: 2 }], n: 3 })).toBe('{\n  "list": [\n    {"a":1},\n    {"a":2}\n  ],\n  "n": 3\n}');
  });
});
