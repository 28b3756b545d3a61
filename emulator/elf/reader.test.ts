import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { helloProgram } from './fixtures/hello-program';
import { readElf } from './reader';
import { seededRandom } from './test-support';
import { writeElf } from './writer';

const ldHello = new Uint8Array(readFileSync(new URL('./fixtures/hello.elf', import.meta.url)));
/** Where the fixture's section header table starts (e_shoff). */
const SECTION_HEADERS = new DataView(ldHello.buffer).getUint32(32, true);

function patched(source: Uint8Array, edit: (view: DataView, bytes: Uint8Array) => void): Uint8Array {
  const bytes = source.slice();
  edit(new DataView(bytes.buffer), bytes);
  return bytes;
}

function errorOf(bytes: Uint8Array): string {
  const result = readElf(bytes);
  if (result.ok) throw new Error('expected a rejection');
  return result.error;
}

describe('readElf on an ld-built executable', () => {
  const result = readElf(ldHello, 'hello.elf');

  it('reads the allocated sections in address order with their bytes and flags', () => {
    if (!result.ok) throw new Error(result.error);
    const { program } = result;
    expect(program.sections.map(({ name, address, size, alignment, flags }) => ({ name, address, size, alignment, flags }))).toEqual([
      { name: '.text', address: 0x10074, size: 0x34, alignment: 4, flags: { alloc: true, write: false, execute: true, nobits: false } },
      { name: '.rodata', address: 0x100a8, size: 6, alignment: 1, flags: { alloc: true, write: false, execute: false, nobits: false } },
      { name: '.data', address: 0x110ae, size: 4, alignment: 1, flags: { alloc: true, write: true, execute: false, nobits: false } },
      { name: '.bss', address: 0x110b2, size: 0x66, alignment: 1, flags: { alloc: true, write: true, execute: false, nobits: true } },
    ]);
    expect(new TextDecoder().decode(program.sections[1].bytes)).toBe('hello\n');
    expect(Array.from(program.sections[0].bytes.subarray(0, 4))).toEqual([0x01, 0x00, 0xa0, 0xe3]);
    expect(program.sections[3].bytes).toEqual(new Uint8Array(0x66));
  });

  it('reads the entry, symbols with types, sizes and bindings, and keeps mapping symbols', () => {
    if (!result.ok) throw new Error(result.error);
    const { program } = result;
    expect(program).toMatchObject({ file: 'hello.elf', entry: 0x10074, hasStart: true, sourceMap: [], externals: [], diagnostics: [] });
    const find = (name: string) => program.symbols.filter((symbol) => symbol.name === name);
    expect(find('_start')).toEqual([{ name: '_start', value: 0x10074, section: '.text', global: true, type: 'function', size: 40 }]);
    expect(find('counter')).toEqual([{ name: 'counter', value: 0x110ae, section: '.data', global: false, type: 'object', size: 4 }]);
    expect(find('len')).toEqual([{ name: 'len', value: 6, section: undefined, global: false, type: 'none', size: 0 }]);
    expect(find('$a').map((symbol) => symbol.value)).toEqual([0x10074]);
    expect(find('$d').map((symbol) => symbol.value).sort()).toEqual([0x1009c, 0x100a8, 0x110ae, 0x110b2]);
    expect(find('.text')).toEqual([]);
    expect(find('h.o')).toEqual([]);
  });
});

describe('readElf on executables gcc -static builds', () => {
  it('leaves out .tbss, which takes no room in the image (ld overlaps it with the next section)', () => {
    // The fixture's .bss (section 4) marked SHF_TLS as a stand-in for glibc's .tbss.
    const tls = patched(ldHello, (view) => view.setUint32(SECTION_HEADERS + 4 * 40 + 8, 0x403, true));
    const result = readElf(tls);
    if (!result.ok) throw new Error(result.error);
    expect(result.program.sections.map((section) => section.name)).toEqual(['.text', '.rodata', '.data']);
  });
});

describe('readElf rejects what it cannot read, with a reason', () => {
  it.each([
    ['an empty file', new Uint8Array(0), /truncated: the file is 0 bytes/],
    ['a cut header', ldHello.subarray(0, 40), /truncated: the file is 40 bytes/],
    ['a text file', new TextEncoder().encode('\tmov r0, #1\n'.repeat(10)), /not an ELF file/],
    ['a 64-bit file', patched(ldHello, (_, bytes) => { bytes[4] = 2; }), /64-bit/],
    ['a big-endian file', patched(ldHello, (_, bytes) => { bytes[5] = 2; }), /big-endian/],
    ['an x86 file', patched(ldHello, (view) => view.setUint16(18, 3, true)), /built for x86, not ARM/],
    ['an AArch64 file', patched(ldHello, (view) => view.setUint16(18, 183, true)), /built for AArch64/],
    ['an object file', patched(ldHello, (view) => view.setUint16(16, 1, true)), /relocatable object.*link it/],
    ['a shared object', patched(ldHello, (view) => view.setUint16(16, 3, true)), /static executables/],
    ['no section headers', patched(ldHello, (view) => view.setUint16(48, 0, true)), /no section headers/],
    ['section headers past the end', ldHello.subarray(0, ldHello.length - 8), /section header table .* runs past the end/],
    ['a section past the end', patched(ldHello, (view) => view.setUint32(SECTION_HEADERS + 40 + 16, 0xfffff000, true)), /section 1 .* runs past the end of the file/],
    ['a bad name table index', patched(ldHello, (view) => view.setUint16(50, 1, true)), /does not name a string table/],
    ['a name outside the name table', patched(ldHello, (view) => view.setUint32(SECTION_HEADERS + 40, 0xffff, true)), /section 1 has a name offset/],
    ['a huge .bss', patched(ldHello, (view) => view.setUint32(SECTION_HEADERS + 4 * 40 + 20, 0x7fffffff, true)), /limit/],
    ['a wrapping section', patched(ldHello, (view) => view.setUint32(SECTION_HEADERS + 4 * 40 + 12, 0xffffffc0, true)), /32-bit address space/],
    ['a symbol in a missing section', patched(ldHello, (view) => view.setUint16(0xd8 + 19 * 16 + 14, 99, true)), /symbol 19 refers to section 99/],
  ])('%s', (_, bytes, message) => {
    expect(errorOf(bytes)).toMatch(message);
  });
});

describe('readElf never throws on damaged files (seeded fuzz)', () => {
  const seeds = [ldHello, writeElf(helloProgram())];

  it('survives 30,000 mutated and truncated files, returning a program or a reason', () => {
    const random = seededRandom(0x5eed);
    const pick = (limit: number) => Math.floor(random() * limit);
    const interesting = [0, 1, 0x7f, 0x80, 0xff, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 52, 40, 16];
    let accepted = 0;
    for (let round = 0; round < 30_000; round++) {
      const base = seeds[round % seeds.length];
      let bytes = base.slice();
      const edits = 1 + pick(4);
      for (let edit = 0; edit < edits && bytes.length >= 4; edit++) {
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
        const choice = pick(5);
        // Headers and tables matter most: aim half the edits at the first 0x100 bytes or the section headers.
        const region = random() < 0.5 ? (random() < 0.5 ? pick(0x100) : SECTION_HEADERS + pick(Math.max(1, bytes.length - SECTION_HEADERS))) : pick(bytes.length);
        const at = Math.min(region, bytes.length - 4);
        if (choice === 0) bytes[at] ^= 1 << pick(8);
        else if (choice === 1) bytes[at] = pick(256);
        else if (choice === 2) view.setUint32(at, interesting[pick(interesting.length)], true);
        else if (choice === 3) view.setUint16(at, interesting[pick(interesting.length)] & 0xffff, true);
        else bytes = bytes.subarray(0, pick(bytes.length));
      }
      let result: ReturnType<typeof readElf>;
      try {
        result = readElf(bytes);
      } catch (error) {
        throw new Error(`round ${round}: readElf threw ${String(error)}`);
      }
      if (result.ok) {
        accepted++;
        for (const section of result.program.sections) expect(section.bytes.length).toBe(section.size);
      } else {
        expect(result.error.length).toBeGreaterThan(10);
      }
    }
    // Some mutations are harmless (they touch padding or symbol values): both outcomes must occur.
    expect(accepted).toBeGreaterThan(100);
    expect(accepted).toBeLessThan(30_000);
  });
});
