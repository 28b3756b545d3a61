/**
 * Where each allocated section goes in the file, and which PT_LOAD segments
 * map them, following GNU `ld`'s default static layout for ARM Linux: the ELF
 * and program headers sit at the start of the first (read-only) segment,
 * read-only sections (.text, .rodata) share one `R E` segment, writable ones
 * (.data, .bss) one `RW` segment, and every segment's file offset is
 * congruent to its address modulo the page size.
 */
import type { Section } from '../assembler/program';
import { ELF_HEADER_SIZE, PAGE_SIZE, PF_R, PF_W, PF_X, PROGRAM_HEADER_SIZE, SHT_NOBITS, SHT_PROGBITS } from './format';

export interface PlacedSection {
  section: Section;
  /** File offset of the first byte (for NOBITS: where it would be). */
  offset: number;
  /** Bytes the file holds for it (0 for NOBITS). */
  fileSize: number;
  type: number;
}

export interface Segment {
  offset: number;
  address: number;
  fileSize: number;
  memorySize: number;
  flags: number;
}

export interface Layout {
  sections: PlacedSection[];
  segments: Segment[];
  /** First file offset after the loaded contents. */
  end: number;
}

/** Sections further apart than this get separate segments, so the file never holds a huge gap. */
const LARGEST_GAP = 0x10000;

/** The smallest offset at or after `from` that is congruent to `address` modulo the page size. */
function congruentOffset(from: number, address: number): number {
  return from + ((((address >>> 0) % PAGE_SIZE) - (from % PAGE_SIZE) + PAGE_SIZE) % PAGE_SIZE);
}

function sectionEnd(section: Section): number {
  return (section.address >>> 0) + section.size;
}

/** Group address-sorted allocated sections into segments (lists of indices). */
function groupSegments(sections: readonly Section[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index];
    const previous = index > 0 ? sections[index - 1] : undefined;
    const startsNew =
      previous === undefined ||
      previous.flags.write !== section.flags.write ||
      (previous.flags.nobits && !section.flags.nobits) ||
      sectionEnd(previous) > section.address >>> 0 ||
      (section.address >>> 0) - sectionEnd(previous) > LARGEST_GAP;
    if (startsNew && current.length > 0) {
      groups.push(current);
      current = [];
    }
    current.push(index);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Lay out address-sorted allocated sections and their segments. */
export function layoutSegments(sections: readonly Section[]): Layout {
  const groups = groupSegments(sections);
  const headerEnd = ELF_HEADER_SIZE + PROGRAM_HEADER_SIZE * groups.length;
  const placed: PlacedSection[] = [];
  const segments: Segment[] = [];
  let end = headerEnd;
  for (let groupIndex = 0; groupIndex < groups.length; groupIndex++) {
    const group = groups[groupIndex];
    const first = sections[group[0]];
    const firstAddress = first.address >>> 0;
    let segmentOffset: number;
    let segmentAddress: number;
    if (groupIndex === 0 && firstAddress % PAGE_SIZE >= headerEnd) {
      // As `ld` does: the first segment starts on the page and carries the headers.
      segmentOffset = 0;
      segmentAddress = firstAddress - (firstAddress % PAGE_SIZE);
    } else {
      segmentOffset = congruentOffset(end, firstAddress);
      segmentAddress = firstAddress;
    }
    let fileEnd = segmentOffset + (firstAddress - segmentAddress);
    let memoryEnd = firstAddress;
    let flags = PF_R | (first.flags.write ? PF_W : 0);
    for (const index of group) {
      const section = sections[index];
      // As in ld, a NOBITS section after others in its segment sits at the end of their file bytes.
      const offset = section.flags.nobits && index !== group[0] ? fileEnd : segmentOffset + ((section.address >>> 0) - segmentAddress);
      const fileSize = section.flags.nobits ? 0 : section.size;
      placed.push({ section, offset, fileSize, type: section.flags.nobits ? SHT_NOBITS : SHT_PROGBITS });
      if (fileSize > 0) fileEnd = offset + fileSize;
      memoryEnd = Math.max(memoryEnd, sectionEnd(section));
      if (section.flags.execute) flags |= PF_X;
    }
    segments.push({
      offset: segmentOffset,
      address: segmentAddress,
      fileSize: fileEnd - segmentOffset,
      memorySize: memoryEnd - segmentAddress,
      flags,
    });
    // A segment with no file bytes (only .bss) does not move what follows: ld puts it there too.
    if (fileEnd > segmentOffset) end = Math.max(end, fileEnd);
  }
  return { sections: placed, segments, end };
}
