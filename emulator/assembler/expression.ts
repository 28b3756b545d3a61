/**
 * Expression evaluation straight off the lexer (no tree), with GNU `as`
 * operator ranks — which differ from C's:
 *   `||` < `&&` < comparisons < `+ -` < `| ^ &` < `* / % << >>`
 * Comparisons yield -1 for true (as `as` does), `&&`/`||` yield 1.
 *
 * A value is a number plus a section: 0 for absolute, a positive section id
 * for a label not yet placed (pass 1), or UNKNOWN for a symbol not yet defined.
 * In pass 2 every symbol resolves to an absolute address.
 */
import {
  Lexer, OP_EQUAL, OP_GREATER_EQUAL, OP_LESS_EQUAL, OP_LOGICAL_AND, OP_LOGICAL_OR, OP_NOT_EQUAL,
  OP_SHIFT_LEFT, OP_SHIFT_RIGHT, TOKEN_ERROR, TOKEN_IDENTIFIER, TOKEN_LOCAL_REFERENCE, TOKEN_NUMBER, TOKEN_PUNCT,
} from './lexer';

export const ABSOLUTE = 0;
export const UNKNOWN = -1;

export interface Value {
  value: number;
  section: number;
}

/** Where symbols come from: the assembler's symbol table in pass 1 or pass 2. */
export interface SymbolResolver {
  /** Fill `out` with the symbol's value; false when undefined (the evaluator then reports or marks unknown). */
  resolve(name: string, out: Value, start: number, end: number): boolean;
  /** `Nb` / `Nf`. */
  resolveLocal(label: number, forward: boolean, out: Value, start: number, end: number): boolean;
  /** The location counter `.`. */
  dot(out: Value): void;
}

const TWO_32 = 4294967296;

/** Keep a result inside the 64-bit-ish range `as` computes in, without losing the low 32 bits. */
function normalize(value: number): number {
  if (value >= -9007199254740991 && value <= 9007199254740991) return value;
  return value % TWO_32 | 0;
}

function rank(op: number): number {
  switch (op) {
    case OP_LOGICAL_OR: return 1;
    case OP_LOGICAL_AND: return 2;
    case OP_EQUAL: case OP_NOT_EQUAL: case 60: case 62: case OP_LESS_EQUAL: case OP_GREATER_EQUAL: return 3;
    case 43: case 45: return 4;
    case 124: case 94: case 38: return 5;
    case 42: case 47: case 37: case OP_SHIFT_LEFT: case OP_SHIFT_RIGHT: return 6;
    default: return 0;
  }
}

export class ExpressionEvaluator {
  lexer: Lexer;
  resolver: SymbolResolver;
  /** Set when `evaluate` returns false. */
  error = '';
  errorStart = 0;
  errorEnd = 0;
  /** A resolver that returns false may explain why here (else: "undefined reference"). */
  resolverError = '';
  private depth = 0;

  constructor(lexer: Lexer, resolver: SymbolResolver) {
    this.lexer = lexer;
    this.resolver = resolver;
  }

  /** Parse and evaluate one expression at the lexer cursor into `out`. */
  evaluate(out: Value): boolean {
    this.depth = 0;
    return this.binary(out, 1);
  }

  private fail(message: string, start: number, end: number): false {
    this.error = message;
    this.errorStart = start;
    this.errorEnd = end;
    return false;
  }

  private binary(out: Value, minimumRank: number): boolean {
    if (!this.unary(out)) return false;
    const lexer = this.lexer;
    for (;;) {
      const mark = lexer.pos;
      if (lexer.next() !== TOKEN_PUNCT) {
        lexer.pos = mark;
        return true;
      }
      const op = lexer.punct;
      const opRank = rank(op);
      if (opRank === 0 || opRank < minimumRank) {
        lexer.pos = mark;
        return true;
      }
      const opStart = lexer.start;
      const opEnd = lexer.tokenEnd;
      const right: Value = { value: 0, section: 0 };
      if (!this.binary(right, opRank + 1)) return false;
      if (!this.apply(op, out, right, opStart, opEnd)) return false;
    }
  }

  private apply(op: number, left: Value, right: Value, start: number, end: number): boolean {
    if (left.section === UNKNOWN || right.section === UNKNOWN) {
      left.section = UNKNOWN;
      left.value = 0;
      return true;
    }
    const a = left.value;
    const b = right.value;
    if (left.section !== ABSOLUTE || right.section !== ABSOLUTE) {
      if (op === 43 && (left.section === ABSOLUTE || right.section === ABSOLUTE)) {
        left.section = left.section === ABSOLUTE ? right.section : left.section;
        left.value = a + b;
        return true;
      }
      if (op === 45 && right.section === ABSOLUTE) {
        left.value = a - b;
        return true;
      }
      if (op === 45 && left.section === right.section) {
        left.section = ABSOLUTE;
        left.value = a - b;
        return true;
      }
      // Not known until the sections are placed.
      left.section = UNKNOWN;
      left.value = 0;
      return true;
    }
    let result: number;
    switch (op) {
      case 43: result = a + b; break;
      case 45: result = a - b; break;
      case 42: result = a * b; break;
      case 47:
      case 37:
        if (b === 0) return this.fail('division by zero', start, end);
        result = op === 47 ? Math.trunc(a / b) : a % b;
        break;
      case OP_SHIFT_LEFT:
        result = b < 0 || b >= 64 ? 0 : b >= 32 ? 0 : a * Math.pow(2, b);
        break;
      case OP_SHIFT_RIGHT:
        if (b < 0 || b >= 64) result = 0;
        else if (a < 0) result = b >= 32 ? -1 : (a | 0) >> b;
        else result = Math.floor(a / Math.pow(2, b));
        break;
      case 124: result = a | b; break;
      case 94: result = a ^ b; break;
      case 38: result = a & b; break;
      case OP_EQUAL: result = a === b ? -1 : 0; break;
      case OP_NOT_EQUAL: result = a !== b ? -1 : 0; break;
      case 60: result = a < b ? -1 : 0; break;
      case 62: result = a > b ? -1 : 0; break;
      case OP_LESS_EQUAL: result = a <= b ? -1 : 0; break;
      case OP_GREATER_EQUAL: result = a >= b ? -1 : 0; break;
      case OP_LOGICAL_AND: result = a !== 0 && b !== 0 ? 1 : 0; break;
      case OP_LOGICAL_OR: result = a !== 0 || b !== 0 ? 1 : 0; break;
      default: return this.fail('unknown operator', start, end);
    }
    left.value = normalize(result);
    return true;
  }

  private unary(out: Value): boolean {
    const lexer = this.lexer;
    const kind = lexer.next();
    const start = lexer.start;
    const end = lexer.tokenEnd;
    switch (kind) {
      case TOKEN_NUMBER:
        out.value = lexer.number;
        out.section = ABSOLUTE;
        return true;
      case TOKEN_IDENTIFIER: {
        if (end - start === 1 && lexer.text.charCodeAt(start) === 46) {
          this.resolver.dot(out);
          return true;
        }
        this.resolverError = '';
        if (!this.resolver.resolve(lexer.text.slice(start, end), out, start, end)) {
          return this.fail(this.resolverError || `undefined reference to \`${lexer.text.slice(start, end)}'`, start, end);
        }
        return true;
      }
      case TOKEN_LOCAL_REFERENCE:
        if (!this.resolver.resolveLocal(lexer.number, lexer.forward, out, start, end)) {
          const label = lexer.number;
          return this.fail(
            lexer.forward ? `there is no local label '${label}:' after this line` : `there is no local label '${label}:' before this line`,
            start, end,
          );
        }
        return true;
      case TOKEN_ERROR:
        return this.fail(lexer.error, start, end);
      case TOKEN_PUNCT: {
        const op = lexer.punct;
        if (op === 40) {
          if (++this.depth > 200) return this.fail('expression nested too deeply', start, end);
          if (!this.binary(out, 1)) return false;
          this.depth--;
          if (lexer.next() !== TOKEN_PUNCT || lexer.punct !== 41) {
            return this.fail("missing ')'", start, lexer.tokenEnd);
          }
          return true;
        }
        if (op === 45 || op === 126 || op === 33 || op === 43) {
          if (++this.depth > 200) return this.fail('expression nested too deeply', start, end);
          if (!this.unary(out)) return false;
          this.depth--;
          if (out.section === UNKNOWN || op === 43) return true;
          if (out.section !== ABSOLUTE) {
            out.section = UNKNOWN;
            return true;
          }
          if (op === 45) out.value = normalize(-out.value);
          else if (op === 126) out.value = ~out.value;
          else out.value = out.value === 0 ? 1 : 0;
          return true;
        }
        return this.fail(`expected a number or symbol, found '${lexer.text.slice(start, end)}'`, start, end);
      }
      default:
        return this.fail('expected an expression', start, Math.max(end, start + 1));
    }
  }
}
