/**
 * The golden files: what GNU `as` + `ld` (and qemu-arm) made of each source,
 * recorded by scripts/regenerate-golden.ts and read by the conformance tests.
 * They are written one record per line so a regeneration reviews as a diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHex, toHex, type ElfSection } from './elf-sections';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const GOLDEN_DIRECTORY = path.join(ROOT, 'tests', 'golden');
export const CORPUS_DIRECTORY = path.join(ROOT, 'tests', 'conformance', 'corpus');
export const PROGRAMS_DIRECTORY = path.join(ROOT, 'tests', 'programs');
export const FORMS_FILE = path.join(GOLDEN_DIRECTORY, 'forms.json');
export const CORPUS_FILE = path.join(GOLDEN_DIRECTORY, 'corpus.json');
export const PROGRAMS_FILE = path.join(GOLDEN_DIRECTORY, 'programs.json');

/** A section as recorded: hex split into 32-byte lines. */
export interface GoldenSection {
  name: string;
  address: number;
  size: number;
  nobits: boolean;
  hex: string[];
}

/** One generated instruction form and the word GNU `as` made of it. */
export interface GoldenForm {
  /** The table row whose encoding produced it. */
  row: string;
  /** The random word it was decoded from (hex). */
  word: string;
  source: string;
  /** GNU's word (hex), as the CPU reads it (little-endian bytes in memory). */
  gnu: string;
}

export interface FormsGolden {
  tool: string;
  seed: number;
  perRow: number;
  /** Rows that gave no line GNU accepts, with why. */
  rowsWithoutForms: { row: string; reason: string }[];
  forms: GoldenForm[];
}

export interface CorpusEntry {
  /** File name relative to tests/conformance/corpus. */
  file: string;
  entry: number;
  sections: GoldenSection[];
}

export interface CorpusGolden {
  tool: string;
  entries: CorpusEntry[];
}

export interface ProgramEntry {
  /** File name relative to tests/programs. */
  file: string;
  /** The input file fed to it (NAME.stdin beside it), when there is one. */
  stdin?: string;
  stdout: string;
  exitCode: number;
  entry: number;
  sections: GoldenSection[];
}

export interface ProgramsGolden {
  tool: string;
  programs: ProgramEntry[];
}

export function goldenSection(section: ElfSection): GoldenSection {
  const hex = toHex(section.bytes);
  const lines: string[] = [];
  for (let at = 0; at < hex.length; at += 64) lines.push(hex.slice(at, at + 64));
  return { name: section.name, address: section.address, size: section.size, nobits: section.nobits, hex: lines };
}

export function sectionBytes(section: GoldenSection): Uint8Array {
  return fromHex(section.hex.join(''));
}

/**
 * JSON with every array element of the listed keys on its own line and
 * everything smaller kept on one line: short diffs, still plain JSON.
 */
export function stableJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '  ';
    const simple = value.every((item) => typeof item !== 'object' || item === null);
    if (simple && value.every((item) => typeof item !== 'string')) return JSON.stringify(value);
    return '[\n' + value.map((item) => inner + stableJson(item, inner)).join(',\n') + '\n' + indent + ']';
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    const flat = entries.every(([, item]) => item === null || typeof item !== 'object');
    if (flat) return JSON.stringify(value);
    const inner = indent + '  ';
    return (
      '{\n' +
      entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${stableJson(item, inner)}`).join(',\n') +
      '\n' +
      indent +
      '}'
    );
  }
  return JSON.stringify(value);
}

export function writeGolden(file: string, value: unknown): void {
  writeFileSync(file, stableJson(value) + '\n');
}

export function readGolden<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
