/**
 * Regenerate emulator/isa/golden/a32.json: seeded random and edge-case
 * instructions of the data-processing, multiply, miscellaneous, branch and
 * system classes, each with the word GNU `as -march=armv7ve` emits for it (or
 * its error / warning) and the text `objdump -d` shows for that word.
 *
 *   npx tsx scripts/isa-golden.ts            # rewrite the golden file
 *   npx tsx scripts/isa-golden.ts --check    # exit 1 if it would change
 *   npx tsx scripts/isa-golden.ts --seed=7 --out=/tmp/x.json   # fresh cases elsewhere
 *
 * The operands are stored in the shape the assembler hands to the ISA table,
 * so the unit test needs no parser and no GNU tools.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateCases, type GoldenCase } from '../emulator/isa/golden/cases';

const AS = 'arm-linux-gnueabihf-as';
const OBJDUMP = 'arm-linux-gnueabihf-objdump';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const option = (name: string): string | undefined =>
  process.argv.find((argument) => argument.startsWith(`--${name}=`))?.slice(name.length + 3);
/** `--out=FILE` and `--seed=N` let the live test draw fresh cases without touching the committed file. */
const output = path.resolve(option('out') ?? path.join(root, 'emulator/isa/golden/a32.json'));
const seed = Number(option('seed') ?? 0x5eed);

interface Assembled {
  errors: Map<number, string>;
  warnings: Map<number, string>;
  words: string[];
  texts: string[];
}

/** Assemble `lines` (one instruction each) and read back errors, warnings and the objdump listing. */
function assemble(lines: readonly string[], scratch: string, syntax: 'unified' | 'divided'): Assembled {
  const source = path.join(scratch, 'cases.s');
  const object = path.join(scratch, 'cases.o');
  writeFileSync(source, [`.syntax ${syntax}`, '.text', ...lines, ''].join('\n'));
  rmSync(object, { force: true });
  const run = spawnSync(AS, ['-march=armv7ve', source, '-o', object], { encoding: 'utf8' });
  const messages = run.stderr ?? '';
  const errors = new Map<number, string>();
  const warnings = new Map<number, string>();
  for (const line of messages.split('\n')) {
    // `as` prints some warnings without the "Warning:" tag ("rdhi and rdlo must be different").
    const match = /\.s:(\d+): (?:(Error|Warning): )?(.*)$/.exec(line);
    if (!match) continue;
    const index = Number(match[1]) - 3;
    const target = match[2] === 'Error' ? errors : warnings;
    const previous = target.get(index);
    target.set(index, previous === undefined ? match[3] : `${previous} | ${match[3]}`);
  }
  const words: string[] = [];
  const texts: string[] = [];
  if (errors.size === 0) {
    const listing = execFileSync(OBJDUMP, ['-d', object]).toString();
    for (const line of listing.split('\n')) {
      const match = /^\s+[0-9a-f]+:\t([0-9a-f]{8}) \t(.*)$/.exec(line);
      if (match) {
        words.push(match[1]);
        texts.push(match[2].replace(/\s+$/, ''));
      }
    }
  }
  return { errors, warnings, words, texts };
}

interface Outcome {
  error?: string;
  word?: string;
  objdump?: string;
  warning?: string;
  address?: number;
}

const FLAG_SETTING = 'and|eor|sub|rsb|add|adc|sbc|rsc|tst|teq|cmp|cmn|orr|mov|bic|mvn|lsl|lsr|asr|ror|rrx|mul|mla|umull|umlal|smull|smlal';
const UNIFIED_S_CONDITION = new RegExp(`^(${FLAG_SETTING})s(eq|ne|cs|cc|hs|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le|al)(?=\\s|$)`);

/** The divided-syntax spelling of a line: `addseq` becomes `addeqs`. */
function dividedSpelling(source: string): string {
  return source.replace(UNIFIED_S_CONDITION, '$1$2s');
}

/** Two passes: find the lines `as` rejects, then assemble the rest, one word each at 4 * position. */
function resolve(cases: readonly GoldenCase[], scratch: string, syntax: 'unified' | 'divided'): Outcome[] {
  const spell = syntax === 'divided' ? dividedSpelling : (source: string) => source;
  const first = assemble(
    cases.map((item) => spell(item.source)),
    scratch,
    syntax,
  );
  const outcomes: Outcome[] = cases.map((_, index) => {
    const error = first.errors.get(index);
    return error === undefined ? {} : { error };
  });
  const accepted = cases.flatMap((_, index) => (outcomes[index].error === undefined ? [index] : []));
  const second = assemble(
    accepted.map((index) => spell(cases[index].source)),
    scratch,
    syntax,
  );
  if (second.errors.size > 0 || second.words.length !== accepted.length) {
    throw new Error(`second pass disagrees: ${second.errors.size} errors, ${second.words.length} words for ${accepted.length} cases`);
  }
  accepted.forEach((index, position) => {
    const outcome = outcomes[index];
    outcome.address = position * 4;
    outcome.word = second.words[position];
    outcome.objdump = second.texts[position];
    const warning = second.warnings.get(position);
    if (warning !== undefined) outcome.warning = warning;
  });
  return outcomes;
}

function main(): void {
  const cases = generateCases(seed);
  const scratch = mkdtempSync(path.join(tmpdir(), 'isa-golden-'));
  try {
    const unified = resolve(cases, scratch, 'unified');
    const rejected = cases.filter((_, index) => unified[index].error !== undefined);
    const divided = resolve(rejected, scratch, 'divided');
    let dividedOnly = 0;
    cases.forEach((item, index) => {
      const outcome = unified[index];
      if (outcome.error === undefined) {
        item.address = outcome.address ?? 0;
        item.word = outcome.word;
        item.objdump = outcome.objdump;
        if (outcome.warning !== undefined) item.warning = outcome.warning;
        return;
      }
      item.error = outcome.error;
      const other = divided[rejected.indexOf(item)];
      if (other.error === undefined) {
        dividedOnly += 1;
        item.address = other.address ?? 0;
        item.dividedWord = other.word;
        item.objdump = other.objdump;
      }
    });
    for (const item of cases) {
      if (item.relative !== undefined) {
        const operand = item.operands[item.relative.operand];
        if (operand.kind === 'address') operand.value = (item.address + item.relative.offset) >>> 0;
      }
    }
    const accepted = cases.length - rejected.length;
    const version = execFileSync(AS, ['--version']).toString().split('\n')[0];
    const body = cases.map((item) => JSON.stringify(item)).join(',\n');
    const text = `{"generator":"scripts/isa-golden.ts","assembler":${JSON.stringify(version)},"cases":[\n${body}\n]}\n`;
    if (process.argv.includes('--check')) {
      const current = readFileSync(output, 'utf8');
      if (current !== text) {
        console.error('emulator/isa/golden/a32.json is out of date: run npx tsx scripts/isa-golden.ts');
        process.exit(1);
      }
      console.log(`golden file up to date (${cases.length} cases)`);
      return;
    }
    mkdirSync(path.dirname(output), { recursive: true });
    writeFileSync(output, text);
    console.log(`${cases.length} cases: ${accepted} assembled, ${rejected.length - dividedOnly} rejected, ${dividedOnly} accepted only in divided syntax -> ${path.relative(root, output)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
