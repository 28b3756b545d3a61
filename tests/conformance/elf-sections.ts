/**
 * Reads the allocated sections of an ELF32 little-endian file: just enough of
 * ELF to take GNU `ld`'s output apart for the golden files, written here so the
 * reference data does not depend on Sherwood's own ELF reader.
 */
export interface ElfSection {
  name: string;
  address: number;
  size: number;
  /** Empty for NOBITS (.bss). */
  bytes: Uint8Array;
  nobits: boolean;
}

const SHF_ALLOC = 0x2;
const SHT_NOBITS = 8;

export type ElfSectionsResult = { ok: true; sections: ElfSection[]; entry: number } | { ok: false; error: string };

export function readElfSections(file: Uint8Array): ElfSectionsResult {
  if (file.length < 52 || file[0] !== 0x7f || file[1] !== 0x45 || file[2] !== 0x4c || file[3] !== 0x46) {
    return { ok: false, error: 'not an ELF file' };
  }
  if (file[4] !== 1 || file[5] !== 1) return { ok: false, error: 'not a 32-bit little-endian ELF file' };
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const entry = view.getUint32(24, true);
  const sectionOffset = view.getUint32(32, true);
  const sectionEntrySize = view.getUint16(46, true);
  const sectionCount = view.getUint16(48, true);
  const namesIndex = view.getUint16(50, true);
  if (sectionOffset + sectionCount * sectionEntrySize > file.length || sectionEntrySize < 40) {
    return { ok: false, error: 'section headers lie outside the file' };
  }
  const header = (index: number) => {
    const at = sectionOffset + index * sectionEntrySize;
    return {
      name: view.getUint32(at, true),
      type: view.getUint32(at + 4, true),
      flags: view.getUint32(at + 8, true),
      address: view.getUint32(at + 12, true),
      offset: view.getUint32(at + 16, true),
      size: view.getUint32(at + 20, true),
    };
  };
  const names = header(namesIndex);
  const nameAt = (offset: number): string => {
    let end = names.offset + offset;
    while (end < file.length && file[end] !== 0) end++;
    return new TextDecoder().decode(file.subarray(names.offset + offset, end));
  };
  const sections: ElfSection[] = [];
  for (let index = 1; index < sectionCount; index++) {
    const section = header(index);
    if ((section.flags & SHF_ALLOC) === 0) continue;
    const nobits = section.type === SHT_NOBITS;
    if (!nobits && section.offset + section.size > file.length) {
      return { ok: false, error: `section ${index} lies outside the file` };
    }
    sections.push({
      name: nameAt(section.name),
      address: section.address,
      size: section.size,
      bytes: nobits ? new Uint8Array(0) : file.slice(section.offset, section.offset + section.size),
      nobits,
    });
  }
  return { ok: true, sections, entry };
}

export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

export function fromHex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length >> 1);
  for (let index = 0; index < bytes.length; index++) bytes[index] = parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}
