/**
 * Directives that put bytes in a section: .byte .hword .word .quad (and their
 * synonyms), .ascii .asciz .string, .space .skip .zero .fill, and alignment.
 */
import type { Assembler } from './assembler';
import { PENDING_DATA } from './assembler';
import { ABSOLUTE, UNKNOWN } from './expression';
import { TOKEN_END, TOKEN_ERROR, TOKEN_NUMBER, TOKEN_STRING } from './lexer';
import { KIND_DATA } from './section-buffer';

export const DATA_SIZES: Record<string, number> = {
  '.byte': 1, '.hword': 2, '.short': 2, '.half': 2, '.2byte': 2,
  '.word': 4, '.long': 4, '.int': 4, '.4byte': 4, '.quad': 8, '.8byte': 8,
};

/** Warn as `as` does when a value does not fit `size` bytes. */
export function checkFits(assembler: Assembler, value: number, size: number, start: number, end: number): void {
  if (size >= 4) return;
  const limit = size === 1 ? 0x100 : 0x10000;
  if (value >= limit || value < -limit) {
    const truncated = ((value % limit) + limit) % limit;
    assembler.report('warning', `value 0x${(value >>> 0).toString(16)} does not fit in ${size * 8} bits; truncated to 0x${truncated.toString(16)}`,
      start, end);
  }
}

function nonZeroInBss(assembler: Assembler, start: number, end: number): void {
  assembler.error(`${assembler.section.name} holds only zero bytes; put initialised data in .data`, start, end);
}

let wideLow = 0;
let wideHigh = 0;

/** A 64-bit literal (`.quad 0x1122334455667788`, `-5`) read exactly; false (cursor unchanged) otherwise. */
function wideLiteral(assembler: Assembler): boolean {
  const lexer = assembler.lexer;
  const mark = lexer.pos;
  const negative = lexer.eat(45);
  if (lexer.next() !== TOKEN_NUMBER || !lexer.wide) {
    lexer.pos = mark;
    return false;
  }
  const text = lexer.text.slice(lexer.start, lexer.tokenEnd);
  const code = lexer.peekCode();
  if ((code !== 44 && code !== -1) || /^0[0-7]/.test(text)) {
    lexer.pos = mark;
    return false;
  }
  let value = BigInt.asUintN(64, BigInt(text.replace(/^0B/, '0b').replace(/^0X/, '0x')));
  if (negative) value = BigInt.asUintN(64, -value);
  wideLow = Number(value & 0xffffffffn) | 0;
  wideHigh = Number(value >> 32n) | 0;
  return true;
}

/** One value of .byte/.word/...: written now when known, else left to pass 2. */
function dataValue(assembler: Assembler, size: number, expressionStart: number): boolean {
  const section = assembler.section;
  const value = assembler.value;
  if (!assembler.evaluate(value)) return false;
  const expressionEnd = assembler.lexer.pos;
  const offset = section.reserve(size);
  if (value.section === ABSOLUTE) {
    if (section.flags.nobits && value.value !== 0) nonZeroInBss(assembler, expressionStart, expressionEnd);
    checkFits(assembler, value.value, size, expressionStart, expressionEnd);
    section.writeValue(offset, size, value.value);
    return true;
  }
  if (section.flags.nobits) nonZeroInBss(assembler, expressionStart, expressionEnd);
  const row = assembler.addPending(PENDING_DATA, expressionStart, expressionEnd, size);
  assembler.pending.offset[row] = offset;
  return true;
}

export function dataValues(assembler: Assembler, name: string, start: number): void {
  const size = DATA_SIZES[name];
  const lexer = assembler.lexer;
  const section = assembler.section;
  const reader = assembler.reader;
  const first = section.size;
  if (lexer.skipSpaces()) {
    for (;;) {
      lexer.skipSpaces();
      const expressionStart = lexer.pos;
      if (size === 8 && wideLiteral(assembler)) {
        section.writeValue(section.reserve(8), 8, wideLow, wideHigh);
      } else if (!dataValue(assembler, size, expressionStart)) {
        return;
      }
      const code = lexer.peekCode();
      if (code === -1) break;
      if (code !== 44) {
        assembler.error(`expected ',' between values, found '${lexer.text.slice(lexer.pos, reader.end).trim()}'`, lexer.pos, reader.end);
        break;
      }
      lexer.pos++;
    }
  }
  if (section.size > first) section.map(first, section.size - first, KIND_DATA, reader.file, reader.line, reader.columnOf(start));
}

const stringBytes: number[] = [];

export function dataStrings(assembler: Assembler, name: string, start: number): void {
  const lexer = assembler.lexer;
  const section = assembler.section;
  const reader = assembler.reader;
  const terminate = name !== '.ascii';
  const first = section.size;
  for (;;) {
    const kind = lexer.next();
    if (kind === TOKEN_END) break;
    if (kind !== TOKEN_STRING) {
      assembler.error(kind === TOKEN_ERROR ? lexer.error : `${name} expects a string in double quotes`, lexer.start, Math.max(lexer.tokenEnd, lexer.start + 1),
        `write ${name} "text"`);
      return;
    }
    stringBytes.length = 0;
    lexer.stringBytes(stringBytes);
    if (terminate) stringBytes.push(0);
    if (section.flags.nobits && stringBytes.length > 0) nonZeroInBss(assembler, lexer.start, lexer.tokenEnd);
    const offset = section.reserve(stringBytes.length);
    section.bytes.set(stringBytes, offset);
    const code = lexer.peekCode();
    if (code === -1) break;
    if (code !== 44) {
      assembler.error(`expected ',' between strings`, lexer.pos, reader.end);
      break;
    }
    lexer.pos++;
  }
  if (section.size > first) section.map(first, section.size - first, KIND_DATA, reader.file, reader.line, reader.columnOf(start));
}

/** Evaluate an expression that must be a constant now (sizes, counts, alignments). */
export function constant(assembler: Assembler, what: string): number | undefined {
  const lexer = assembler.lexer;
  lexer.skipSpaces();
  const start = lexer.pos;
  const value = assembler.value;
  if (!assembler.evaluate(value)) return undefined;
  if (value.section !== ABSOLUTE) {
    assembler.error(
      value.section === UNKNOWN
        ? `${what} must be a constant known at this point`
        : `${what} must be a constant, not an address`,
      start, lexer.pos, 'define the symbols it uses before this line');
    return undefined;
  }
  return value.value;
}

/** Optional `, expr` after a directive operand; `fallback` when absent or empty. */
export function optionalConstant(assembler: Assembler, what: string, fallback: number): number | undefined {
  const lexer = assembler.lexer;
  if (!lexer.eat(44)) return fallback;
  const code = lexer.peekCode();
  if (code === 44 || code === -1) return fallback;
  return constant(assembler, what);
}

function expectEnd(assembler: Assembler, name: string): boolean {
  const lexer = assembler.lexer;
  if (lexer.peekCode() === -1) return true;
  assembler.error(`unexpected '${lexer.text.slice(lexer.pos, assembler.reader.end).trim()}' after ${name}`, lexer.pos, assembler.reader.end);
  return false;
}

const MAXIMUM_RESERVE = 64 * 1024 * 1024;

export function space(assembler: Assembler, name: string, start: number): void {
  const count = constant(assembler, `the size of ${name}`);
  if (count === undefined) return;
  const fill = optionalConstant(assembler, 'the fill value', 0);
  if (fill === undefined || !expectEnd(assembler, name)) return;
  if (count < 0 || count > MAXIMUM_RESERVE) {
    assembler.error(`${name} size ${count} is out of range (0 to ${MAXIMUM_RESERVE})`, start, assembler.reader.end);
    return;
  }
  const section = assembler.section;
  if (section.flags.nobits && fill !== 0) nonZeroInBss(assembler, start, assembler.reader.end);
  const offset = section.reserve(count);
  if (fill !== 0) section.bytes.fill(fill & 0xff, offset, offset + count);
  if (count > 0) section.map(offset, count, KIND_DATA, assembler.reader.file, assembler.reader.line, assembler.reader.columnOf(start));
}

export function fill(assembler: Assembler, start: number): void {
  const repeat = constant(assembler, 'the repeat count of .fill');
  if (repeat === undefined) return;
  let size = optionalConstant(assembler, 'the size of .fill', 1);
  if (size === undefined) return;
  const value = optionalConstant(assembler, 'the value of .fill', 0);
  if (value === undefined || !expectEnd(assembler, '.fill')) return;
  if (size < 0) size = 0;
  if (size > 8) {
    assembler.report('warning', '.fill size is more than 8; using 8', start, assembler.reader.end);
    size = 8;
  }
  if (repeat < 0 || repeat * size > MAXIMUM_RESERVE) {
    assembler.error(`.fill of ${repeat} x ${size} bytes is out of range`, start, assembler.reader.end);
    return;
  }
  const section = assembler.section;
  if (section.flags.nobits && value !== 0) nonZeroInBss(assembler, start, assembler.reader.end);
  const offset = section.reserve(repeat * size);
  // `as` writes the value in at most 4 bytes; the rest of each item is zero.
  for (let item = 0; item < repeat; item++) section.writeValue(offset + item * size, Math.min(size, 4), value);
  if (repeat * size > 0) section.map(offset, repeat * size, KIND_DATA, assembler.reader.file, assembler.reader.line, assembler.reader.columnOf(start));
}

/** .align (ARM: power of two), .p2align, .balign, with optional fill and maximum skip. */
export function align(assembler: Assembler, name: string, start: number): void {
  const lexer = assembler.lexer;
  let amount: number | undefined = 2;
  if (lexer.peekCode() !== -1 && lexer.peekCode() !== 44) amount = constant(assembler, `the ${name} amount`);
  if (amount === undefined) return;
  const fillValue = optionalConstant(assembler, 'the fill value', -1);
  if (fillValue === undefined) return;
  const maximum = optionalConstant(assembler, 'the maximum padding', -1);
  if (maximum === undefined || !expectEnd(assembler, name)) return;
  let alignment: number;
  if (name === '.balign' || name === '.balignw' || name === '.balignl') {
    alignment = amount === 0 ? 1 : amount;
    if (alignment < 0 || (alignment & (alignment - 1)) !== 0 || alignment > 0x8000) {
      assembler.error(`${name} needs a power of two, not ${amount}`, start, assembler.reader.end, `did you mean .p2align ${Math.max(0, Math.round(Math.log2(Math.abs(amount) || 1)))}?`);
      return;
    }
  } else {
    if (amount < 0 || amount > 15) {
      assembler.error(`${name} ${amount} asks for 2^${amount}-byte alignment; the most is 15`, start, assembler.reader.end,
        name === '.align' ? 'on ARM, .align n means 2^n bytes (.align 2 = 4 bytes)' : undefined);
      return;
    }
    alignment = 1 << amount;
  }
  const fillSize = name === '.balignw' ? 2 : name === '.balignl' ? 4 : 1;
  assembler.section.align(alignment, fillValue === -1 ? -1 : fillValue, fillSize, maximum);
}
