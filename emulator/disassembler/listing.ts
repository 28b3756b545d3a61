/**
 * The whole `objdump -d` listing from disassembled lines: section headers,
 * `<symbol>:` headers, and `   10054:\te3a00001 \tmov\tr0, #1` lines with
 * objdump's address width and byte-column padding.
 */
import type { DisassembledLine } from './types';

export interface ListingOptions {
  /** When given, the listing starts with objdump's `FILE:     file format elf32-littlearm` banner. */
  file?: string;
}

/**
 * How many leading hex digits objdump drops from addresses in a section:
 * it keeps at least four and drops only whole groups of four zeros, judged
 * by the section's end address.
 */
function skippedDigits(end: number): number {
  const digits = (end >>> 0).toString(16).padStart(8, '0');
  let zeros = 0;
  while (zeros < 8 && digits[zeros] === '0') zeros++;
  if (zeros === 8) return 0;
  return zeros === 0 ? 0 : (zeros - 1) & ~3;
}

/** The address in the section's width, leading zeros shown as spaces (`   10054`, `   0`). */
function addressColumn(address: number, skip: number): string {
  return (address >>> 0).toString(16).padStart(8 - skip, ' ');
}

const BYTE_COLUMNS: Record<number, (value: number) => string> = {
  4: (value) => value.toString(16).padStart(8, '0') + ' ',
  2: (value) => value.toString(16).padStart(4, '0') + '      ',
  1: (value) => value.toString(16).padStart(2, '0') + '          ',
};

/** One listing line, without the trailing newline. */
export function formatListingLine(line: DisassembledLine, skip = 0): string {
  if (line.skipped) return '\t...';
  const size = line.size ?? 4;
  const bytes = (BYTE_COLUMNS[size] ?? BYTE_COLUMNS[4])(line.word >>> 0);
  return `${addressColumn(line.address, skip)}:\t${bytes}\t${line.text}`;
}

/** The listing `objdump -d` prints for these lines (sections in the order the lines come). */
export function formatListing(lines: readonly DisassembledLine[], options: ListingOptions = {}): string {
  const parts: string[] = options.file !== undefined ? [`\n${options.file}:     file format elf32-littlearm\n`] : [];
  let index = 0;
  while (index < lines.length) {
    const section = lines[index].section ?? '.text';
    let last = index;
    while (last + 1 < lines.length && (lines[last + 1].section ?? '.text') === section) last++;
    const end = lines[last].address + (lines[last].size ?? 4);
    const skip = skippedDigits(end);
    parts.push(`\nDisassembly of section ${section}:`);
    for (let at = index; at <= last; at++) {
      const line = lines[at];
      if (line.symbol !== undefined) parts.push(`\n${(line.address >>> 0).toString(16).padStart(8, '0')} <${line.symbol}>:`);
      parts.push(formatListingLine(line, skip));
    }
    index = last + 1;
  }
  return parts.length === 0 ? '' : parts.join('\n') + '\n';
}
