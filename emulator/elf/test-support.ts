/**
 * For tests: the header-level facts of an ELF32 file (ELF header, program
 * headers, section headers with names), decoded independently of reader.ts
 * so that writer output and `ld` output can be compared field by field.
 */
export interface ElfSummary {
  type: number;
  machine: number;
  entry: number;
  flags: number;
  headerSize: number;
  programHeaderSize: number;
  sectionHeaderSize: number;
  segments: { type: number; offset: number; address: number; physicalAddress: number; fileSize: number; memorySize: number; flags: number; alignment: number }[];
  sections: { name: string; type: number; flags: number; address: number; offset: number; size: number; link: number; info: number; alignment: number; entrySize: number }[];
}

export function summarizeElf(bytes: Uint8Array): ElfSummary {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const segments: ElfSummary['segments'] = [];
  for (let index = 0; index < u16(44); index++) {
    const at = u32(28) + index * u16(42);
    segments.push({
      type: u32(at), offset: u32(at + 4), address: u32(at + 8), physicalAddress: u32(at + 12),
      fileSize: u32(at + 16), memorySize: u32(at + 20), flags: u32(at + 24), alignment: u32(at + 28),
    });
  }
  const raw: (ElfSummary['sections'][number] & { nameOffset: number })[] = [];
  for (let index = 0; index < u16(48); index++) {
    const at = u32(32) + index * u16(46);
    raw.push({
      name: '', nameOffset: u32(at), type: u32(at + 4), flags: u32(at + 8), address: u32(at + 12), offset: u32(at + 16),
      size: u32(at + 20), link: u32(at + 24), info: u32(at + 28), alignment: u32(at + 32), entrySize: u32(at + 36),
    });
  }
  const names = raw[u16(50)];
  const sections = raw.map(({ nameOffset, ...section }) => {
    let end = names.offset + nameOffset;
    while (bytes[end] !== 0) end++;
    return { ...section, name: new TextDecoder().decode(bytes.subarray(names.offset + nameOffset, end)) };
  });
  return {
    type: u16(16), machine: u16(18), entry: u32(24), flags: u32(36), headerSize: u16(40),
    programHeaderSize: u16(42), sectionHeaderSize: u16(46), segments, sections,
  };
}

/** A seeded generator of numbers in [0, 1), for reproducible fuzzing. */
export { seededFractions as seededRandom } from '../testing/random';
