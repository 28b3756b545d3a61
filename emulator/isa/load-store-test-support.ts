/**
 * Helpers for the load/store tests: the rows of the two load/store modules,
 * row selection as the table does it (keeping warnings), and objdump-style
 * text of a decoded instruction, to compare decoders with objdump.
 */
import type { EncodeResult, Instruction, InstructionRow, MemoryOffset, Operand, Shift } from './types';
import { parseMnemonic } from './table';
import { loadStoreRows } from './load-store';
import { loadStoreMultipleRows } from './load-store-multiple';
import type { GnuResult } from './load-store-goldens';
import { CASE_ADDRESS, type LoadStoreCase } from './load-store-cases';

export const LOAD_STORE_ROWS: readonly InstructionRow[] = [...loadStoreRows, ...loadStoreMultipleRows];

/** The first row (in table order) that accepts the instruction and encodes it, else the first failure. */
const ROWS_BY_MNEMONIC = new Map<string, InstructionRow[]>();
for (const row of LOAD_STORE_ROWS) {
  for (const mnemonic of row.mnemonics) {
    const list = ROWS_BY_MNEMONIC.get(mnemonic) ?? [];
    list.push(row);
    ROWS_BY_MNEMONIC.set(mnemonic, list);
  }
}

export function encodeWithRows(instruction: Instruction, address: number): EncodeResult & { row?: InstructionRow } {
  let failure: EncodeResult | undefined;
  for (const row of ROWS_BY_MNEMONIC.get(instruction.mnemonic) ?? []) {
    if (!row.accepts(instruction)) continue;
    const result = row.encode(instruction, { address });
    if (result.ok) return { ...result, row };
    failure ??= result;
  }
  return failure ?? { ok: false, error: { message: 'no row accepts these operands' } };
}

/** The matching row with the highest priority among `rows`; cond = 0b1111 selects the unconditional rows. */
export function findLoadStoreRow(word: number, rows = LOAD_STORE_ROWS): InstructionRow | undefined {
  let best: InstructionRow | undefined;
  const unconditional = word >>> 28 === 0xf;
  for (const row of rows) {
    if (row.conditional === unconditional) continue;
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
  const operands = instruction.operands.map(operandText);
  // objdump quirk: the data register of `ldrex` (word) is printed by number (r12, r13, ...).
  const first = instruction.operands[0];
  if (instruction.mnemonic === 'ldrex' && first?.kind === 'register') operands[0] = `r${first.register}`;
  return `${instruction.mnemonic}${condition} ${operands.join(', ')}`;
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

const REGISTER_NAMES: Record<string, number> = { sp: 13, lr: 14, pc: 15, ip: 12, fp: 11, sl: 10 };

function parseRegister(text: string): number | undefined {
  const name = text.trim().toLowerCase();
  if (name in REGISTER_NAMES) return REGISTER_NAMES[name];
  const match = /^r(\d+)$/.exec(name);
  return match && Number(match[1]) < 16 ? Number(match[1]) : undefined;
}

function parseOffset(parts: string[]): MemoryOffset | undefined {
  if (parts.length === 0) return undefined;
  const first = parts[0].trim();
  if (first.startsWith('#')) {
    const text = first.slice(1).trim();
    const value = Number(text);
    return { kind: 'immediate', value: text.startsWith('-') && value === 0 ? -0 : value, subtract: false };
  }
  const subtract = first.startsWith('-');
  const register = parseRegister(first.replace(/^[-+]/, '')) ?? 0;
  const offset: MemoryOffset = { kind: 'register', register, subtract };
  const shiftText = parts[1]?.trim();
  if (shiftText) {
    const [type, amount] = shiftText.split(/\s+/) as [Shift['type'], string | undefined];
    if (type === 'rrx') offset.shift = { type };
    else if (amount?.startsWith('#')) offset.shift = { type, amount: Number(amount.slice(1)) };
    else offset.shift = { type, register: parseRegister(amount ?? '') ?? 0 };
  }
  return offset;
}

/** Split at top-level commas (not inside [] or {}). */
function splitOperands(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '[' || char === '{') depth++;
    else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (text.trim() !== '') parts.push(text.slice(start).trim());
  return parts;
}

/**
 * A test-only reader for load/store source text: `ldrbeq r0, [r1, -r2, lsl #2]!`,
 * `pop {r4-r6, pc}`, `ldr r0, label` (labels from `labels`). Not the assembler.
 */
export function parseLoadStore(text: string, labels: Record<string, number> = {}): Instruction {
  const space = text.indexOf(' ');
  const written = space < 0 ? text : text.slice(0, space);
  const reading = parseMnemonic(written)[0] ?? { mnemonic: written, condition: 'al' as const, setFlags: false };
  const parts = splitOperands(space < 0 ? '' : text.slice(space + 1));
  const operands: Operand[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith('[')) {
      const close = part.indexOf(']');
      const inner = splitOperands(part.slice(1, close));
      const base = parseRegister(inner[0]) ?? 0;
      if (part.endsWith('!')) {
        operands.push({ kind: 'memory', base, offset: parseOffset(inner.slice(1)), indexing: 'pre' });
      } else if (inner.length > 1) {
        operands.push({ kind: 'memory', base, offset: parseOffset(inner.slice(1)), indexing: 'offset' });
      } else if (i + 1 < parts.length) {
        operands.push({ kind: 'memory', base, offset: parseOffset(parts.slice(i + 1)), indexing: 'post' });
        break;
      } else {
        operands.push({ kind: 'memory', base, indexing: 'offset' });
      }
    } else if (part.startsWith('{')) {
      let mask = 0;
      for (const item of splitOperands(part.slice(1, part.lastIndexOf('}')))) {
        const [from, to] = item.split('-').map((name) => parseRegister(name) ?? 0);
        for (let register = from; register <= (to ?? from); register++) mask |= 1 << register;
      }
      operands.push(part.endsWith('^') ? { kind: 'registerList', mask, userMode: true } : { kind: 'registerList', mask });
    } else if (parseRegister(part.replace(/!$/, '')) !== undefined) {
      const register = parseRegister(part.replace(/!$/, '')) ?? 0;
      operands.push(part.endsWith('!') ? { kind: 'register', register, writeback: true } : { kind: 'register', register });
    } else {
      operands.push({ kind: 'address', value: labels[part] ?? Number(part) });
    }
  }
  return { mnemonic: reading.mnemonic, condition: reading.condition, setFlags: reading.setFlags, operands };
}
