/**
 * Instructions on top of the ISA table: the readings of a written mnemonic
 * (cached), encoding with the first reading a row accepts, the MOV/MVN form of
 * `ldr rX, =constant`, and "did you mean" suggestions for unknown mnemonics.
 */
import { CONDITIONS, type Instruction, type Operand } from '../isa/types';
import { MNEMONICS, encodeInstruction, encodeInstructionWord, lastEncodeError, parseMnemonic, type ParsedMnemonic } from '../isa/table';
import { editDistance } from '../text/nearest';

const readingCache = new Map<string, ParsedMnemonic[]>();

export function readingsFor(word: string): ParsedMnemonic[] {
  let readings = readingCache.get(word);
  if (readings === undefined) {
    readings = parseMnemonic(word);
    if (readingCache.size > 50_000) readingCache.clear();
    readingCache.set(word, readings);
  }
  return readings;
}

/**
 * readingsFor the text [start, end) without slicing it first: a small
 * direct-mapped cache keyed by a hash of the characters, compared character by
 * character. A miss (or a collision) falls back to readingsFor.
 */
const WORD_CACHE_SIZE = 512;
const cachedWords: (string | undefined)[] = new Array<string | undefined>(WORD_CACHE_SIZE).fill(undefined);
const cachedReadings: ParsedMnemonic[][] = new Array<ParsedMnemonic[]>(WORD_CACHE_SIZE).fill([]);

export function readingsAt(text: string, start: number, end: number): ParsedMnemonic[] {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  const slot = (hash >>> 0) & (WORD_CACHE_SIZE - 1);
  const cached = cachedWords[slot];
  if (cached !== undefined && cached.length === end - start) {
    let same = true;
    for (let index = 0; index < cached.length; index++) {
      if (cached.charCodeAt(index) !== text.charCodeAt(start + index)) {
        same = false;
        break;
      }
    }
    if (same) return cachedReadings[slot];
  }
  const word = text.slice(start, end);
  const readings = readingsFor(word);
  cachedWords[slot] = word;
  cachedReadings[slot] = readings;
  return readings;
}

export interface EncodeFailure {
  ok: false;
  message: string;
  hint?: string;
  operandIndex?: number;
}

export type Encoded = { ok: true; word: number } | EncodeFailure;

/**
 * Reused for every call (this runs once per instruction, on every keystroke):
 * the table reads them synchronously and keeps no reference. A success is
 * returned in the shared SUCCESS object, to be read at once by the caller.
 */
const instruction: Instruction = { mnemonic: '', condition: 'al', setFlags: false, operands: [] };
const context = { address: 0 };
const SUCCESS = { ok: true as const, word: 0 };

function tryReadings(readings: readonly ParsedMnemonic[], operands: Operand[], address: number): Encoded {
  let failure: EncodeFailure | undefined;
  context.address = address;
  instruction.operands = operands;
  for (const reading of readings) {
    instruction.mnemonic = reading.mnemonic;
    instruction.condition = reading.condition;
    instruction.setFlags = reading.setFlags;
    const word = encodeInstructionWord(instruction, context);
    if (word >= 0) {
      SUCCESS.word = word;
      return SUCCESS;
    }
    const error = lastEncodeError();
    const candidate: EncodeFailure = { ok: false, message: error.message, hint: error.hint, operandIndex: error.operandIndex };
    // Prefer a row's own complaint (a range error) over "no row takes these operands".
    if (!failure || (failure.message.startsWith('invalid operands') && !error.message.startsWith('invalid operands'))) {
      failure = candidate;
    }
  }
  return failure ?? { ok: false, message: 'unknown instruction' };
}

/**
 * Encode with the first reading whose row accepts the operands. A bare
 * expression where a row wants `#imm` (`svc 0`) is retried as an immediate.
 */
export function encodeWith(readings: readonly ParsedMnemonic[], operands: Operand[], address: number): Encoded {
  const result = tryReadings(readings, operands, address);
  if (result.ok) return result;
  let hasAddress = false;
  for (const operand of operands) if (operand.kind === 'address') hasAddress = true;
  if (!hasAddress) return result;
  const retried = operands.map((operand): Operand => (operand.kind === 'address' ? { kind: 'immediate', value: operand.value } : operand));
  const second = tryReadings(readings, retried, address);
  return second.ok ? second : result;
}

/** Does `value` fit an A32 modified immediate (8 bits rotated right by an even amount)? */
export function fitsModifiedImmediate(value: number): boolean {
  const word = value >>> 0;
  for (let rotation = 0; rotation < 32; rotation += 2) {
    const rotated = rotation === 0 ? word : ((word << rotation) | (word >>> (32 - rotation))) >>> 0;
    if (rotated <= 0xff) return true;
  }
  return false;
}

/** `ldr rX, =value` as MOV or MVN when the constant allows (what `as` does); undefined otherwise. */
export function literalAsMove(reading: ParsedMnemonic, register: number, value: number): number | undefined {
  let mnemonic: string;
  let immediate: number;
  if (fitsModifiedImmediate(value)) {
    mnemonic = 'mov';
    immediate = value >>> 0;
  } else if (fitsModifiedImmediate(~value)) {
    mnemonic = 'mvn';
    immediate = ~value >>> 0;
  } else return undefined;
  const result = encodeInstruction(
    { mnemonic, condition: reading.condition, setFlags: false, operands: [{ kind: 'register', register }, { kind: 'immediate', value: immediate }] },
    { address: 0 },
  );
  return result.ok ? result.word : undefined;
}

/** Ties go to the instructions students write most. */
const COMMON = ['mov', 'add', 'sub', 'ldr', 'str', 'cmp', 'b', 'bl', 'bx', 'push', 'pop', 'mul', 'and', 'orr', 'ldrb', 'strb', 'svc', 'lsl', 'lsr'];
let candidates: string[] | undefined;
function suggestionCandidates(): string[] {
  candidates ??= [...COMMON.filter((name) => MNEMONICS.includes(name)), ...MNEMONICS.filter((name) => !COMMON.includes(name))];
  return candidates;
}

const SUFFIXES = ['', 's', ...CONDITIONS.filter((condition) => condition !== 'al'), 'hs', 'lo'];

/** "unknown instruction 'mvo'" with the nearest known spelling as a hint. */
export function unknownMnemonicMessage(word: string): { message: string; hint?: string } {
  const lower = word.toLowerCase();
  const message = `unknown instruction '${word}'`;
  let best = '';
  let bestDistance = lower.length <= 3 ? 1 : 2;
  for (const suffix of SUFFIXES) {
    if (suffix !== '' && !lower.endsWith(suffix)) continue;
    const stem = lower.slice(0, lower.length - suffix.length);
    if (stem === '') continue;
    for (const known of suggestionCandidates()) {
      const distance = editDistance(stem, known, bestDistance);
      if (distance <= bestDistance && (distance < bestDistance || best === '')) {
        best = known + suffix;
        bestDistance = distance;
      }
    }
  }
  if (best !== '' && best !== lower) return { message, hint: `did you mean '${best}'?` };
  if (lower === 'thumb' || lower.startsWith('it')) return { message, hint: 'Sherwood assembles ARM (A32) code only' };
  return { message };
}
