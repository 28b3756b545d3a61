/**
 * Regenerates load-store-goldens.json from GNU `as` and objdump:
 *
 *   npx tsx emulator/isa/load-store-goldens.ts
 *
 * Each case of load-store-cases.ts is assembled by arm-linux-gnueabihf-as
 * (-march=armv7ve, unified syntax); the golden records the word, objdump's
 * text (comment stripped), and as's warning or error for that line. Review the
 * diff of the JSON file like code.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadStoreCases } from './load-store-cases';

export interface GnuResult {
  text: string;
  /** Hex word, when `as` assembled the line. */
  word?: string;
  /** objdump's text for the word, comment removed, single spaces. */
  disassembly?: string;
  warning?: string;
  error?: string;
}

const AS = 'arm-linux-gnueabihf-as';
const OBJDUMP = 'arm-linux-gnueabihf-objdump';
const HEADER = '.syntax unified\n.arm\n';
const HEADER_LINES = 2;

function assemble(directory: string, lines: readonly string[]): { stderr: string; object: string } {
  const source = join(directory, 'cases.s');
  const object = join(directory, 'cases.o');
  writeFileSync(source, HEADER + lines.map((line) => line + '\n').join(''));
  const result = spawnSync(AS, ['-march=armv7ve', source, '-o', object], { encoding: 'utf8' });
  return { stderr: result.stderr ?? '', object };
}

/** Assemble each text as one line with GNU `as`; errors and warnings are matched to their line. */
export function runGnu(texts: readonly string[]): GnuResult[] {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-load-store-'));
  try {
    const first = assemble(directory, texts);
    const messages = new Map<number, { warning?: string; error?: string }>();
    for (const line of first.stderr.split('\n')) {
      // GNU prints a few warnings without the `Warning:` label (swp{b} deprecation).
      const match = /cases\.s:(\d+): (?:(Error|Warning): )?(.*)$/.exec(line);
      if (!match) continue;
      const index = Number(match[1]) - HEADER_LINES - 1;
      const entry = messages.get(index) ?? {};
      if (match[2] === 'Error') entry.error = entry.error ? `${entry.error}; ${match[3]}` : match[3];
      else entry.warning = entry.warning ? `${entry.warning}; ${match[3]}` : match[3];
      messages.set(index, entry);
    }
    const good = texts.filter((_, index) => messages.get(index)?.error === undefined);
    const second = assemble(directory, good);
    if (second.stderr.includes('Error')) throw new Error(`GNU as failed on lines it accepted alone:\n${second.stderr}`);
    const dump = spawnSync(OBJDUMP, ['-d', second.object], { encoding: 'utf8' }).stdout ?? '';
    const words: { word: string; disassembly: string }[] = [];
    for (const line of dump.split('\n')) {
      const match = /^\s+[0-9a-f]+:\t([0-9a-f]{8}) \t(.*)$/.exec(line);
      if (!match) continue;
      const disassembly = match[2].replace(/\s*@.*$/, '').replace(/\s+/g, ' ').trim();
      words.push({ word: match[1], disassembly });
    }
    if (words.length !== good.length) throw new Error(`expected ${good.length} words from objdump, got ${words.length}`);
    let next = 0;
    return texts.map((text, index) => {
      const message = messages.get(index) ?? {};
      if (message.error !== undefined) return { text, error: message.error };
      const { word, disassembly } = words[next++];
      return message.warning !== undefined ? { text, word, disassembly, warning: message.warning } : { text, word, disassembly };
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** objdump's text (comment removed) for each word, assembled with `.inst`. */
export function objdumpWords(words: readonly number[]): string[] {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-load-store-'));
  try {
    const source = join(directory, 'words.s');
    const object = join(directory, 'words.o');
    writeFileSync(source, words.map((word) => `.inst 0x${(word >>> 0).toString(16)}\n`).join(''));
    const result = spawnSync(AS, ['-march=armv7ve', source, '-o', object], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`GNU as failed on .inst words:\n${result.stderr}`);
    const dump = spawnSync(OBJDUMP, ['-d', object], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout ?? '';
    const texts: string[] = [];
    for (const line of dump.split('\n')) {
      const match = /^\s+[0-9a-f]+:\t([0-9a-f]{8}) \t(.*)$/.exec(line);
      if (match) texts.push(match[2].replace(/\s*[@;].*$/, '').replace(/\s+/g, ' ').trim());
    }
    return texts;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export const GOLDEN_FILE = fileURLToPath(new URL('./load-store-goldens.json', import.meta.url));

export function readGoldens(): GnuResult[] {
  return JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GnuResult[];
}

function main(): void {
  const cases = loadStoreCases();
  const results = runGnu(cases.map((entry) => entry.text));
  writeFileSync(GOLDEN_FILE, JSON.stringify(results, null, 1) + '\n');
  const errors = results.filter((result) => result.error !== undefined).length;
  const warnings = results.filter((result) => result.warning !== undefined).length;
  process.stdout.write(`${results.length} cases: ${results.length - errors} assembled (${warnings} with warnings), ${errors} errors\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
