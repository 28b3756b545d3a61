/**
 * Running GNU binutils for the disassembler's golden files and live tests:
 * build a source with `as` + `ld`, read an executable's sections and symbols
 * (mapping symbols included) with `readelf`, and parse `objdump -d` lines.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const AS = 'arm-linux-gnueabihf-as';
const LD = 'arm-linux-gnueabihf-ld';
export const OBJDUMP = 'arm-linux-gnueabihf-objdump';
const READELF = 'arm-linux-gnueabihf-readelf';

export function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

export function build(directory: string, source: string, name: string): string {
  const sourcePath = join(directory, `${name}.s`);
  writeFileSync(sourcePath, source);
  run(AS, ['-march=armv7ve', sourcePath, '-o', join(directory, `${name}.o`)]);
  run(LD, [join(directory, `${name}.o`), '-o', join(directory, `${name}.elf`)]);
  return join(directory, `${name}.elf`);
}

export interface GoldenSection {
  name: string;
  address: number;
  size: number;
  flags: { alloc: boolean; write: boolean; execute: boolean; nobits: boolean };
  bytes: string;
}

export interface GoldenSymbol {
  name: string;
  value: number;
  section: string;
  global: boolean;
  type: 'function' | 'object' | 'none';
}

export function readSections(elf: string): { sections: GoldenSection[]; byIndex: Map<number, string> } {
  const text = run(READELF, ['-SW', elf]);
  const sections: GoldenSection[] = [];
  const byIndex = new Map<number, string>();
  const pattern = /^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+\S+\s+([A-Z]*)\s/;
  for (const line of text.split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, index, name, type, address, offset, size, flags] = match;
    byIndex.set(Number(index), name);
    if (!flags.includes('A')) continue;
    const nobits = type === 'NOBITS';
    const length = parseInt(size, 16);
    const bytes = nobits ? '' : readFileSync(elf).subarray(parseInt(offset, 16), parseInt(offset, 16) + length).toString('hex');
    sections.push({
      name, address: parseInt(address, 16), size: length, bytes,
      flags: { alloc: true, write: flags.includes('W'), execute: flags.includes('X'), nobits },
    });
  }
  return { sections, byIndex };
}

export function readSymbols(elf: string, byIndex: Map<number, string>): GoldenSymbol[] {
  const symbols: GoldenSymbol[] = [];
  const pattern = /^\s*\d+:\s+([0-9a-f]+)\s+\d+\s+(\w+)\s+(\w+)\s+\w+\s+(\w+)\s+(\S+)$/;
  for (const line of run(READELF, ['-sW', elf]).split('\n')) {
    const match = pattern.exec(line);
    if (!match) continue;
    const [, value, type, bind, index, name] = match;
    if (type === 'SECTION' || type === 'FILE' || !/^\d+$/.test(index)) continue;
    symbols.push({
      name, value: parseInt(value, 16), section: byIndex.get(Number(index)) ?? '',
      global: bind !== 'LOCAL', type: type === 'FUNC' ? 'function' : type === 'OBJECT' ? 'object' : 'none',
    });
  }
  return symbols;
}

/** `[address, word as 8 hex digits, text]` for every instruction or word line of an `objdump -d` listing. */
export function objdumpWords(listing: string): [number, string, string][] {
  const entries: [number, string, string][] = [];
  for (const line of listing.split('\n')) {
    const match = /^\s*([0-9a-f]+):\t([0-9a-f]{8}) \t(.*)$/.exec(line);
    if (match) entries.push([parseInt(match[1], 16), match[2], match[3]]);
  }
  return entries;
}
