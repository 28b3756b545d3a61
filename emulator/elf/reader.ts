/**
 * An ELF32 little-endian ARM executable (Sherwood's or GNU `ld`'s) -> Program:
 * the allocated sections, the symbols (mapping symbols kept) and the entry
 * point. Every offset and size is checked against the file before it is
 * used, so a damaged file is rejected with a reason, never a host exception.
 */
import type { Program, ProgramSymbol, Section } from '../assembler/program';
import {
  ELFCLASS32, ELFDATA2LSB, ELF_HEADER_SIZE, EM_ARM, ET_DYN, ET_EXEC, ET_REL, EV_CURRENT, SECTION_HEADER_SIZE,
  SHF_ALLOC, SHF_EXECINSTR, SHF_TLS, SHF_WRITE, SHN_ABS, SHN_LORESERVE, SHN_UNDEF, SHT_NOBITS, SHT_STRTAB, SHT_SYMTAB,
  STB_GLOBAL, STB_WEAK, STT_FILE, STT_FUNC, STT_OBJECT, STT_SECTION, SYMBOL_SIZE,
  type SectionHeader,
} from './format';

export type ReadElfResult = { ok: true; program: Program } | { ok: false; error: string };

/** Largest .bss (or other NOBITS section) accepted: more than any teaching program needs. */
export const LARGEST_NOBITS_SECTION = 64 * 1024 * 1024;

const MACHINE_NAMES: Record<number, string> = { 3: 'x86', 8: 'MIPS', 20: 'PowerPC', 62: 'x86-64', 183: 'AArch64', 243: 'RISC-V' };
const decoder = new TextDecoder('utf-8');


class Failure {
  constructor(readonly message: string) {}
}

const hex = (value: number): string => '0x' + value.toString(16);

/** A NUL-terminated string at `index` of the string table `table`, or a Failure. */
function readString(bytes: Uint8Array, table: SectionHeader, index: number, what: string): string | Failure {
  if (index >= table.size) return new Failure(`${what} has a name offset (${hex(index)}) outside its string table`);
  const start = table.offset + index;
  const end = table.offset + table.size;
  let position = start;
  while (position < end && bytes[position] !== 0) position++;
  if (position === end) return new Failure(`${what} has a name that runs past the end of its string table`);
  return decoder.decode(bytes.subarray(start, position));
}

function checkHeader(bytes: Uint8Array, view: DataView): string | undefined {
  if (bytes.length < ELF_HEADER_SIZE) {
    return `truncated: the file is ${bytes.length} bytes, shorter than an ELF header (${ELF_HEADER_SIZE} bytes)`;
  }
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    return 'not an ELF file: it does not start with the bytes 7f 45 4c 46 ("\\x7fELF")';
  }
  if (bytes[4] !== ELFCLASS32) {
    return bytes[4] === 2 ? 'a 64-bit ELF file; Sherwood reads 32-bit ARM executables' : `unknown ELF class ${bytes[4]} (expected 1, 32-bit)`;
  }
  if (bytes[5] !== ELFDATA2LSB) {
    return bytes[5] === 2 ? 'a big-endian ELF file; Sherwood reads little-endian ARM executables' : `unknown ELF data encoding ${bytes[5]} (expected 1, little-endian)`;
  }
  if (bytes[6] !== EV_CURRENT) return `unknown ELF version ${bytes[6]} (expected 1)`;
  const machine = view.getUint16(18, true);
  if (machine !== EM_ARM) {
    const name = MACHINE_NAMES[machine];
    return `built for ${name ?? `machine ${machine}`}, not ARM; Sherwood reads 32-bit ARM executables`;
  }
  const type = view.getUint16(16, true);
  if (type === ET_REL) return 'a relocatable object file (.o), not an executable; link it with ld first';
  if (type === ET_DYN) return 'a shared library or position-independent executable; Sherwood reads static executables';
  if (type !== ET_EXEC) return `unknown ELF file type ${type} (expected 2, an executable)`;
  return undefined;
}

function readSectionHeaders(bytes: Uint8Array, view: DataView): SectionHeader[] | Failure {
  const offset = view.getUint32(32, true);
  const entrySize = view.getUint16(46, true);
  const count = view.getUint16(48, true);
  if (offset === 0 || count === 0) return new Failure('has no section headers (stripped with --strip-sections?); Sherwood needs them to find the sections');
  if (entrySize !== SECTION_HEADER_SIZE) return new Failure(`section headers are ${entrySize} bytes each, not ${SECTION_HEADER_SIZE} as ELF32 requires`);
  if (offset + count * SECTION_HEADER_SIZE > bytes.length) {
    return new Failure(`truncated or damaged: the section header table (offset ${hex(offset)}, ${count} entries) runs past the end of the file (${bytes.length} bytes)`);
  }
  const headers: SectionHeader[] = [];
  for (let index = 0; index < count; index++) {
    const at = offset + index * SECTION_HEADER_SIZE;
    const header: SectionHeader = {
      name: view.getUint32(at, true),
      type: view.getUint32(at + 4, true),
      flags: view.getUint32(at + 8, true),
      address: view.getUint32(at + 12, true),
      offset: view.getUint32(at + 16, true),
      size: view.getUint32(at + 20, true),
      link: view.getUint32(at + 24, true),
      info: view.getUint32(at + 28, true),
      alignment: view.getUint32(at + 32, true),
      entrySize: view.getUint32(at + 36, true),
    };
    if (header.type !== SHT_NOBITS && header.offset + header.size > bytes.length) {
      return new Failure(`truncated or damaged: section ${index} (offset ${hex(header.offset)}, ${header.size} bytes) runs past the end of the file (${bytes.length} bytes)`);
    }
    headers.push(header);
  }
  return headers;
}

function readSections(bytes: Uint8Array, headers: readonly SectionHeader[], names: readonly string[]): Section[] | Failure {
  const sections: Section[] = [];
  for (let index = 1; index < headers.length; index++) {
    const header = headers[index];
    if ((header.flags & SHF_ALLOC) === 0 || header.size === 0) continue;
    // .tbss is only a size for each thread's copy: it takes no room in the image (ld overlaps it with what follows).
    if (header.type === SHT_NOBITS && (header.flags & SHF_TLS) !== 0) continue;
    const name = names[index];
    if (header.address + header.size > 0x1_0000_0000) {
      return new Failure(`section ${name} (address ${hex(header.address)}, ${header.size} bytes) runs past the end of the 32-bit address space`);
    }
    const nobits = header.type === SHT_NOBITS;
    if (nobits && header.size > LARGEST_NOBITS_SECTION) {
      return new Failure(`section ${name} asks for ${header.size} bytes of zeroed memory, more than Sherwood's limit of ${LARGEST_NOBITS_SECTION}`);
    }
    sections.push({
      name,
      address: header.address,
      bytes: nobits ? new Uint8Array(header.size) : bytes.slice(header.offset, header.offset + header.size),
      size: header.size,
      alignment: Math.max(1, header.alignment),
      flags: { alloc: true, write: (header.flags & SHF_WRITE) !== 0, execute: (header.flags & SHF_EXECINSTR) !== 0, nobits },
    });
  }
  sections.sort((left, right) => left.address - right.address);
  return sections;
}

function readSymbols(bytes: Uint8Array, view: DataView, headers: readonly SectionHeader[], names: readonly string[]): ProgramSymbol[] | Failure {
  const table = headers.find((header) => header.type === SHT_SYMTAB);
  if (table === undefined) return [];
  if (table.entrySize !== SYMBOL_SIZE) return new Failure(`the symbol table's entries are ${table.entrySize} bytes, not ${SYMBOL_SIZE} as ELF32 requires`);
  const strings = headers[table.link];
  if (table.link === 0 || strings === undefined || strings.type !== SHT_STRTAB) {
    return new Failure(`the symbol table links to section ${table.link}, which is not a string table`);
  }
  const symbols: ProgramSymbol[] = [];
  const count = Math.floor(table.size / SYMBOL_SIZE);
  for (let index = 1; index < count; index++) {
    const at = table.offset + index * SYMBOL_SIZE;
    const info = bytes[at + 12];
    const type = info & 0xf;
    const binding = info >> 4;
    const sectionIndex = view.getUint16(at + 14, true);
    if (type === STT_SECTION || type === STT_FILE || sectionIndex === SHN_UNDEF) continue;
    let section: string | undefined;
    if (sectionIndex >= SHN_LORESERVE) {
      if (sectionIndex !== SHN_ABS) continue;
    } else if (sectionIndex >= headers.length) {
      return new Failure(`symbol ${index} refers to section ${sectionIndex}, but the file has only ${headers.length} sections`);
    } else if ((headers[sectionIndex].flags & SHF_ALLOC) === 0) {
      continue;
    } else {
      section = names[sectionIndex];
    }
    const name = readString(bytes, strings, view.getUint32(at, true), `symbol ${index}`);
    if (name instanceof Failure) return name;
    if (name === '') continue;
    symbols.push({
      name,
      value: view.getUint32(at + 4, true),
      section,
      global: binding === STB_GLOBAL || binding === STB_WEAK,
      type: type === STT_FUNC ? 'function' : type === STT_OBJECT ? 'object' : 'none',
      size: view.getUint32(at + 8, true),
    });
  }
  return symbols;
}

/** Read an ELF32 ARM executable. `file` names it in the Program. */
export function readElf(bytes: Uint8Array, file = ''): ReadElfResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerError = checkHeader(bytes, view);
  if (headerError !== undefined) return { ok: false, error: headerError };
  const programHeaderOffset = view.getUint32(28, true);
  const programHeaderCount = view.getUint16(44, true);
  if (programHeaderCount > 0 && programHeaderOffset + programHeaderCount * view.getUint16(42, true) > bytes.length) {
    return { ok: false, error: `truncated or damaged: the program header table (offset ${hex(programHeaderOffset)}) runs past the end of the file` };
  }
  const headers = readSectionHeaders(bytes, view);
  if (headers instanceof Failure) return { ok: false, error: headers.message };
  const nameTable = headers[view.getUint16(50, true)];
  if (nameTable === undefined || nameTable.type !== SHT_STRTAB) {
    return { ok: false, error: `the section name table index (${view.getUint16(50, true)}) does not name a string table` };
  }
  const names: string[] = [''];
  for (let index = 1; index < headers.length; index++) {
    const name = readString(bytes, nameTable, headers[index].name, `section ${index}`);
    if (name instanceof Failure) return { ok: false, error: name.message };
    names.push(name);
  }
  const sections = readSections(bytes, headers, names);
  if (sections instanceof Failure) return { ok: false, error: sections.message };
  const symbols = readSymbols(bytes, view, headers, names);
  if (symbols instanceof Failure) return { ok: false, error: symbols.message };
  return {
    ok: true,
    program: {
      file,
      sections,
      symbols,
      entry: view.getUint32(24, true),
      hasStart: symbols.some((symbol) => symbol.name === '_start'),
      sourceMap: [],
      externals: [],
      diagnostics: [],
      sources: [],
    },
  };
}
