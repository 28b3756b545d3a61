/** Seeded property test: any well-formed Program survives writeElf -> readElf unchanged. */
import { describe, expect, it } from 'vitest';
import type { Program, ProgramSymbol, Section, SourceMapEntry } from '../assembler/program';
import { mappingSymbols } from './mapping';
import { readElf } from './reader';
import { seededRandom } from './test-support';
import { writeElf } from './writer';

function randomProgram(random: () => number): Program {
  const pick = (limit: number) => Math.floor(random() * limit);
  const sections: Section[] = [];
  const sourceMap: SourceMapEntry[] = [];
  let address = 0x10054 + 4 * pick(16);
  const kinds = ['code', 'rodata', 'data', 'bss'] as const;
  let kindIndex = 0;
  const count = 1 + pick(5);
  for (let index = 0; index < count && kindIndex < kinds.length; index++) {
    const kind = kinds[kindIndex];
    kindIndex += 1 + pick(2) - (index === 0 ? 0 : pick(2));
    if (kind === 'data' || kind === 'bss') address = Math.max(address, (address & ~0xfff) + 0x1000 + (address & 0xfff));
    const alignment = 1 << pick(4);
    address = Math.ceil(address / alignment) * alignment;
    const size = 1 + pick(300);
    const nobits = kind === 'bss';
    const bytes = nobits ? new Uint8Array(size) : Uint8Array.from({ length: size }, () => pick(256));
    const section: Section = {
      name: kind === 'code' ? `.text${index}` : `.${kind}${index}`,
      address, bytes, size, alignment,
      flags: { alloc: true, write: kind === 'data' || kind === 'bss', execute: kind === 'code', nobits },
    };
    sections.push(section);
    for (let offset = 0; offset + 4 <= size; offset += 4 * (1 + pick(3))) {
      sourceMap.push({ address: address + offset, size: 4, position: { file: 'r.s', line: 1, column: 1 }, kind: kind === 'code' ? (['code', 'code', 'data', 'literal'] as const)[pick(4)] : 'data' });
    }
    address += size + pick(64);
  }
  const symbols: ProgramSymbol[] = [];
  const symbolCount = pick(12);
  for (let index = 0; index < symbolCount; index++) {
    const section = random() < 0.8 ? sections[pick(sections.length)] : undefined;
    symbols.push({
      name: `${['loop', 'data', 'é', '_start', 'x.y'][pick(5)]}${index}`,
      value: section ? section.address + pick(section.size) : pick(0x100000) - 0x80000 >>> 0,
      section: section?.name,
      global: random() < 0.3,
      type: (['function', 'object', 'none'] as const)[pick(3)],
      size: pick(3) === 0 ? pick(100) : 0,
    });
  }
  return {
    file: 'r.s', sections, symbols, entry: sections[0].address, hasStart: false, sourceMap, externals: [], diagnostics: [], sources: [],
  };
}

describe('writeElf -> readElf', () => {
  it('gives back sections, symbols (mapping symbols added) and entry for 500 random programs', () => {
    const random = seededRandom(0xe1f);
    for (let round = 0; round < 500; round++) {
      const program = randomProgram(random);
      const result = readElf(writeElf(program));
      if (!result.ok) throw new Error(`round ${round}: ${result.error}`);
      expect(result.program.sections).toEqual(program.sections);
      expect(result.program.entry).toBe(program.entry);
      const locals = program.symbols.filter((symbol) => !symbol.global);
      const globals = program.symbols.filter((symbol) => symbol.global);
      expect(result.program.symbols).toEqual([...locals, ...mappingSymbols(program), ...globals]);
    }
  });
});
