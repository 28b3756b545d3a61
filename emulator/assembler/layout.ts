/**
 * Where GNU `ld` (binutils 2.40, default script for armelf_linux_eabi, static,
 * no libraries) places output sections. Measured with `ld` + `readelf -lS`:
 *
 * - The read-only segment starts at 0x10000 and begins with the ELF header (52
 *   bytes) and the program headers (32 bytes each: one PT_LOAD for the
 *   read-only segment, one more when anything writable exists). `.text`
 *   follows them, aligned to its own alignment: 0x10054 with one header,
 *   0x10074 with two (0x10080 when .text asks for 16-byte alignment).
 * - Read-only output sections follow in script order: .text (with .text.*),
 *   code orphans, .rodata (with .rodata.*), read-only orphans.
 * - The writable segment starts at DATA_SEGMENT_ALIGN(0x1000, 0x1000): the
 *   next page plus the same offset within the page (0x100b4 -> 0x110b4),
 *   unless starting on the page boundary itself would use fewer 4 KiB pages.
 * - .data (with .data.*), writable orphans, then .bss, whose size is padded so
 *   that it ends 4-byte aligned.
 * - Empty sections are dropped.
 */

export interface SectionFlags {
  alloc: boolean;
  write: boolean;
  execute: boolean;
  nobits: boolean;
}

export interface LayoutInput {
  name: string;
  size: number;
  alignment: number;
  flags: SectionFlags;
}

export interface LayoutResult {
  /** Indices into the input, in address order (empty sections left out). */
  order: number[];
  /** Address of each input section (by input index; 0 for dropped ones). */
  addresses: number[];
  /** Size after ld's padding (.bss ends 4-byte aligned). */
  sizes: number[];
}

export const TEXT_SEGMENT_START = 0x10000;
const PAGE_SIZE = 0x1000;
const ELF_HEADER_SIZE = 52;
const PROGRAM_HEADER_SIZE = 32;

/** The output section a named input section goes to. */
export function outputSectionName(name: string): string {
  for (const base of ['.text', '.rodata', '.data', '.bss']) {
    if (name === base || name.startsWith(base + '.')) return base;
  }
  return name;
}

function alignUp(value: number, alignment: number): number {
  return alignment > 1 ? Math.ceil(value / alignment) * alignment : value;
}

/** Rank in ld's script order; orphans sit after the named section with the same flags. */
function rank(section: LayoutInput): number {
  switch (section.name) {
    case '.text': return 0;
    case '.rodata': return 2;
    case '.data': return 4;
    case '.bss': return 6;
    default:
      if (section.flags.nobits) return 7;
      if (section.flags.write) return 5;
      if (section.flags.execute) return 1;
      return 3;
  }
}

export function layoutSections(sections: readonly LayoutInput[]): LayoutResult {
  const addresses = sections.map(() => 0);
  const sizes = sections.map((section) => section.size);
  const order = sections
    .map((section, index) => ({ index, rank: rank(section) }))
    .filter((entry) => sections[entry.index].size > 0 && sections[entry.index].flags.alloc)
    .sort((left, right) => left.rank - right.rank || left.index - right.index)
    .map((entry) => entry.index);
  const writable = order.filter((index) => sections[index].flags.write);
  const readOnly = order.filter((index) => !sections[index].flags.write);
  const headers = ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE * (writable.length > 0 ? 2 : 1);
  let cursor = TEXT_SEGMENT_START + headers;
  for (const index of readOnly) {
    cursor = alignUp(cursor, sections[index].alignment);
    addresses[index] = cursor;
    cursor += sections[index].size;
  }
  if (writable.length === 0) return { order, addresses, sizes };

  const place = (start: number): number => {
    let position = start;
    for (const index of writable) {
      position = alignUp(position, sections[index].alignment);
      addresses[index] = position;
      if (sections[index].name === '.bss') sizes[index] = alignUp(position + sections[index].size, 4) - position;
      position += sizes[index];
    }
    return position;
  };
  const pages = (start: number, end: number): number => Math.ceil(end / PAGE_SIZE) - Math.floor(start / PAGE_SIZE);
  const nextPage = alignUp(cursor, PAGE_SIZE);
  const samePageOffset = nextPage + (cursor & (PAGE_SIZE - 1));
  const endShifted = place(samePageOffset);
  const shiftedPages = pages(samePageOffset, endShifted);
  const endAligned = place(nextPage);
  if (pages(nextPage, endAligned) < shiftedPages) return { order, addresses, sizes };
  place(samePageOffset);
  return { order, addresses, sizes };
}
