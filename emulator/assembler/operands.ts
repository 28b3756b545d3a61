/**
 * Instruction operands: source text -> the `Operand` values of
 * emulator/isa/types.ts. Registers (with the APCS names), `#imm` and
 * `#:lower16:sym`, shifts, memory operands in every addressing mode, register
 * lists, `=expr`, status registers and bare expressions (addresses).
 */
import type { MemoryOffset, Operand, Shift, ShiftType } from '../isa/types';
import { ABSOLUTE, type ExpressionEvaluator, type Value } from './expression';
import { isIdentifierPart, type Lexer } from './lexer';
import { BARRIER_OPTIONS } from '../isa/system';

const REGISTER_NAMES: Record<string, number> = {
  sp: 13, lr: 14, pc: 15, fp: 11, ip: 12, sl: 10, sb: 9,
  a1: 0, a2: 1, a3: 2, a4: 3, v1: 4, v2: 5, v3: 6, v4: 7, v5: 8, v6: 9, v7: 10, v8: 11,
};
for (let index = 0; index < 16; index++) REGISTER_NAMES[`r${index}`] = index;

const REGISTERS = new Map<string, number>();
for (const [name, number] of Object.entries(REGISTER_NAMES)) {
  REGISTERS.set(name, number);
  REGISTERS.set(name.toUpperCase(), number);
}


/** Register number for a name (any case), or -1. */
export function registerNumber(name: string): number {
  const found = REGISTERS.get(name);
  if (found !== undefined) return found;
  const lower = REGISTERS.get(name.toLowerCase());
  return lower === undefined ? -1 : lower;
}

/** Register named at text[start..]: number * 4 + length, or -1. No allocation. */
function registerAt(text: string, start: number, end: number): number {
  if (start + 1 >= end) return -1;
  const first = text.charCodeAt(start) | 0x20;
  const second = text.charCodeAt(start + 1) | 0x20;
  let number = -1;
  let length = 2;
  const digit = text.charCodeAt(start + 1) - 48;
  switch (first) {
    case 114: // r
      if (digit >= 0 && digit <= 9) {
        number = digit;
        const next = start + 2 < end ? text.charCodeAt(start + 2) - 48 : -1;
        if (digit === 1 && next >= 0 && next <= 5) {
          number = 10 + next;
          length = 3;
        }
      }
      break;
    case 115: number = second === 112 ? 13 : second === 108 ? 10 : second === 98 ? 9 : -1; break; // sp sl sb
    case 108: number = second === 114 ? 14 : -1; break; // lr
    case 112: number = second === 99 ? 15 : -1; break; // pc
    case 102: number = second === 112 ? 11 : -1; break; // fp
    case 105: number = second === 112 ? 12 : -1; break; // ip
    case 97: number = digit >= 1 && digit <= 4 ? digit - 1 : -1; break; // a1-a4
    case 118: number = digit >= 1 && digit <= 8 ? digit + 3 : -1; break; // v1-v8
  }
  if (number < 0) return -1;
  if (start + length < end && isIdentifierPart(text.charCodeAt(start + length))) return -1;
  // Mixed case like `Sp` is not a register name for `as`; all-lower or all-upper only.
  const upperFirst = text.charCodeAt(start) < 97;
  if (first !== 114 && first !== 97 && first !== 118 && upperFirst !== text.charCodeAt(start + 1) < 97) return -1;
  return number * 4 + length;
}

/** The shift named by text[start, end) (any case), without allocating. */
function shiftAt(text: string, start: number, end: number): ShiftType | undefined {
  if (end - start !== 3) return undefined;
  const a = text.charCodeAt(start) | 0x20;
  const b = text.charCodeAt(start + 1) | 0x20;
  const c = text.charCodeAt(start + 2) | 0x20;
  if (a === 108 && b === 115) return c === 108 ? 'lsl' : c === 114 ? 'lsr' : undefined; // lsl lsr
  if (a === 97 && b === 115) return c === 114 ? 'asr' : c === 108 ? 'lsl' : undefined; // asr asl
  if (a === 114 && b === 111 && c === 114) return 'ror';
  if (a === 114 && b === 114 && c === 120) return 'rrx';
  return undefined;
}

/**
 * Operands are values nobody mutates, so the common ones are shared instead of
 * allocated per instruction: every register, with and without `!`, and small immediates.
 */
const REGISTER_OPERANDS: readonly Operand[] = Object.freeze(
  Array.from({ length: 16 }, (_, register) => Object.freeze({ kind: 'register' as const, register })));
const WRITEBACK_OPERANDS: readonly Operand[] = Object.freeze(
  Array.from({ length: 16 }, (_, register) => Object.freeze({ kind: 'register' as const, register, writeback: true })));
const SHARED_IMMEDIATES = 1024;
const IMMEDIATE_OPERANDS: readonly Operand[] = Object.freeze(
  Array.from({ length: SHARED_IMMEDIATES }, (_, value) => Object.freeze({ kind: 'immediate' as const, value })));

const STATUS = /^(apsr|cpsr|spsr)(?:_([a-z]+))?$/i;

export class OperandParser {
  lexer: Lexer;
  evaluator: ExpressionEvaluator;
  /** Set when an expression was not absolute (pass 1: the instruction must wait for pass 2). */
  deferred = false;
  error = '';
  hint: string | undefined;
  errorStart = 0;
  errorEnd = 0;
  /** Offsets of each operand's first character (for diagnostics): the first `startCount` entries. */
  starts: number[] = [];
  startCount = 0;
  /** Set by the caller for DMB/DSB/ISB: option names (`ish`, `sy`) become immediates. */
  barrier = false;
  /** Text range of the `=expr` expression, when present. */
  literalStart = -1;
  literalEnd = -1;
  private value: Value = { value: 0, section: 0 };

  constructor(lexer: Lexer, evaluator: ExpressionEvaluator) {
    this.lexer = lexer;
    this.evaluator = evaluator;
  }

  private fail(message: string, start: number, end: number, hint?: string): false {
    this.error = message;
    this.hint = hint;
    this.errorStart = start;
    this.errorEnd = Math.max(end, start + 1);
    return false;
  }

  private expression(): number | undefined {
    if (!this.evaluator.evaluate(this.value)) {
      this.fail(this.evaluator.error, this.evaluator.errorStart, this.evaluator.errorEnd);
      return undefined;
    }
    if (this.value.section !== ABSOLUTE) {
      this.deferred = true;
      if (!this.inAddress) this.otherRelocatable = true;
    }
    return this.value.value;
  }

  /** A value outside the address operand was not absolute. */
  otherRelocatable = false;
  private inAddress = false;

  /**
   * Pass 1: an address operand that is a label already placed in section
   * `addressSection` (set below), so a PC-relative form can be encoded now
   * from section offsets alone. -1 when there is none or it cannot be.
   */
  addressSection = -1;
  private sawAddress = false;

  /** Parse all operands of the statement into `out`. */
  parse(out: Operand[]): boolean {
    const lexer = this.lexer;
    this.deferred = false;
    this.addressSection = -1;
    this.sawAddress = false;
    this.otherRelocatable = false;
    this.inAddress = false;
    this.startCount = 0;
    this.literalStart = -1;
    while (out.length > 0) out.pop();
    if (!lexer.skipSpaces()) return true;
    for (;;) {
      lexer.skipSpaces();
      this.starts[this.startCount++] = lexer.pos;
      if (!this.operand(out)) return false;
      const code = lexer.peekCode();
      if (code === -1) return true;
      if (code !== 44) {
        return this.fail(`unexpected '${lexer.text.slice(lexer.pos, lexer.end).trim()}' after an operand`, lexer.pos, lexer.end, 'separate operands with commas');
      }
      lexer.pos++;
    }
  }

  /** Try to read a register name at the cursor; -1 (cursor unchanged) when there is none. */
  private register(): number {
    const lexer = this.lexer;
    const code = lexer.peekCode();
    if (code === -1) return -1;
    const start = lexer.pos;
    const found = registerAt(lexer.text, start, lexer.end);
    if (found < 0) return -1;
    lexer.start = start;
    lexer.pos = lexer.tokenEnd = start + (found & 3);
    return found >> 2;
  }

  private operand(out: Operand[]): boolean {
    const lexer = this.lexer;
    const code = lexer.peekCode();
    const start = lexer.pos;
    if (code === 35) {
      lexer.pos++;
      return this.immediate(out);
    }
    if (code === 61) {
      lexer.pos++;
      lexer.skipSpaces();
      this.literalStart = lexer.pos;
      const value = this.expression();
      if (value === undefined) return false;
      this.literalEnd = lexer.pos;
      out.push({ kind: 'literal', value });
      return true;
    }
    if (code === 91) {
      lexer.pos++;
      return this.memory(out, start);
    }
    if (code === 123) {
      lexer.pos++;
      return this.registerList(out, start);
    }
    const register = this.register();
    if (register >= 0) {
      out.push(lexer.eat(33) ? WRITEBACK_OPERANDS[register] : REGISTER_OPERANDS[register]);
      return true;
    }
    // Shift names and status registers are words; anything else is an expression.
    let end = start;
    while (end < lexer.end && isIdentifierPart(lexer.text.charCodeAt(end))) end++;
    if (end > start) {
      const type = shiftAt(lexer.text, start, end);
      if (type) {
        lexer.pos = end;
        const shift = this.shiftAmount(type, start);
        if (!shift) return false;
        out.push({ kind: 'shift', shift });
        return true;
      }
      if (this.barrier) {
        const option = BARRIER_OPTIONS[lexer.text.slice(start, end).toLowerCase()];
        if (option !== undefined) {
          lexer.pos = end;
          out.push({ kind: 'immediate', value: option });
          return true;
        }
      }
      const initial = lexer.text.charCodeAt(start) | 0x20;
      const status = end - start >= 4 && (initial === 97 || initial === 99 || initial === 115)
        ? STATUS.exec(lexer.text.slice(start, end)) : null;
      if (status) {
        lexer.pos = end;
        out.push({
          kind: 'statusRegister',
          name: status[1].toLowerCase() as 'apsr' | 'cpsr' | 'spsr',
          fields: (status[2] ?? '').toLowerCase(),
        });
        return true;
      }
    }
    const deferredBefore = this.deferred;
    this.deferred = false;
    this.inAddress = true;
    const value = this.expression();
    this.inAddress = false;
    if (value === undefined) return false;
    if (this.deferred) {
      const section = this.value.section;
      this.addressSection = !this.sawAddress && section > 0 ? section : -1;
    }
    this.sawAddress = true;
    this.deferred ||= deferredBefore;
    // gcc writes `bl printf(PLT)`; in a static link that is the plain address.
    if (lexer.peekCode() === 40 && /^\(\s*plt\s*\)/i.test(lexer.text.slice(lexer.pos, lexer.end))) {
      lexer.pos = lexer.text.indexOf(')', lexer.pos) + 1;
    }
    out.push({ kind: 'address', value });
    return true;
  }

  private immediate(out: Operand[]): boolean {
    const lexer = this.lexer;
    let relocation: 'lower16' | 'upper16' | undefined;
    if (lexer.peekCode() === 58) {
      const rest = lexer.text.slice(lexer.pos, Math.min(lexer.end, lexer.pos + 9)).toLowerCase();
      if (rest === ':lower16:') relocation = 'lower16';
      else if (rest === ':upper16:') relocation = 'upper16';
      else return this.fail('expected :lower16: or :upper16: after #', lexer.pos, lexer.pos + 1);
      lexer.pos += 9;
    }
    const value = this.expression();
    if (value === undefined) return false;
    if (relocation) out.push({ kind: 'immediate', value, relocation });
    else out.push(value >= 0 && value < SHARED_IMMEDIATES && Number.isInteger(value) ? IMMEDIATE_OPERANDS[value] : { kind: 'immediate', value });
    return true;
  }

  /** After a shift name: `#n`, a register, or nothing for rrx. */
  private shiftAmount(type: ShiftType, start: number): Shift | undefined {
    const lexer = this.lexer;
    if (type === 'rrx') return { type };
    const register = this.register();
    if (register >= 0) return { type, register };
    if (lexer.peekCode() === 35) lexer.pos++;
    else if (lexer.peekCode() === -1 || lexer.peekCode() === 44 || lexer.peekCode() === 93) {
      this.fail(`'${type}' needs an amount: #n or a register`, start, lexer.pos);
      return undefined;
    }
    const value = this.expression();
    if (value === undefined) return undefined;
    return { type, amount: value };
  }

  private memory(out: Operand[], start: number): boolean {
    const lexer = this.lexer;
    const base = this.register();
    if (base < 0) return this.fail('expected a base register after [', start, lexer.pos + 1, 'write memory operands as [r1], [r1, #4] or [r1, r2]');
    let offset: MemoryOffset | undefined;
    if (lexer.eat(44)) {
      const parsed = this.offset(start);
      if (!parsed) return false;
      offset = parsed;
    }
    if (!lexer.eat(93)) return this.fail("expected ']' to close the memory operand", start, lexer.pos + 1);
    if (lexer.eat(33)) {
      out.push({ kind: 'memory', base, offset, indexing: 'pre' });
      return true;
    }
    if (offset === undefined && lexer.peekCode() === 44) {
      // Post-indexed `[rn], #off` / `[rn], rm` — but `[rn], {..}` never occurs; look ahead.
      const mark = lexer.pos;
      lexer.pos++;
      const following = lexer.peekCode();
      if (following === 35 || following === 45 || following === 43 || this.peekRegister()) {
        const parsed = this.offset(start);
        if (!parsed) return false;
        out.push({ kind: 'memory', base, offset: parsed, indexing: 'post' });
        return true;
      }
      lexer.pos = mark;
    }
    out.push(offset ? { kind: 'memory', base, offset, indexing: 'offset' } : { kind: 'memory', base, indexing: 'offset' });
    return true;
  }

  private peekRegister(): boolean {
    const mark = this.lexer.pos;
    const found = this.register() >= 0;
    this.lexer.pos = mark;
    return found;
  }

  private offset(start: number): MemoryOffset | undefined {
    const lexer = this.lexer;
    let code = lexer.peekCode();
    if (code === 35) {
      lexer.pos++;
      code = lexer.peekCode();
      const negative = code === 45;
      const value = this.expression();
      if (value === undefined) return undefined;
      if (value < 0 || (negative && value === 0)) return { kind: 'immediate', value: -value, subtract: true };
      return { kind: 'immediate', value, subtract: false };
    }
    let subtract = false;
    if (code === 45 || code === 43) {
      subtract = code === 45;
      lexer.pos++;
    }
    const register = this.register();
    if (register < 0) {
      // `[r0, label]`-style or missing `#`: accept a plain expression as an immediate offset.
      const value = this.expression();
      if (value === undefined) return undefined;
      const signed = subtract ? -value : value;
      return signed < 0 ? { kind: 'immediate', value: -signed, subtract: true } : { kind: 'immediate', value: signed, subtract: false };
    }
    if (lexer.peekCode() === 44) {
      const mark = lexer.pos;
      lexer.pos++;
      lexer.skipSpaces();
      const wordStart = lexer.pos;
      let end = wordStart;
      while (end < lexer.end && isIdentifierPart(lexer.text.charCodeAt(end))) end++;
      const type = shiftAt(lexer.text, wordStart, end);
      if (!type) {
        lexer.pos = mark;
        return { kind: 'register', register, subtract };
      }
      lexer.pos = end;
      const shift = this.shiftAmount(type, wordStart);
      if (!shift) return undefined;
      return { kind: 'register', register, subtract, shift };
    }
    if (start < 0) return undefined;
    return { kind: 'register', register, subtract };
  }

  private registerList(out: Operand[], start: number): boolean {
    const lexer = this.lexer;
    let mask = 0;
    if (lexer.peekCode() !== 125) {
      for (;;) {
        const itemStart = lexer.pos;
        const first = this.register();
        if (first < 0) return this.fail('expected a register in the register list', itemStart, lexer.pos + 1, 'write lists as {r0, r4-r6, lr}');
        let last = first;
        if (lexer.eat(45)) {
          last = this.register();
          if (last < 0) return this.fail("expected a register after '-' in the register list", itemStart, lexer.pos + 1);
          if (last < first) return this.fail(`register range ${lexer.text.slice(itemStart, lexer.pos).trim()} goes backwards`, itemStart, lexer.pos, 'write the lower register first');
        }
        for (let register = first; register <= last; register++) mask |= 1 << register;
        if (!lexer.eat(44)) break;
      }
    }
    if (!lexer.eat(125)) return this.fail("expected '}' to close the register list", start, lexer.pos + 1);
    if (lexer.eat(94)) out.push({ kind: 'registerList', mask, userMode: true });
    else out.push({ kind: 'registerList', mask });
    return true;
  }
}
