/**
 * A hand-written scanner over the char codes of one statement. It allocates
 * nothing per token: the current token lives in the lexer's fields, and text
 * is sliced only when a caller asks for it.
 */

export const TOKEN_END = 0;
export const TOKEN_IDENTIFIER = 1;
export const TOKEN_NUMBER = 2;
export const TOKEN_STRING = 3;
export const TOKEN_PUNCT = 4;
/** `1b` / `1f`: a reference to a numeric local label. */
export const TOKEN_LOCAL_REFERENCE = 5;
export const TOKEN_ERROR = 6;

/** Two-character operators, as `punct` codes above the char-code range. */
export const OP_SHIFT_LEFT = 0x10000;
export const OP_SHIFT_RIGHT = 0x10001;
export const OP_LESS_EQUAL = 0x10002;
export const OP_GREATER_EQUAL = 0x10003;
export const OP_EQUAL = 0x10004;
export const OP_NOT_EQUAL = 0x10005;
export const OP_LOGICAL_AND = 0x10006;
export const OP_LOGICAL_OR = 0x10007;

export function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 46 || code === 36;
}

export function isIdentifierPart(code: number): boolean {
  return isIdentifierStart(code) || (code >= 48 && code <= 57);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 12 || code === 11;
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

export class Lexer {
  text = '';
  pos = 0;
  end = 0;
  kind = TOKEN_END;
  /** Start and end offsets of the current token in `text`. */
  start = 0;
  tokenEnd = 0;
  /** Numeric value (TOKEN_NUMBER, non-negative, exact below 2^53), or the label number of a local reference. */
  number = 0;
  /** For TOKEN_NUMBER: the value did not fit in 32 bits (kept as a double in `number`). */
  wide = false;
  /** For TOKEN_LOCAL_REFERENCE: true for `Nf`. */
  forward = false;
  /** Char code or OP_* of a TOKEN_PUNCT. */
  punct = 0;
  /** Message for TOKEN_ERROR. */
  error = '';

  reset(text: string, start: number, end: number): void {
    this.text = text;
    this.pos = start;
    this.end = end;
    this.kind = TOKEN_END;
    this.start = start;
    this.tokenEnd = start;
  }

  /** Skip spaces; true when the statement has more text. */
  skipSpaces(): boolean {
    const text = this.text;
    let pos = this.pos;
    while (pos < this.end && isSpace(text.charCodeAt(pos))) pos++;
    this.pos = pos;
    return pos < this.end;
  }

  /** The char code at the cursor after spaces, or -1 at the end (does not consume). */
  peekCode(): number {
    return this.skipSpaces() ? this.text.charCodeAt(this.pos) : -1;
  }

  /** Consume `code` if it is next (after spaces). */
  eat(code: number): boolean {
    if (this.peekCode() !== code) return false;
    this.start = this.pos;
    this.pos++;
    this.tokenEnd = this.pos;
    return true;
  }

  identifierText(): string {
    return this.text.slice(this.start, this.tokenEnd);
  }

  next(): number {
    const text = this.text;
    let pos = this.pos;
    const end = this.end;
    while (pos < end && isSpace(text.charCodeAt(pos))) pos++;
    this.start = pos;
    if (pos >= end) {
      this.pos = pos;
      this.tokenEnd = pos;
      return (this.kind = TOKEN_END);
    }
    const code = text.charCodeAt(pos);
    if (isIdentifierStart(code)) {
      pos++;
      while (pos < end && isIdentifierPart(text.charCodeAt(pos))) pos++;
      this.pos = this.tokenEnd = pos;
      return (this.kind = TOKEN_IDENTIFIER);
    }
    if (isDigit(code)) return this.scanNumber(pos);
    if (code === 34) return this.scanString(pos);
    if (code === 39) return this.scanCharacter(pos);
    pos++;
    const following = pos < end ? text.charCodeAt(pos) : -1;
    let op = code;
    if (code === 60 && following === 60) op = OP_SHIFT_LEFT;
    else if (code === 62 && following === 62) op = OP_SHIFT_RIGHT;
    else if (code === 60 && following === 61) op = OP_LESS_EQUAL;
    else if (code === 62 && following === 61) op = OP_GREATER_EQUAL;
    else if (code === 61 && following === 61) op = OP_EQUAL;
    else if (code === 33 && following === 61) op = OP_NOT_EQUAL;
    else if (code === 60 && following === 62) op = OP_NOT_EQUAL;
    else if (code === 38 && following === 38) op = OP_LOGICAL_AND;
    else if (code === 124 && following === 124) op = OP_LOGICAL_OR;
    if (op !== code) pos++;
    this.punct = op;
    this.pos = this.tokenEnd = pos;
    return (this.kind = TOKEN_PUNCT);
  }

  private scanNumber(pos: number): number {
    const text = this.text;
    const end = this.end;
    let value = 0;
    let radix = 10;
    const first = text.charCodeAt(pos);
    const second = pos + 1 < end ? text.charCodeAt(pos + 1) | 0x20 : -1;
    const third = pos + 2 < end ? text.charCodeAt(pos + 2) : -1;
    let digitsStart = pos;
    if (first === 48 && second === 120 && hexValue(third) >= 0) {
      radix = 16;
      digitsStart = pos + 2;
    } else if (first === 48 && second === 98 && (third === 48 || third === 49)) {
      radix = 2;
      digitsStart = pos + 2;
    } else if (first === 48 && isDigit(second)) {
      radix = 8;
      digitsStart = pos + 1;
    } else if (second === 98 || second === 102) {
      // `1b` / `1f` (single or multi digit label numbers are handled below)
    }
    let cursor = digitsStart;
    if (radix === 10) {
      while (cursor < end && isDigit(text.charCodeAt(cursor))) {
        value = value * 10 + (text.charCodeAt(cursor) - 48);
        cursor++;
      }
      const suffix = cursor < end ? text.charCodeAt(cursor) | 0x20 : -1;
      if ((suffix === 98 || suffix === 102) && !(cursor + 1 < end && isIdentifierPart(text.charCodeAt(cursor + 1)))) {
        this.number = value;
        this.forward = suffix === 102;
        this.pos = this.tokenEnd = cursor + 1;
        return (this.kind = TOKEN_LOCAL_REFERENCE);
      }
    } else {
      while (cursor < end) {
        const digit = hexValue(text.charCodeAt(cursor));
        if (digit < 0 || digit >= radix) break;
        value = value * radix + digit;
        cursor++;
      }
    }
    if (cursor < end && isIdentifierPart(text.charCodeAt(cursor))) {
      while (cursor < end && isIdentifierPart(text.charCodeAt(cursor))) cursor++;
      this.error = `'${text.slice(pos, cursor)}' is not a valid number`;
      this.pos = this.tokenEnd = cursor;
      return (this.kind = TOKEN_ERROR);
    }
    this.wide = value > 0xffffffff;
    this.number = value;
    this.pos = this.tokenEnd = cursor;
    return (this.kind = TOKEN_NUMBER);
  }

  /** Reads one escape or plain character at `pos`; returns the code and leaves the cursor in `escapeEnd`. */
  private escapeEnd = 0;
  private readCharacter(pos: number): number {
    const text = this.text;
    const code = text.charCodeAt(pos);
    if (code !== 92 || pos + 1 >= this.end) {
      this.escapeEnd = pos + 1;
      return code;
    }
    const next = text.charCodeAt(pos + 1);
    this.escapeEnd = pos + 2;
    switch (next) {
      case 110: return 10; // \n
      case 116: return 9; // \t
      case 114: return 13; // \r
      case 98: return 8; // \b
      case 102: return 12; // \f
      case 118: return 11; // \v
      case 120: case 88: { // \x hex digits (any number, low 8 bits kept)
        let value = 0;
        let cursor = pos + 2;
        while (cursor < this.end && hexValue(text.charCodeAt(cursor)) >= 0) {
          value = ((value << 4) | hexValue(text.charCodeAt(cursor))) & 0xff;
          cursor++;
        }
        this.escapeEnd = cursor;
        return value;
      }
      default:
        if (next >= 48 && next <= 57) {
          // `as` reads up to three decimal digits in base 8 (so `\18` is 16).
          let value = 0;
          let cursor = pos + 1;
          while (cursor < this.end && cursor < pos + 4) {
            const digit = text.charCodeAt(cursor);
            if (digit < 48 || digit > 57) break;
            value = value * 8 + (digit - 48);
            cursor++;
          }
          this.escapeEnd = cursor;
          return value & 0xff;
        }
        return next;
    }
  }

  private scanCharacter(pos: number): number {
    if (pos + 1 >= this.end) {
      this.error = 'a character constant needs a character after the quote';
      this.pos = this.tokenEnd = this.end;
      return (this.kind = TOKEN_ERROR);
    }
    this.number = this.readCharacter(pos + 1);
    let cursor = this.escapeEnd;
    if (cursor < this.end && this.text.charCodeAt(cursor) === 39) cursor++;
    this.wide = false;
    this.pos = this.tokenEnd = cursor;
    return (this.kind = TOKEN_NUMBER);
  }

  private scanString(pos: number): number {
    const text = this.text;
    let cursor = pos + 1;
    while (cursor < this.end) {
      const code = text.charCodeAt(cursor);
      if (code === 34) {
        this.pos = this.tokenEnd = cursor + 1;
        return (this.kind = TOKEN_STRING);
      }
      cursor += code === 92 ? 2 : 1;
    }
    this.error = 'this string has no closing quote';
    this.pos = this.tokenEnd = this.end;
    return (this.kind = TOKEN_ERROR);
  }

  /** Append the bytes of the current TOKEN_STRING (escapes decoded) to `out`. */
  stringBytes(out: number[]): void {
    let cursor = this.start + 1;
    const last = this.tokenEnd - 1;
    while (cursor < last) {
      const code = this.readCharacter(cursor);
      const escaped = this.text.charCodeAt(cursor) === 92;
      cursor = this.escapeEnd;
      if (code < 0x80 || escaped) out.push(code & 0xff);
      else {
        const point = this.text.codePointAt(cursor - 1) ?? code;
        if (point > 0xffff) cursor++;
        pushUtf8(out, point);
      }
    }
  }
}

function pushUtf8(out: number[], point: number): void {
  if (point < 0x800) {
    out.push(0xc0 | (point >> 6), 0x80 | (point & 0x3f));
  } else if (point < 0x10000) {
    out.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  } else {
    out.push(0xf0 | (point >> 18), 0x80 | ((point >> 12) & 0x3f), 0x80 | ((point >> 6) & 0x3f), 0x80 | (point & 0x3f));
  }
}
