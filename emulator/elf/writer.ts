/**
 * Program -> a static ELF32 little-endian ARM EABI5 executable laid out as
 * GNU `ld` lays out the output of `as` by default: headers, PT_LOAD segments,
 * the sections, `.ARM.attributes`, `.symtab` (with `$a`/`$d` mapping
 * symbols), `.strtab`, `.shstrtab` and the section header table.
 *
 * Compared with `arm-linux-gnueabihf-as -march=armv7ve` + `ld` (binutils
 * 2.40) on the same source, `readelf -hlS` agrees on every header field,
 * segment and allocated section (only e_shoff and the .symtab/.strtab sizes
 * differ), and the bytes loaded are identical. Remaining differences:
 * - ld's own symbols (_edata, _end, __bss_start, __end__, _bss_end__,
 *   __bss_start__, __bss_end__) are not written; the STT_FILE symbol names the
 *   source (hello.s) where ld names the object (hello.o); locals are ordered
 *   labels first, then mapping symbols.
 * - `.fnstart`/`.fnend` (gcc output) make `as` emit `.ARM.exidx` and ld a
 *   PT_ARM_EXIDX header; a Program has no unwind tables, so neither appears.
 * - Section flags beyond write/execute/alloc (SHF_MERGE|SHF_STRINGS of
 *   `.rodata.str1.1`) and entry sizes are not in a Program, so not written.
 */
import type { Program, ProgramSymbol, Section } from '../assembler/program';
import {
  ARM_EABI5_FLAGS, DEFAULT_ARM_ATTRIBUTES, ELFCLASS32, ELFDATA2LSB, ELF_HEADER_SIZE, EM_ARM, ET_EXEC, EV_CURRENT,
  PROGRAM_HEADER_SIZE, PT_LOAD, SECTION_HEADER_SIZE, SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE, SHN_ABS, SHT_ARM_ATTRIBUTES,
  SHT_NOBITS, SHT_PROGBITS, SHT_STRTAB, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STT_FILE, STT_FUNC, STT_NOTYPE,
  STT_OBJECT, STT_SECTION, SYMBOL_SIZE, isMappingSymbolName,
  type SectionHeader,
} from './format';
import { layoutSegments } from './layout';
import { mappingSymbols } from './mapping';
import { StringTable } from './string-table';


interface SymbolEntry {
  name: number;
  value: number;
  size: number;
  info: number;
  sectionIndex: number;
}

const align = (value: number, alignment: number): number => Math.ceil(value / alignment) * alignment;

function sectionFlags(section: Section): number {
  return (section.flags.alloc ? SHF_ALLOC : 0) | (section.flags.write ? SHF_WRITE : 0) |
    (section.flags.execute ? SHF_EXECINSTR : 0);
}

function symbolType(symbol: ProgramSymbol): number {
  return symbol.type === 'function' ? STT_FUNC : symbol.type === 'object' ? STT_OBJECT : STT_NOTYPE;
}

function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}

/** Write `program` as an executable. Never throws: every Program has a file. */
export function writeElf(program: Program): Uint8Array {
  const allocated = program.sections.filter((section) => section.flags.alloc)
    .sort((left, right) => (left.address >>> 0) - (right.address >>> 0));
  const unallocated = program.sections.filter((section) => !section.flags.alloc);
  const layout = layoutSegments(allocated);
  const sectionNames = new StringTable();
  const headers: SectionHeader[] = [
    { name: 0, type: 0, flags: 0, address: 0, offset: 0, size: 0, link: 0, info: 0, alignment: 0, entrySize: 0 },
  ];
  const indexByName = new Map<string, number>();
  const contents: { offset: number; bytes: Uint8Array | readonly number[]; size: number }[] = [];

  const addHeader = (name: string, header: Omit<SectionHeader, 'name'>): number => {
    headers.push({ name: sectionNames.add(name), ...header });
    if (!indexByName.has(name)) indexByName.set(name, headers.length - 1);
    return headers.length - 1;
  };
  const alignmentOf = (section: Section): number => Math.max(1, section.alignment | 0);

  for (const placed of layout.sections) {
    const { section } = placed;
    addHeader(section.name, {
      type: placed.type, flags: sectionFlags(section), address: section.address >>> 0, offset: placed.offset,
      size: section.size, link: 0, info: 0, alignment: alignmentOf(section), entrySize: 0,
    });
    if (placed.fileSize > 0) contents.push({ offset: placed.offset, bytes: section.bytes, size: placed.fileSize });
  }

  let end = layout.end;
  const placeUnallocated = (name: string, type: number, bytes: Uint8Array | readonly number[], size: number, alignment: number): void => {
    end = align(end, alignment);
    addHeader(name, {
      type, flags: 0, address: 0, offset: end, size, link: 0, info: 0, alignment, entrySize: 0,
    });
    if (type !== SHT_NOBITS) {
      contents.push({ offset: end, bytes, size });
      end += size;
    }
  };
  for (const section of unallocated) {
    placeUnallocated(section.name, section.flags.nobits ? SHT_NOBITS : SHT_PROGBITS, section.bytes, section.size, alignmentOf(section));
  }
  if (!indexByName.has('.ARM.attributes')) {
    placeUnallocated('.ARM.attributes', SHT_ARM_ATTRIBUTES, DEFAULT_ARM_ATTRIBUTES, DEFAULT_ARM_ATTRIBUTES.length, 1);
  }

  // Symbols: null, one per section, the file, locals (labels and mapping symbols), then globals.
  const names = new StringTable();
  const symbols: SymbolEntry[] = [{ name: 0, value: 0, size: 0, info: 0, sectionIndex: 0 }];
  for (let index = 1; index < headers.length; index++) {
    symbols.push({ name: 0, value: headers[index].address, size: 0, info: (STB_LOCAL << 4) | STT_SECTION, sectionIndex: index });
  }
  const file = baseName(program.file);
  if (file !== '') symbols.push({ name: names.add(file), value: 0, size: 0, info: (STB_LOCAL << 4) | STT_FILE, sectionIndex: SHN_ABS });
  const mapping = mappingSymbols(program);
  const own = mapping.length > 0 ? program.symbols.filter((symbol) => !isMappingSymbolName(symbol.name)) : program.symbols;
  const entryFor = (symbol: ProgramSymbol, binding: number): SymbolEntry => ({
    name: names.add(symbol.name),
    value: symbol.value >>> 0,
    size: Math.max(0, symbol.size | 0),
    info: (binding << 4) | symbolType(symbol),
    sectionIndex: (symbol.section !== undefined ? indexByName.get(symbol.section) : undefined) ?? SHN_ABS,
  });
  for (const symbol of own) if (!symbol.global) symbols.push(entryFor(symbol, STB_LOCAL));
  for (const symbol of mapping) symbols.push(entryFor(symbol, STB_LOCAL));
  const firstGlobal = symbols.length;
  for (const symbol of own) if (symbol.global) symbols.push(entryFor(symbol, STB_GLOBAL));

  const symbolTableIndex = headers.length;
  end = align(end, 4);
  const symbolTableOffset = end;
  addHeader('.symtab', {
    type: SHT_SYMTAB, flags: 0, address: 0, offset: end, size: symbols.length * SYMBOL_SIZE,
    link: symbolTableIndex + 1, info: firstGlobal, alignment: 4, entrySize: SYMBOL_SIZE,
  });
  end += symbols.length * SYMBOL_SIZE;
  const stringTableOffset = end;
  addHeader('.strtab', { type: SHT_STRTAB, flags: 0, address: 0, offset: end, size: names.size, link: 0, info: 0, alignment: 1, entrySize: 0 });
  end += names.size;
  const sectionNameIndex = headers.length;
  const sectionNameHeader: SectionHeader = {
    name: sectionNames.add('.shstrtab'), type: SHT_STRTAB, flags: 0, address: 0, offset: end, size: 0,
    link: 0, info: 0, alignment: 1, entrySize: 0,
  };
  headers.push(sectionNameHeader);
  sectionNameHeader.size = sectionNames.size;
  end += sectionNames.size;
  const sectionHeaderOffset = align(end, 4);
  const total = sectionHeaderOffset + headers.length * SECTION_HEADER_SIZE;

  const output = new Uint8Array(total);
  const view = new DataView(output.buffer);
  writeElfHeader(view, program.entry >>> 0, layout.segments.length, sectionHeaderOffset, headers.length, sectionNameIndex);
  layout.segments.forEach((segment, index) => {
    const at = ELF_HEADER_SIZE + index * PROGRAM_HEADER_SIZE;
    const fields = [PT_LOAD, segment.offset, segment.address, segment.address, segment.fileSize, segment.memorySize, segment.flags, 0x1000];
    fields.forEach((value, field) => view.setUint32(at + field * 4, value >>> 0, true));
  });
  for (const content of contents) copyInto(output, content.offset, content.bytes, content.size);
  symbols.forEach((symbol, index) => {
    const at = symbolTableOffset + index * SYMBOL_SIZE;
    view.setUint32(at, symbol.name, true);
    view.setUint32(at + 4, symbol.value, true);
    view.setUint32(at + 8, symbol.size, true);
    output[at + 12] = symbol.info;
    output[at + 13] = 0;
    view.setUint16(at + 14, symbol.sectionIndex, true);
  });
  names.writeTo(output, stringTableOffset);
  sectionNames.writeTo(output, sectionNameHeader.offset);
  headers.forEach((header, index) => {
    const at = sectionHeaderOffset + index * SECTION_HEADER_SIZE;
    const fields = [header.name, header.type, header.flags, header.address, header.offset, header.size, header.link, header.info, header.alignment, header.entrySize];
    fields.forEach((value, field) => view.setUint32(at + field * 4, value >>> 0, true));
  });
  return output;
}

function writeElfHeader(view: DataView, entry: number, segmentCount: number, sectionHeaderOffset: number, sectionCount: number, sectionNameIndex: number): void {
  const identification = [0x7f, 0x45, 0x4c, 0x46, ELFCLASS32, ELFDATA2LSB, EV_CURRENT];
  identification.forEach((value, index) => view.setUint8(index, value));
  view.setUint16(16, ET_EXEC, true);
  view.setUint16(18, EM_ARM, true);
  view.setUint32(20, EV_CURRENT, true);
  view.setUint32(24, entry, true);
  view.setUint32(28, segmentCount > 0 ? ELF_HEADER_SIZE : 0, true);
  view.setUint32(32, sectionHeaderOffset, true);
  view.setUint32(36, ARM_EABI5_FLAGS, true);
  view.setUint16(40, ELF_HEADER_SIZE, true);
  view.setUint16(42, PROGRAM_HEADER_SIZE, true);
  view.setUint16(44, segmentCount, true);
  view.setUint16(46, SECTION_HEADER_SIZE, true);
  view.setUint16(48, sectionCount, true);
  view.setUint16(50, sectionNameIndex, true);
}

function copyInto(output: Uint8Array, offset: number, bytes: Uint8Array | readonly number[], size: number): void {
  const count = Math.min(size, bytes.length, output.length - offset);
  if (count <= 0) return;
  if (bytes instanceof Uint8Array) output.set(count === bytes.length ? bytes : bytes.subarray(0, count), offset);
  else for (let index = 0; index < count; index++) output[offset + index] = bytes[index];
}

