/**
 * Instruction forms generated from the ISA table: for each row, seeded random
 * words matching its (bits, mask), decoded by the row and written back as
 * source by the disassembler's `formatForAssembler`. Which of them GNU `as`
 * accepts is decided by the caller (gnu-forms.ts); this module needs no tools.
 */
import { ROWS, findRow } from '../../emulator/isa/table';
import type { InstructionRow } from '../../emulator/isa/types';
import { formatForAssembler } from '../../emulator/disassembler/index';
import { createRandom, type Random } from './random';

/** Where the generated forms sit: .text of a text-only `ld` executable. */
export const FORMS_ADDRESS = 0x10054;

/** Lines before the first form in a batch file; forms are position-independent. */
export const FORMS_HEADER = ['.syntax unified', '.arm', '.text', '.global _start', '_start:'];

export interface FormCandidate {
  row: string;
  word: number;
  source: string;
}

export interface GenerationProblem {
  row: string;
  word: number;
  message: string;
}

export interface Generation {
  /** Grouped by row, in table order, each row's lines unique. */
  candidates: FormCandidate[];
  /** Words whose decode or formatting threw: bugs in the table or the disassembler. */
  problems: GenerationProblem[];
}

/** A random word with the row's fixed bits, biased towards sparse and dense fields now and then. */
function randomWord(row: InstructionRow, random: Random): number {
  let free = random.next();
  switch (random.below(4)) {
    case 1:
      free &= random.next();
      break;
    case 2:
      free |= random.next();
      break;
    case 3:
      free &= random.next() & random.next();
      break;
  }
  const fields = (row.bits & row.mask) | (free & ~row.mask & 0x0fffffff);
  let condition = 0xf;
  if (row.conditional) condition = random.below(3) === 0 ? 0xe : random.below(15);
  return ((condition << 28) | fields) >>> 0;
}

/**
 * Up to `perRow` distinct source lines for every row (fewer where the row has
 * fewer distinct forms), from `perRow * 30` draws at most.
 */
export function generateCandidates(seed: number, perRow: number, rows: readonly InstructionRow[] = ROWS): Generation {
  const random = createRandom(seed);
  const candidates: FormCandidate[] = [];
  const problems: GenerationProblem[] = [];
  let address = FORMS_ADDRESS;
  for (const row of rows) {
    const seen = new Set<string>();
    for (let draw = 0; draw < perRow * 30 && seen.size < perRow; draw++) {
      const word = randomWord(row, random);
      if (findRow(word) !== row) continue; // a higher-priority row owns this word
      let source: string;
      try {
        source = formatForAssembler(row.decode(word, address), address);
      } catch (error) {
        if (problems.length < 200) problems.push({ row: row.id, word, message: String(error) });
        continue;
      }
      if (seen.has(source)) continue;
      seen.add(source);
      candidates.push({ row: row.id, word, source });
      address += 4;
    }
  }
  return { candidates, problems };
}

export function hexWord(word: number): string {
  return (word >>> 0).toString(16).padStart(8, '0');
}

const REGISTER_ALIASES: Record<string, string> = {
  r0: 'a1', r1: 'a2', r2: 'a3', r3: 'a4', r4: 'v1', r5: 'v2', r6: 'v3', r7: 'v4', r8: 'v5',
  r9: 'sb', sl: 'r10', fp: 'r11', ip: 'r12', sp: 'r13', lr: 'r14', pc: 'r15',
};

/**
 * Other ways to write the same line, each of which GNU `as` reads as the same
 * instruction: upper case, the other register names, no spaces, extra spaces.
 */
export const SPELLINGS: Readonly<Record<string, (source: string) => string>> = {
  'upper case': (source) => source.toUpperCase(),
  'register aliases': (source) => source.replace(/\b(r[0-9]|sl|fp|ip|sp|lr|pc)\b/g, (name) => REGISTER_ALIASES[name] ?? name),
  'no spaces': (source) => source.replace('\t', ' ').replace(/, /g, ','),
  'extra spaces': (source) => source.replace('\t', '   ').replace(/, /g, ' , ').replace(/\[/g, '[ ').replace(/\]/g, ' ]'),
};
