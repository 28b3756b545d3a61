import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Program, Section } from '../assembler/program';
import { helloProgram, LINKER_SYMBOLS } from './fixtures/hello-program';
import { mappingSymbols } from './mapping';
import { readElf } from './reader';
import { summarizeElf } from './test-support';
import { writeElf } from './writer';

const ldHello = new Uint8Array(readFileSync(new URL('./fixtures/hello.elf', import.meta.url)));

const section = (name: string, address: number, bytes: number[] | number, flags: Partial<Section['flags']> = {}): Section => {
  const content = typeof bytes === 'number' ? new Uint8Array(bytes) : Uint8Array.from(bytes);
  return {
    name, address, bytes: content, size: content.length, alignment: 4,
    flags: { alloc: true, write: false, execute: false, nobits: false, ...flags },
  };
};

const program = (sections: Section[], extra: Partial<Program> = {}): Program => ({
  file: 'test.s', sections, symbols: [], entry: sections[0]?.address ?? 0, hasStart: false,
  sourceMap: [], externals: [], diagnostics: [], sources: [], ...extra,
});

describe('writeElf against the ld-built fixture', () => {
  const ours = summarizeElf(writeElf(helloProgram()));
  const theirs = summarizeElf(ldHello);

  it('writes the same ELF header fields as ld', () => {
    const pick = ({ type, machine, entry, flags, headerSize, programHeaderSize, sectionHeaderSize }: typeof ours) =>
      ({ type, machine, entry, flags, headerSize, programHeaderSize, sectionHeaderSize });
    expect(pick(ours)).toEqual(pick(theirs));
    expect(ours.flags).toBe(0x05000200);
  });

  it('lays out the same PT_LOAD segments', () => {
    expect(ours.segments).toEqual(theirs.segments);
  });

  it('writes the same allocated sections and .ARM.attributes', () => {
    const loaded = (summary: typeof ours) => summary.sections.filter((entry) => entry.flags & 2 || entry.name === '.ARM.attributes');
    expect(loaded(ours)).toEqual(loaded(theirs));
    expect(ours.sections.map((entry) => entry.name)).toEqual(theirs.sections.map((entry) => entry.name));
    const symtab = ours.sections.find((entry) => entry.name === '.symtab');
    expect(symtab).toMatchObject({ type: 2, link: 7, entrySize: 16, alignment: 4, offset: theirs.sections[6].offset });
  });

  it('loads the same bytes and carries the same symbols (ld adds its own)', () => {
    const written = readElf(writeElf(helloProgram()));
    const linked = readElf(ldHello);
    if (!written.ok || !linked.ok) throw new Error('unreadable');
    expect(written.program.sections).toEqual(linked.program.sections);
    const key = (symbol: { name: string; value: number }) => `${symbol.name}@${symbol.value.toString(16)}`;
    const ld = linked.program.symbols.filter((symbol) => !LINKER_SYMBOLS.includes(symbol.name));
    expect(written.program.symbols.map(key).sort()).toEqual(ld.map(key).sort());
    expect(written.program.symbols).toEqual(expect.arrayContaining(ld));
  });

  it('copies the file bytes of every segment exactly as ld does', () => {
    const bytes = writeElf(helloProgram());
    for (const segment of theirs.segments) {
      // The headers differ only in the section-header offset; compare what follows them.
      const from = Math.max(segment.offset, 0x74);
      expect(bytes.subarray(from, segment.offset + segment.fileSize)).toEqual(ldHello.subarray(from, segment.offset + segment.fileSize));
    }
  });
});

describe('writeElf layout', () => {
  it('puts a text-only program in one R E segment, as ld does at 0x10054', () => {
    const summary = summarizeElf(writeElf(program([section('.text', 0x10054, [0x01, 0x70, 0xa0, 0xe3, 0, 0, 0, 0xef], { execute: true })])));
    expect(summary.segments).toEqual([
      { type: 1, offset: 0, address: 0x10000, physicalAddress: 0x10000, fileSize: 0x5c, memorySize: 0x5c, flags: 5, alignment: 0x1000 },
    ]);
    expect(summary.sections.map((entry) => entry.name)).toEqual(['', '.text', '.ARM.attributes', '.symtab', '.strtab', '.shstrtab']);
  });

  it('pads to keep the data segment offset congruent to its address modulo the page', () => {
    const summary = summarizeElf(writeElf(program([
      section('.text', 0x10074, 12, { execute: true }),
      section('.rodata', 0x10080, 1),
      section('.data', 0x11090, 20, { write: true }),
    ])));
    expect(summary.segments.map(({ offset, address, fileSize, memorySize, flags }) => ({ offset, address, fileSize, memorySize, flags }))).toEqual([
      { offset: 0, address: 0x10000, fileSize: 0x81, memorySize: 0x81, flags: 5 },
      { offset: 0x90, address: 0x11090, fileSize: 0x14, memorySize: 0x14, flags: 6 },
    ]);
  });

  it('places sections whose headers do not fit below them on a congruent offset instead', () => {
    const bytes = writeElf(program([section('.text', 0x10000, [1, 2, 3, 4], { execute: true }), section('.data', 0x11004, [5], { write: true })]));
    const summary = summarizeElf(bytes);
    expect(summary.segments[0]).toMatchObject({ offset: 0x1000, address: 0x10000, fileSize: 4 });
    expect(summary.segments[1]).toMatchObject({ offset: 0x1004, address: 0x11004, fileSize: 1 });
    expect(Array.from(bytes.subarray(0x1000, 0x1005))).toEqual([1, 2, 3, 4, 5]);
  });

  it('writes .bss as NOBITS that occupies memory but no file bytes', () => {
    const summary = summarizeElf(writeElf(program([
      section('.text', 0x10074, 8, { execute: true }),
      { ...section('.bss', 0x1107c, 8, { write: true, nobits: true }) },
    ])));
    expect(summary.segments[1]).toMatchObject({ offset: 0x7c, address: 0x1107c, fileSize: 0, memorySize: 8, flags: 6 });
    expect(summary.sections[2]).toMatchObject({ name: '.bss', type: 8, offset: 0x7c, size: 8, flags: 3 });
  });

  it('puts NOBITS sections where ld does: after the data bytes, or alone without moving what follows', () => {
    // .data of 1 byte then a 16-aligned .bss: ld gives .bss the offset right after .data's byte.
    let summary = summarizeElf(writeElf(program([
      section('.text', 0x10074, 8, { execute: true }),
      section('.data', 0x1107c, 1, { write: true }),
      { ...section('.bss', 0x11080, 8, { write: true, nobits: true }), alignment: 16 },
    ])));
    expect(summary.sections.slice(1, 5).map(({ name, offset }) => `${name}@${offset.toString(16)}`)).toEqual(['.text@74', '.data@7c', '.bss@7d', '.ARM.attributes@7d']);
    expect(summary.segments[1]).toMatchObject({ offset: 0x7c, address: 0x1107c, fileSize: 1, memorySize: 0xc });
    // Only a 16-aligned .bss: its segment is congruent, but .ARM.attributes follows the text bytes.
    summary = summarizeElf(writeElf(program([
      section('.text', 0x10074, 8, { execute: true }),
      { ...section('.bss', 0x11080, 8, { write: true, nobits: true }), alignment: 16 },
    ])));
    expect(summary.sections.slice(1, 4).map(({ name, offset }) => `${name}@${offset.toString(16)}`)).toEqual(['.text@74', '.bss@80', '.ARM.attributes@7c']);
    expect(summary.segments[1]).toMatchObject({ offset: 0x80, address: 0x11080, fileSize: 0, memorySize: 8 });
  });

  it('never throws on odd programs: none, overlapping, far apart, bss in the middle', () => {
    const odd: Program[] = [
      program([]),
      program([section('.text', 0x10074, 8, { execute: true }), section('.more', 0x10078, 8, { execute: true })]),
      program([section('.text', 0x10074, 8, { execute: true }), section('.far', 0xfffff000, 4096, { execute: true })]),
      program([section('.bss', 0x11000, 0x100000, { write: true, nobits: true }), section('.data', 0x111000, 4, { write: true })]),
      program([section('.text', -4, 4, { execute: true })], { entry: -1, symbols: [{ name: 'x', value: -1, section: 'nowhere', global: true, type: 'object', size: -5 }] }),
    ];
    for (const entry of odd) {
      const bytes = writeElf(entry);
      expect(bytes.length).toBeLessThan(0x20000);
      const read = readElf(bytes);
      expect(read.ok).toBe(true);
    }
  });
});

describe('writeElf and readElf round trip', () => {
  it('gives back the sections, symbols, entry and mapping symbols', () => {
    const original = helloProgram();
    const result = readElf(writeElf(original), 'hello');
    if (!result.ok) throw new Error(result.error);
    const back = result.program;
    expect(back.sections).toEqual(original.sections);
    expect(back.entry).toBe(original.entry);
    expect(back.hasStart).toBe(true);
    expect(back.file).toBe('hello');
    expect(back.symbols).toEqual([...original.symbols.filter((symbol) => !symbol.global), ...mappingSymbols(original), ...original.symbols.filter((symbol) => symbol.global)]);
    // Written again, a program read from a file keeps its mapping symbols without doubling them.
    const again = readElf(writeElf(back));
    if (!again.ok) throw new Error(again.error);
    expect(again.program.symbols).toEqual(back.symbols);
  });

  it('drops position but keeps names, values, sizes, types and bindings', () => {
    const original = program([section('.text', 0x10054, 8, { execute: true })], {
      symbols: [
        { name: 'main', value: 0x10054, section: '.text', global: true, type: 'function', size: 8, position: { file: 'test.s', line: 3, column: 1 } },
        { name: 'limit', value: 100, global: false, type: 'none', size: 0 },
        { name: 'ünïcode', value: 0x10058, section: '.text', global: false, type: 'object', size: 4 },
      ],
    });
    const result = readElf(writeElf(original));
    if (!result.ok) throw new Error(result.error);
    expect(result.program.symbols.map(({ position: _, ...symbol }) => symbol)).toEqual([
      { name: 'limit', value: 100, section: undefined, global: false, type: 'none', size: 0 },
      { name: 'ünïcode', value: 0x10058, section: '.text', global: false, type: 'object', size: 4 },
      { name: 'main', value: 0x10054, section: '.text', global: true, type: 'function', size: 8 },
    ]);
    expect(result.program.hasStart).toBe(false);
  });
});
