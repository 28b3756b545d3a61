/**
 * Words, images and programs to `DisassembledLine`s, walking code the way
 * `objdump -d` does: one block per symbol, `$a`/`$d` mapping symbols deciding
 * instructions from data, data printed as `.word`/`.short`/`.byte` up to the
 * next boundary, and runs of zero bytes folded into `...`.
 */
import type { Program, ProgramSymbol, Section, SourceMapEntry } from '../assembler/program';
import { mappingSymbols } from '../elf/mapping';
import { findRow } from '../isa/table';
import { formatDecoded } from './format';
import { hex8 } from './operands';
import { createSymbolIndex, isMappingSymbol } from './symbols';
import type { DisassembledLine, SymbolLookup } from './types';

export const UNDEFINED_NOTE = 'undefined instruction';
export const UNSUPPORTED_NOTE = 'not supported by Sherwood';

/** The permanently undefined encoding UDF (cond 1110, bits 27..20 = 0111 1111, bits 7..4 = 1111). */
function isPermanentlyUndefined(word: number): boolean {
  return ((word & 0x0ff000f0) >>> 0) === 0x07f000f0;
}

/** Every line is built with the same fields in the same order, so the objects share one shape. */
function makeLine(
  address: number, word: number, text: string, kind: DisassembledLine['kind'], note: string | undefined,
  size: number, section: string | undefined, symbol: string | undefined, skipped: boolean,
): DisassembledLine {
  return { address, word, text, kind, note, symbol, position: undefined, section, size, skipped };
}

function wordLine(word: number, address: number, symbolAt: SymbolLookup | undefined, section: string | undefined, symbol: string | undefined): DisassembledLine {
  const row = findRow(word);
  if (row) {
    try {
      const text = formatDecoded(row.decode(word, address), word, address, symbolAt);
      return makeLine(address, word, text, 'instruction', undefined, 4, section, symbol, false);
    } catch {
      // A row that throws on a word it claimed is a table bug; show the word rather than fail the listing.
    }
  }
  const note = isPermanentlyUndefined(word) ? UNDEFINED_NOTE : UNSUPPORTED_NOTE;
  return makeLine(address, word, '.word\t' + hex8(word), 'undefined', note, 4, section, symbol, false);
}

/**
 * One word at an address. Words no row of the table decodes come back as
 * `.word 0x...` of kind 'undefined' with a note saying why; nothing throws.
 */
export function disassembleWord(word: number, address: number, symbolAt?: SymbolLookup): DisassembledLine {
  return wordLine(word >>> 0, address >>> 0, symbolAt, undefined, undefined);
}

const SKIP_ZEROES = 8;
const SKIP_ZEROES_AT_END = 3;

function dataText(value: number, size: number): string {
  if (size === 4) return '.word\t' + hex8(value);
  if (size === 2) return '.short\t0x' + value.toString(16).padStart(4, '0');
  return '.byte\t0x' + value.toString(16).padStart(2, '0');
}

function inSection(symbol: ProgramSymbol, section: Section): boolean {
  const start = section.address >>> 0;
  const value = symbol.value >>> 0;
  if (symbol.section !== undefined && symbol.section !== section.name) return false;
  return value >= start && value - start < Math.max(section.size, section.bytes.length);
}

/** Index of the last entry of a sorted array that is <= target, or -1. */
function lastAtOrBefore(values: Uint32Array, target: number): number {
  let low = 0;
  let high = values.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (values[middle] <= target) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function disassembleSection(section: Section, symbols: readonly ProgramSymbol[], nameAt: SymbolLookup, headerAt: (address: number) => string | undefined, lines: DisassembledLine[]): void {
  const start = section.address >>> 0;
  const bytes = section.bytes;
  const length = Math.min(section.size, bytes.length);
  const end = start + length;
  if (length <= 0) return;

  const mapping = symbols.filter((symbol) => isMappingSymbol(symbol.name) && inSection(symbol, section))
    .map((symbol) => ({ address: symbol.value >>> 0, code: symbol.name[1] !== 'd' }))
    .sort((a, b) => a.address - b.address);
  const mappingAddresses = Uint32Array.from(mapping, (entry) => entry.address);
  const headers = symbols.filter((symbol) => !isMappingSymbol(symbol.name) && inSection(symbol, section) && headerAt(symbol.value) === symbol.name)
    .map((symbol) => symbol.value >>> 0);
  const starts = Uint32Array.from(new Set([start, ...headers])).sort();
  // Every symbol, mapping or not, ends a run of data (objdump sizes data up to the next one).
  const boundaries = Uint32Array.from(new Set([...mappingAddresses, ...starts, end])).sort();

  for (let block = 0; block < starts.length; block++) {
    const blockStart = starts[block];
    const stop = block + 1 < starts.length ? starts[block + 1] : end;
    let label: string | undefined = headerAt(blockStart) ?? nameAt(blockStart) ?? section.name;
    let address = blockStart;
    while (address < stop) {
      let zeros = address;
      while (zeros < stop && bytes[zeros - start] === 0) zeros++;
      if (zeros - address >= SKIP_ZEROES || (zeros === stop && zeros - address < SKIP_ZEROES_AT_END)) {
        if (zeros !== stop) zeros = address + ((zeros - address) & ~3);
        lines.push(makeLine(address, 0, '...', 'data', undefined, zeros - address, section.name, label, true));
        label = undefined;
        address = zeros;
        continue;
      }
      const mappingIndex = lastAtOrBefore(mappingAddresses, address);
      const code = mappingIndex < 0 ? true : mapping[mappingIndex].code;
      let line: DisassembledLine;
      if (code && end - address >= 4) {
        const offset = address - start;
        const word = (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
        line = wordLine(word, address, nameAt, section.name, label);
      } else {
        const next = boundaries[lastAtOrBefore(boundaries, address) + 1] ?? end;
        let size = Math.min(4 - (address & 3), next - address);
        if (size === 3) size = address & 1 ? 1 : 2;
        const offset = address - start;
        let value = 0;
        for (let index = size - 1; index >= 0; index--) value = (value * 256) + bytes[offset + index];
        line = makeLine(address, value >>> 0, dataText(value >>> 0, size), 'data', undefined, size, section.name, label, false);
      }
      label = undefined;
      lines.push(line);
      address += line.size ?? 4;
    }
  }
}

/**
 * Disassemble every executable section of an image, as `objdump -d` does.
 * `symbols` should include the `$a`/`$d` mapping symbols; without them every
 * byte is read as code.
 */
export function disassembleImage(image: { sections: Section[]; symbols: ProgramSymbol[] }): DisassembledLine[] {
  const lines: DisassembledLine[] = [];
  const index = createSymbolIndex(image.symbols);
  for (const section of image.sections) {
    if (!section.flags.execute || section.flags.nobits) continue;
    disassembleSection(section, image.symbols, index.nameAt, index.headerAt, lines);
  }
  return lines;
}

function entryAt(sourceMap: readonly SourceMapEntry[], address: number): SourceMapEntry | undefined {
  let low = 0;
  let high = sourceMap.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (sourceMap[middle].address >>> 0 <= address) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  if (found < 0) return undefined;
  const entry = sourceMap[found];
  return address - (entry.address >>> 0) < Math.max(entry.size, 1) ? entry : undefined;
}

/**
 * Disassemble an assembled program: the source map's code/data kinds give
 * the mapping symbols, and every line carries the source position of the
 * instruction or directive that produced it.
 */
export function disassembleProgram(program: Program): DisassembledLine[] {
  // `.L` labels are assembler-local: GNU `as` leaves them out of the object, so objdump never names them.
  const named = program.symbols.filter((symbol) => !symbol.name.startsWith('.L'));
  const symbols = named.some((symbol) => isMappingSymbol(symbol.name)) ? named : [...named, ...mappingSymbols(program)];
  const lines = disassembleImage({ sections: program.sections, symbols });
  for (const line of lines) {
    const entry = entryAt(program.sourceMap, line.address);
    if (entry) line.position = entry.position;
  }
  return lines;
}
