/**
 * The A32 instruction table: every row of every class module, and the three
 * questions the rest of Sherwood asks of it — which rows spell this mnemonic,
 * how is this instruction encoded, and which instruction is this word.
 *
 * Conventions of the non-memory rows (GNU `as -march=armv7ve` is the reference):
 * - Encoding follows `as`, substitutions included: mov<->mvn, add<->sub,
 *   cmp<->cmn, and<->bic, adc<->sbc for constants with no rotated encoding;
 *   `mov rd, #0..0xffff` falls back to movw; `add rd, pc, #n` reads n as a
 *   signed offset (as ADR). What `as` warns about comes back as `warning`.
 * - Decoding gives what objdump prints: mov-with-shift as lsl/lsr/asr/ror/rrx,
 *   adr as add/sub rd, pc, #n, swi as svc, dmb/dsb option 15 with no operand
 *   (others as `#n`, names in system.ts). Two aliases differ: objdump prints
 *   e1a00000 as `nop @ (mov r0, r0)` and a conditional UDF as `<UNDEFINED>`;
 *   the table decodes `mov r0, r0` and `udfle #n` so the word reassembles to
 *   itself.
 * - The table reads operands as `.syntax divided` does where the two differ
 *   (`add r0, r1, lsl #2` = `add r0, r0, r1, lsl #2`); unified syntax rejects
 *   that shorthand, which is the assembler's call.
 * - `blx label` always encodes BLX (as `as` does for a plain label); the
 *   assembler asks for `bl` when the label is a known ARM function.
 */
import { CONDITIONS, type Condition, type EncodeContext, type EncodeError, type Instruction, type InstructionRow } from './types';
import { dataProcessingRows } from './data-processing';
import { moveWideRows } from './move-wide';
import { multiplyRows } from './multiply';
import { halfwordMultiplyRows } from './multiply-halfword';
import { miscellaneousRows } from './miscellaneous';
import { branchRows } from './branch';
import { loadStoreRows } from './load-store';
import { loadStoreMultipleRows } from './load-store-multiple';
import { systemRows } from './system';

export const ROWS: readonly InstructionRow[] = [
  ...dataProcessingRows,
  ...moveWideRows,
  ...multiplyRows,
  ...halfwordMultiplyRows,
  ...miscellaneousRows,
  ...branchRows,
  ...loadStoreRows,
  ...loadStoreMultipleRows,
  ...systemRows,
];

const rowsByMnemonic = new Map<string, InstructionRow[]>();
for (const row of ROWS) {
  for (const mnemonic of row.mnemonics) {
    let list = rowsByMnemonic.get(mnemonic);
    if (!list) rowsByMnemonic.set(mnemonic, (list = []));
    list.push(row);
  }
}

/** Every base mnemonic the table knows (for suggestions and editor completion). */
export const MNEMONICS: readonly string[] = [...rowsByMnemonic.keys()].sort();

export function rowsFor(mnemonic: string): readonly InstructionRow[] {
  return rowsByMnemonic.get(mnemonic) ?? [];
}

const CONDITION_ALIASES: Record<string, Condition> = { hs: 'cs', lo: 'cc' };

function parseCondition(text: string): Condition | undefined {
  if (text === '') return 'al';
  if ((CONDITIONS as readonly string[]).includes(text)) return text as Condition;
  return CONDITION_ALIASES[text];
}

export interface ParsedMnemonic {
  mnemonic: string;
  condition: Condition;
  setFlags: boolean;
}

/**
 * Split a written mnemonic into base, S and condition, the way GNU `as` reads
 * it: unified syntax `adds` + `eq` (`addseq`, `ldrbeq`, `ldmiaeq`), and the
 * divided (pre-UAL) spellings `addeqs`, `ldreqb`, `ldmeqia`. Returns every
 * reading the table supports (usually one); the caller picks the first whose
 * row accepts the operands. The array is cached and shared: do not mutate it.
 */
export function parseMnemonic(written: string): ParsedMnemonic[] {
  let readings = readingCache.get(written);
  if (readings === undefined) {
    readings = readMnemonic(written);
    if (readingCache.size >= 20_000) readingCache.clear();
    readingCache.set(written, readings);
  }
  return readings;
}

/** Readings per written spelling: the editor asks for the same few hundred spellings on every keystroke. Shared: do not mutate. */
const readingCache = new Map<string, ParsedMnemonic[]>();

function readMnemonic(written: string): ParsedMnemonic[] {
  const text = written.toLowerCase();
  const readings: ParsedMnemonic[] = [];
  const seen = new Set<string>();
  const add = (mnemonic: string, conditionText: string, setFlags: boolean): void => {
    const rows = rowsByMnemonic.get(mnemonic);
    const condition = parseCondition(conditionText);
    if (!rows || !condition) return;
    if (setFlags && !rows.some((row) => row.allowsSetFlags)) return;
    if (condition !== 'al' && !rows.some((row) => row.conditional)) return;
    const key = `${mnemonic}/${condition}/${setFlags}`;
    if (seen.has(key)) return;
    seen.add(key);
    readings.push({ mnemonic, condition, setFlags });
  };
  for (let split = text.length; split >= 1; split--) {
    const stem = text.slice(0, split);
    const rest = text.slice(split);
    if (!rowsByMnemonic.has(stem)) continue;
    // Unified: base{s}{cond}
    add(stem, rest, false);
    if (rest.startsWith('s')) add(stem, rest.slice(1), true);
  }
  // Divided: stem{cond}{tail}: `addeqs` (tail 's'), `ldreqb` (base 'ldrb'), `ldmeqia`.
  for (let split = 1; split + 2 <= text.length; split++) {
    const stem = text.slice(0, split);
    const conditionText = text.slice(split, split + 2);
    const tail = text.slice(split + 2);
    if (!parseCondition(conditionText) || conditionText === '') continue;
    if (tail === 's') add(stem, conditionText, true);
    if (tail !== '') add(stem + tail, conditionText, false);
  }
  return readings;
}

export type InstructionEncoding =
  | { ok: true; word: number; row: InstructionRow; warning?: EncodeError }
  | { ok: false; error: EncodeError };

/**
 * Encode an instruction with the first row that accepts its operand shape,
 * condition and S suffix. When a row accepts the operands but not the suffix,
 * the error says so; when no row accepts them, it lists the forms the
 * mnemonic takes. A `warning` is what GNU `as` would warn about while still
 * emitting the word.
 *
 * `row` is the row that encoded the instruction; an encoder may substitute
 * another encoding (mov -> mvn/movw, add -> sub, adr -> sub), so decode the
 * word to learn the form actually emitted.
 */
export function encodeInstruction(instruction: Instruction, context: EncodeContext): InstructionEncoding {
  const word = encodeInstructionWord(instruction, context);
  if (word < 0) return { ok: false, error: lastError! };
  const row = lastRow!;
  return lastWarning ? { ok: true, word, row, warning: lastWarning } : { ok: true, word, row };
}

/** What the last encodeInstructionWord call found besides the word (read at once; the next call replaces them). */
let lastError: EncodeError | undefined;
let lastRow: InstructionRow | undefined;
let lastWarning: EncodeError | undefined;

/** The error of the last encodeInstructionWord call that returned -1. */
export function lastEncodeError(): EncodeError {
  return lastError ?? { message: 'unknown instruction' };
}

/**
 * encodeInstruction without a result object, for the assembler's per-line
 * path: the word (unsigned), or -1 with the error in lastEncodeError(). Same
 * rows, same order, same messages.
 */
export function encodeInstructionWord(instruction: Instruction, context: EncodeContext): number {
  lastError = undefined;
  lastRow = undefined;
  lastWarning = undefined;
  const rows = rowsFor(instruction.mnemonic);
  if (rows.length === 0) {
    lastError = { message: `unknown instruction '${instruction.mnemonic}'` };
    return -1;
  }
  let firstFailure: EncodeError | undefined;
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    if (!row.accepts(instruction)) continue;
    if (instruction.setFlags && !row.allowsSetFlags) {
      firstFailure ??= { message: `'${instruction.mnemonic}' cannot take the S suffix in this form`, hint: `write \`${instruction.mnemonic}\` without S` };
      continue;
    }
    if (instruction.condition !== 'al' && !row.conditional) {
      firstFailure ??= { message: `'${instruction.mnemonic}' cannot be conditional in this form`, hint: `form: ${row.syntax}` };
      continue;
    }
    const result = row.encode(instruction, context);
    if (result.ok) {
      lastRow = row;
      lastWarning = result.warning;
      return result.word >>> 0;
    }
    firstFailure ??= result.error;
  }
  if (firstFailure) {
    lastError = firstFailure;
    return -1;
  }
  const forms = [...new Set(rows.map((row) => row.syntax))].join('  |  ');
  lastError = { message: `invalid operands for '${instruction.mnemonic}'`, hint: `expected ${forms}` };
  return -1;
}

/**
 * Rows indexed by bits 27:20 and 7:4 of a word (and whether cond is 0b1111),
 * each list sorted by priority, highest first: findRow checks a handful of
 * rows instead of the whole table.
 */
const KEY_MASK = 0x0ff0_00f0;
let rowIndex: InstructionRow[][] | undefined;

function keyOf(word: number, unconditional: boolean): number {
  return ((word >>> 16) & 0xff0) | ((word >>> 4) & 0xf) | (unconditional ? 0x1000 : 0);
}

function buildIndex(): InstructionRow[][] {
  const ordered = ROWS.map((row, order) => ({ row, order }))
    .sort((a, b) => (b.row.priority ?? 0) - (a.row.priority ?? 0) || a.order - b.order)
    .map(({ row }) => row);
  // Each row's fixed bits in key space (13 bits: unconditional flag, bits 27:20, bits 7:4).
  const keyMasks = ordered.map((row) => keyOf(row.mask & KEY_MASK, false) | 0x1000);
  const keyBits = ordered.map((row) => keyOf(row.bits & row.mask & KEY_MASK, !row.conditional));
  const index: InstructionRow[][] = [];
  for (let key = 0; key < 0x2000; key++) {
    const list: InstructionRow[] = [];
    for (let i = 0; i < ordered.length; i++) if ((key & keyMasks[i]) === keyBits[i]) list.push(ordered[i]);
    index.push(list);
  }
  return index;
}

/** The row a word belongs to, honouring priorities; undefined for UNDEFINED/unsupported encodings. */
export function findRow(word: number): InstructionRow | undefined {
  const candidates = (rowIndex ??= buildIndex())[keyOf(word, word >>> 28 === 0xf)];
  for (let i = 0; i < candidates.length; i++) {
    const row = candidates[i];
    if (((word & row.mask) >>> 0) === row.bits >>> 0 && (row.owns === undefined || row.owns(word))) return row;
  }
  return undefined;
}

/** The same answer as findRow by scanning every row: the reference the index is tested against. */
export function findRowByScan(word: number): InstructionRow | undefined {
  const unconditional = word >>> 28 === 0xf;
  let best: InstructionRow | undefined;
  for (const row of ROWS) {
    if (unconditional ? row.conditional : !row.conditional) continue;
    if (((word & row.mask) >>> 0) !== row.bits >>> 0) continue;
    if (row.owns !== undefined && !row.owns(word)) continue;
    if (!best || (row.priority ?? 0) > (best.priority ?? 0)) best = row;
  }
  return best;
}

/** Decode a word at an address; undefined when no row matches (disassembles as `.word`). */
export function decodeWord(word: number, address: number): Instruction | undefined {
  const row = findRow(word >>> 0);
  return row ? row.decode(word >>> 0, address) : undefined;
}
