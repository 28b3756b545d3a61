/**
 * ARM mapping symbols: `$a` marks where ARM code starts, `$d` where data
 * (directives, literal pools) starts, within each section — the markers GNU
 * `as` emits and `objdump`, debuggers and Sherwood's disassembler read to tell
 * instructions from data.
 */
import type { Program, ProgramSymbol, Section } from '../assembler/program';

const CODE = 1;
const DATA = 2;

/**
 * The mapping symbols of a program, derived from its source map: one `$a`
 * at the first instruction of each run of code, one `$d` at the first byte
 * of each run of data or literals, per section, in address order. A program
 * without a source map (one read from an ELF file) has none here; its mapping
 * symbols are already among its symbols.
 */
export function mappingSymbols(program: Program): ProgramSymbol[] {
  const result: ProgramSymbol[] = [];
  const sections = program.sections;
  if (sections.length === 0) return result;
  const states = new Uint8Array(sections.length);
  let sectionIndex = 0;
  for (const entry of program.sourceMap) {
    if (entry.size <= 0) continue;
    const address = entry.address >>> 0;
    if (!contains(sections[sectionIndex], address)) {
      const found = findSection(sections, address);
      if (found < 0) continue;
      sectionIndex = found;
    }
    const state = entry.kind === 'code' ? CODE : DATA;
    if (states[sectionIndex] === state) continue;
    states[sectionIndex] = state;
    result.push({
      name: state === CODE ? '$a' : '$d',
      value: address,
      section: sections[sectionIndex].name,
      global: false,
      type: 'none',
      size: 0,
    });
  }
  return result;
}

function contains(section: Section, address: number): boolean {
  const start = section.address >>> 0;
  return address >= start && address - start < section.size;
}

/** Index of the section holding `address` (sections sorted by address), or -1. */
function findSection(sections: readonly Section[], address: number): number {
  let low = 0;
  let high = sections.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const section = sections[middle];
    if (address < section.address >>> 0) high = middle - 1;
    else if (contains(section, address)) return middle;
    else low = middle + 1;
  }
  // Not sorted as promised, or an address between sections: a linear look settles it.
  for (let index = 0; index < sections.length; index++) if (contains(sections[index], address)) return index;
  return -1;
}
