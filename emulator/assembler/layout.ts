/**
 * Where GNU `ld` (binutils 2.40, default script for armelf_linux_eabi, static,
 * no libraries) places output sections. Measured with `ld` + `readelf -lS`:
 *
 * - The read-only segment starts at 0x10000 and begins with the ELF header (52
 *   bytes) and the program headers (32 bytes each: one PT_LOAD per segment
 *   that has sections, at least one). `.text`
 *   follows them, aligned to its own alignment: 0x10054 with one header,
 *   0x10074 with two (0x10080 when .text asks for 16-byte alignment).
 * - Read-only output sections follow in script order: .text (with .text.*),
 *   code orphans, .rodata (with .rodata.*), read-only orphans.
 * - The writable segment starts at DATA_SEGMENT_ALIGN(0x1000, 0x1000): the
 *   next page plus the same offset within the page (0x100b4 -> 0x110b4),
 *   unless starting on the page boundary itself would use fewer 4 KiB pages.
 * - .data (with .data.*), writable orphans, then .bss, whose size is padded so
 *   that it ends 4-byte aligned.
 * - .ARM.exidx (from .fnstart/.fnend) follows .rodata; it and gcc's
 *   .note.GNU-stack each add one more program header (PT_ARM_EXIDX, PT_GNU_STACK).
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

/** One output section: where it is and which input sections it holds (in address order). */
export interface OutputSection {
  name: string;
  address: number;
  /** Size after ld's padding (.bss ends 4-byte aligned). */
  size: number;
  alignment: number;
  flags: SectionFlags;
  inputs: number[];
}

export interface LayoutResult {
  /** Non-empty output sections in address order. */
  outputs: OutputSection[];
  /** Address of each input section (by input index; 0 for dropped ones). */
  addresses: number[];
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

/** ld's order of input sections inside .text: unlikely, exit, startup, hot, sorted, then the rest. */
function textInputRank(name: string): number {
  if (name.startsWith('.text.unlikely') || /^\.text\..*_unlikely/.test(name)) return 0;
  if (name.startsWith('.text.exit')) return 1;
  if (name.startsWith('.text.startup')) return 2;
  if (name.startsWith('.text.hot')) return 3;
  if (name.startsWith('.text.sorted.')) return 4;
  return 5;
}

function alignUp(value: number, alignment: number): number {
  return alignment > 1 ? Math.ceil(value / alignment) * alignment : value;
}

/** Rank in ld's script order; orphans sit after the named section with the same flags. */
function rank(name: string, flags: SectionFlags): number {
  switch (name) {
    case '.text': return 0;
    case '.rodata': return 2;
    case '.ARM.exidx': return 2.5;
    case '.data': return 4;
    case '.bss': return 6;
    default:
      if (flags.nobits) return 7;
      if (flags.write) return 5;
      if (flags.execute) return 1;
      return 3;
  }
}

export function layoutSections(sections: readonly LayoutInput[], extraHeaders = 0): LayoutResult {
  const addresses = sections.map(() => 0);
  const byName = new Map<string, OutputSection>();
  const outputs: OutputSection[] = [];
  sections.forEach((section, index) => {
    if (section.size <= 0 || !section.flags.alloc) return;
    const name = outputSectionName(section.name);
    let output = byName.get(name);
    if (!output) {
      output = { name, address: 0, size: 0, alignment: 1, flags: { ...section.flags }, inputs: [] };
      byName.set(name, output);
      outputs.push(output);
    } else {
      output.flags = {
        alloc: true, write: output.flags.write || section.flags.write, execute: output.flags.execute || section.flags.execute,
        nobits: output.flags.nobits && section.flags.nobits,
      };
    }
    output.inputs.push(index);
    output.alignment = Math.max(output.alignment, section.alignment);
  });
  for (const output of outputs) {
    if (output.name === '.text') {
      output.inputs.sort((left, right) => textInputRank(sections[left].name) - textInputRank(sections[right].name)
        || (textInputRank(sections[left].name) === 4 ? (sections[left].name < sections[right].name ? -1 : 1) : left - right));
    }
  }
  const ranked = outputs
    .map((output, index) => ({ output, index, rank: rank(output.name, output.flags) }))
    .sort((left, right) => left.rank - right.rank || left.index - right.index)
    .map((entry) => entry.output);
  const writable = ranked.filter((output) => output.flags.write);
  const readOnly = ranked.filter((output) => !output.flags.write);
  /** Place outputs from `start`; returns the end. */
  const place = (list: OutputSection[], start: number): number => {
    let position = start;
    for (const output of list) {
      position = alignUp(position, output.alignment);
      output.address = position;
      let inner = position;
      for (const index of output.inputs) {
        inner = alignUp(inner, sections[index].alignment);
        addresses[index] = inner;
        inner += sections[index].size;
      }
      output.size = inner - position;
      if (output.name === '.bss') output.size = alignUp(inner, 4) - position;
      position += output.size;
    }
    return position;
  };
  const loads = Math.max(1, (readOnly.length > 0 ? 1 : 0) + (writable.length > 0 ? 1 : 0));
  const headers = ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE * (loads + extraHeaders);
  const cursor = place(readOnly, TEXT_SEGMENT_START + headers);
  if (writable.length > 0) {
    const pages = (start: number, end: number): number => Math.ceil(end / PAGE_SIZE) - Math.floor(start / PAGE_SIZE);
    const nextPage = alignUp(cursor, PAGE_SIZE);
    const samePageOffset = nextPage + (cursor & (PAGE_SIZE - 1));
    const shiftedPages = pages(samePageOffset, place(writable, samePageOffset));
    if (pages(nextPage, place(writable, nextPage)) >= shiftedPages) place(writable, samePageOffset);
  }
  return { outputs: ranked, addresses };
}
