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
  if (program.sourceMap.length === 0) return result;
  const entries = inAddressOrder(program.sourceMap);
  const sections = inAddressOrder(program.sections);
  let next = 0;
  for (const section of sections) {
    const start = section.address >>> 0;
    while (next < entries.length && entries[next].address >>> 0 < start) next++;
    const first = next;
    while (next < entries.length && (entries[next].address >>> 0) - start < section.size) next++;
    if (first < next) mapSection(section, entries, first, next, result);
  }
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

/** Append the mapping symbols of one section, whose source-map entries are entries[from..to). */
function mapSection(section: Section, entries: readonly SourceMapEntry[], from: number, to: number, result: ProgramSymbol[]): void {
  const start = section.address >>> 0;
  const end = start + section.size;
  const firstSymbol = result.length;
  let state = UNDEFINED;

  const emit = (name: '$a' | '$d', address: number): void => {
    if (address >= end) return;
    const symbol: ProgramSymbol = { name, value: address, section: section.name, global: false, type: 'none', size: 0 };
    // A newer mapping symbol at the same address replaces the older one, as in `as`.
    if (result.length > firstSymbol && result[result.length - 1].value === address) result[result.length - 1] = symbol;
    else result.push(symbol);
  };
  const enter = (wanted: number, address: number): void => {
    if (state === wanted) return;
    if (wanted === CODE && state === UNDEFINED && address > start) emit('$d', start);
    emit(wanted === CODE ? '$a' : '$d', address);
    state = wanted;
  };
  const padding = (from: number, to: number): void => {
    const zeros = (to - from) & 3;
    if (!section.flags.execute || !isNopPadding(section, from + zeros - start, to - start)) {
      // Data padding, or `.balign N, FILL` in code: as writes it as data.
      enter(DATA, from);
      return;
    }
    enter(CODE, from);
    if (zeros !== 0) {
      emit('$d', from);
      emit('$a', from + zeros);
    }
  };

  let cursor = start;
  let previousKind = '';
  for (let index = from; index < to; index++) {
    const entry = entries[index];
    if (entry.size <= 0) continue;
    const address = entry.address >>> 0;
    const gap = address > cursor;
    if (entry.kind === 'literal' && (gap || previousKind !== 'literal')) {
      // A literal pool: as aligns it with zeros (data) and always marks its start with `$d`.
      if (gap) enter(DATA, cursor);
      enter(DATA, address);
      emit('$d', address);
    } else {
      if (gap) padding(cursor, address);
      if (entry.kind === 'code') enter(CODE, address);
      else if (state !== UNDEFINED) enter(DATA, address);
    }
    previousKind = entry.kind;
    cursor = Math.max(cursor, address + entry.size);
  }
  if (section.flags.execute && cursor > start && cursor < end) padding(cursor, end);
  if (result.length === firstSymbol && section.size > 0) emit('$d', start);
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
