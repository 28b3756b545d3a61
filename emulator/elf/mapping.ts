/**
 * ARM mapping symbols: `$a` marks where ARM code starts, `$d` where data
 * (directives, literal pools, padding) starts — the markers GNU `as` emits and
 * `objdump`, debuggers and Sherwood's disassembler read to tell instructions
 * from data.
 *
 * Derived from the source map, following what `as` (tc-arm.c) and then `ld`
 * leave in an executable:
 * - an instruction after anything else gets `$a`; if the section started
 *   with data, that data gets a `$d` at the section start;
 * - data after code gets `$d`, but data that opens a section is left unmarked
 *   (as defers it);
 * - padding between entries is an alignment: in code sections `as` fills it
 *   with 1-3 zero bytes (`$d`) then `nop`s (`$a`) — padding of other bytes
 *   (`.balign 8, 0`) is data — and pads the section end the same way; in
 *   data sections padding is data (`$d`);
 * - a literal pool is aligned with zeros (data) and its start always gets `$d`;
 * - a section left with no mapping symbol gets `$d` at its start (ld does so).
 * Known differences (the source map cannot show them): `as` also marks an
 * empty `.align` (before data, or with a fill value before code) and a
 * `.space`/`.fill` that follows unmarked data at the start of a section.
 */
import type { Program, ProgramSymbol, Section, SourceMapEntry } from '../assembler/program';

const UNDEFINED = 0;
const CODE = 1;
const DATA = 2;

/** The mapping symbols of a program in address order; none for a program without a source map (one read from an ELF file keeps its own among its symbols). */
export function mappingSymbols(program: Program): ProgramSymbol[] {
  const result: ProgramSymbol[] = [];
  const entries = program.sourceMap;
  if (entries.length === 0) return result;
  const sections = inAddressOrder(program.sections);
  const mapper = new SectionMapper(result);
  let sectionIndex = 0;
  let previous = 0;
  // One pass: entries and sections are both in address order, so each section's entries are a run.
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index];
    const address = entry.address >>> 0;
    if (address < previous) return mappingSymbols({ ...program, sourceMap: [...inAddressOrder(entries)] });
    previous = address;
    if (mapper.section === undefined || address - mapper.start >= mapper.section.size) {
      mapper.finish();
      while (sectionIndex < sections.length && (sections[sectionIndex].address >>> 0) + sections[sectionIndex].size <= address) sectionIndex++;
      if (sectionIndex === sections.length || address < sections[sectionIndex].address >>> 0) continue;
      mapper.begin(sections[sectionIndex]);
    }
    mapper.add(entry, address);
  }
  mapper.finish();
  return result;
}

function inAddressOrder<T extends { address: number }>(items: readonly T[]): readonly T[] {
  for (let index = 1; index < items.length; index++) {
    if (items[index].address >>> 0 < items[index - 1].address >>> 0) {
      return [...items].sort((left, right) => (left.address >>> 0) - (right.address >>> 0));
    }
  }
  return items;
}

/** Follows `as`'s mapping state through one section at a time, appending to `result`. */
class SectionMapper {
  section: Section | undefined;
  start = 0;
  private end = 0;
  private state = UNDEFINED;
  private firstSymbol = 0;
  private cursor = 0;
  private previousKind = '';

  constructor(private readonly result: ProgramSymbol[]) {}

  begin(section: Section): void {
    this.section = section;
    this.start = section.address >>> 0;
    this.end = this.start + section.size;
    this.state = UNDEFINED;
    this.firstSymbol = this.result.length;
    this.cursor = this.start;
    this.previousKind = '';
  }

  add(entry: SourceMapEntry, address: number): void {
    if (entry.size <= 0) return;
    const kind = entry.kind;
    const gap = address > this.cursor;
    if (kind === 'literal' && (gap || this.previousKind !== 'literal')) {
      // A literal pool: as aligns it with zeros (data) and always marks its start with `$d`.
      if (gap) this.enter(DATA, this.cursor);
      this.enter(DATA, address);
      this.emit('$d', address);
    } else {
      if (gap) this.padding(this.cursor, address);
      if (kind === 'code') this.enter(CODE, address);
      else if (this.state !== UNDEFINED) this.enter(DATA, address);
    }
    this.previousKind = kind;
    const entryEnd = address + entry.size;
    if (entryEnd > this.cursor) this.cursor = entryEnd;
  }

  finish(): void {
    const section = this.section;
    if (section === undefined) return;
    if (section.flags.execute && this.cursor > this.start && this.cursor < this.end) this.padding(this.cursor, this.end);
    if (this.result.length === this.firstSymbol && section.size > 0) this.emit('$d', this.start);
    this.section = undefined;
  }

  private emit(name: '$a' | '$d', address: number): void {
    if (address >= this.end) return;
    const result = this.result;
    const symbol: ProgramSymbol = { name, value: address, section: this.section?.name, global: false, type: 'none', size: 0 };
    // A newer mapping symbol at the same address replaces the older one, as in `as`.
    if (result.length > this.firstSymbol && result[result.length - 1].value === address) result[result.length - 1] = symbol;
    else result.push(symbol);
  }

  private enter(wanted: number, address: number): void {
    if (this.state === wanted) return;
    if (wanted === CODE && this.state === UNDEFINED && address > this.start) this.emit('$d', this.start);
    this.emit(wanted === CODE ? '$a' : '$d', address);
    this.state = wanted;
  }

  private padding(from: number, to: number): void {
    const zeros = (to - from) & 3;
    const section = this.section as Section;
    if (!section.flags.execute || !isNopPadding(section, from + zeros - this.start, to - this.start)) {
      // Data padding, or `.balign N, FILL` in code: as writes it as data.
      this.enter(DATA, from);
      return;
    }
    this.enter(CODE, from);
    if (zeros !== 0) {
      this.emit('$d', from);
      this.emit('$a', from + zeros);
    }
  }
}

/** Whether section bytes [from, to) are whole ARM `nop` words (e320f000), as `as` pads code alignment. */
function isNopPadding(section: Section, from: number, to: number): boolean {
  const bytes = section.bytes;
  if (to > bytes.length) return false;
  for (let offset = from; offset + 4 <= to; offset += 4) {
    if (bytes[offset] !== 0x00 || bytes[offset + 1] !== 0xf0 || bytes[offset + 2] !== 0x20 || bytes[offset + 3] !== 0xe3) return false;
  }
  return true;
}
