/**
 * Helpers for the load/store tests: the rows of the two load/store modules,
 * row selection as the table does it (keeping warnings), and objdump-style
 * text of a decoded instruction, to compare decoders with objdump.
 */
import type { EncodeResult, Instruction, InstructionRow, MemoryOffset, Operand } from './types';
import { loadStoreRows } from './load-store';
import { loadStoreMultipleRows } from './load-store-multiple';
import type { GnuResult } from './load-store-goldens';
import { CASE_ADDRESS, type LoadStoreCase } from './load-store-cases';

export const LOAD_STORE_ROWS: readonly InstructionRow[] = [...loadStoreRows, ...loadStoreMultipleRows];

/** The first row (in table order) that accepts the instruction and encodes it, else the first failure. */
export function encodeWithRows(instruction: Instruction, address: number, rows = LOAD_STORE_ROWS): EncodeResult & { row?: InstructionRow } {
  let failure: EncodeResult | undefined;
  for (const row of rows) {
    if (!row.mnemonics.includes(instruction.mnemonic) || !row.accepts(instruction)) continue;
    const result = row.encode(instruction, { address });
    if (result.ok) return { ...result, row };
    failure ??= result;
  }
  return failure ?? { ok: false, error: { message: 'no row accepts these operands' } };
}

/** The matching row with the highest priority among `rows` (conditional rows only, as all of these are). */
export function findLoadStoreRow(word: number, rows = LOAD_STORE_ROWS): InstructionRow | undefined {
  let best: InstructionRow | undefined;
  for (const row of rows) {
    if (((word & row.mask) >>> 0) !== row.bits >>> 0) continue;
    if (!best || (row.priority ?? 0) > (best.priority ?? 0)) best = row;
  }
  return best;
}

const OBJDUMP_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'sl', 'fp', 'ip', 'sp', 'lr', 'pc'];

function offsetText(offset: MemoryOffset): string {
  if (offset.kind === 'immediate') return `#${offset.subtract ? '-' : ''}${offset.value}`;
  let text = `${offset.subtract ? '-' : ''}${OBJDUMP_NAMES[offset.register]}`;
  const shift = offset.shift;
  if (shift) text += shift.type === 'rrx' ? ', rrx' : `, ${shift.type} #${shift.amount}`;
  return text;
}

function operandText(operand: Operand): string {
  switch (operand.kind) {
    case 'register':
      return OBJDUMP_NAMES[operand.register] + (operand.writeback ? '!' : '');
    case 'memory': {
      const base = OBJDUMP_NAMES[operand.base];
      if (operand.indexing === 'post') return `[${base}]${operand.offset ? ', ' + offsetText(operand.offset) : ''}`;
      return `[${base}${operand.offset ? ', ' + offsetText(operand.offset) : ''}]${operand.indexing === 'pre' ? '!' : ''}`;
    }
    case 'registerList': {
      const names: string[] = [];
      for (let register = 0; register < 16; register++) if (operand.mask & (1 << register)) names.push(OBJDUMP_NAMES[register]);
      return `{${names.join(', ')}}${operand.userMode ? '^' : ''}`;
    }
    default:
      return `<${operand.kind}>`;
  }
}

/** objdump's text for a decoded load/store instruction (without its `@` comment). */
export function objdumpText(instruction: Instruction): string {
  const condition = instruction.condition === 'al' ? '' : instruction.condition;
  return `${instruction.mnemonic}${condition} ${instruction.operands.map(operandText).join(', ')}`;
}

/** One disagreement between Sherwood and GNU `as`/objdump, in words, or undefined. */
export function compareWithGnu(entry: LoadStoreCase, gnu: GnuResult): string | undefined {
  const result = encodeWithRows(entry.instruction, CASE_ADDRESS);
  if (gnu.error !== undefined) {
    return result.ok ? `${entry.text}: as refuses it (${gnu.error}) but Sherwood encoded ${result.word.toString(16)}` : undefined;
  }
  if (!result.ok) return `${entry.text}: as gives ${gnu.word} but Sherwood says "${result.error.message}"`;
  const word = result.word.toString(16).padStart(8, '0');
  if (word !== gnu.word) return `${entry.text}: as gives ${gnu.word}, Sherwood ${word}`;
  if ((gnu.warning !== undefined) !== (result.warning !== undefined)) {
    return `${entry.text}: as warning "${gnu.warning ?? 'none'}", Sherwood warning "${result.warning?.message ?? 'none'}"`;
  }
  const row = findLoadStoreRow(result.word);
  if (!row) return `${entry.text}: no row decodes ${word}`;
  const decoded = row.decode(result.word, CASE_ADDRESS);
  const text = objdumpText(decoded);
  if (text !== gnu.disassembly) return `${entry.text}: objdump shows "${gnu.disassembly}", decode gives "${text}"`;
  const again = encodeWithRows(decoded, CASE_ADDRESS);
  if (!again.ok || again.word !== result.word) {
    return `${entry.text}: decoded "${text}" re-encodes to ${again.ok ? again.word.toString(16) : again.error.message}`;
  }
  return undefined;
}
