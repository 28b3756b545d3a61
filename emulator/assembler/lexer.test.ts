import { describe, expect, it } from 'vitest';
import {
  Lexer, OP_LOGICAL_AND, OP_NOT_EQUAL, OP_SHIFT_LEFT, TOKEN_END, TOKEN_ERROR, TOKEN_IDENTIFIER, TOKEN_LOCAL_REFERENCE,
  TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_STRING,
} from './lexer';

function tokens(text: string): string[] {
  const lexer = new Lexer();
  lexer.reset(text, 0, text.length);
  const out: string[] = [];
  for (let kind = lexer.next(); kind !== TOKEN_END; kind = lexer.next()) {
    if (kind === TOKEN_NUMBER) out.push(`n:${lexer.number}`);
    else if (kind === TOKEN_IDENTIFIER) out.push(`i:${lexer.identifierText()}`);
    else if (kind === TOKEN_LOCAL_REFERENCE) out.push(`l:${lexer.number}${lexer.forward ? 'f' : 'b'}`);
    else if (kind === TOKEN_PUNCT) out.push(`p:${lexer.punct}`);
    else if (kind === TOKEN_STRING) out.push(`s:${lexer.text.slice(lexer.start, lexer.tokenEnd)}`);
    else if (kind === TOKEN_ERROR) out.push(`e:${lexer.error}`);
  }
  return out;
}

function stringBytes(literal: string): number[] {
  const lexer = new Lexer();
  lexer.reset(literal, 0, literal.length);
  expect(lexer.next()).toBe(TOKEN_STRING);
  const out: number[] = [];
  lexer.stringBytes(out);
  return out;
}

describe('lexer', () => {
  it('reads decimal, hex, binary and octal numbers', () => {
    expect(tokens('42 0x2A 0X2a 0b101010 052 0')).toEqual(['n:42', 'n:42', 'n:42', 'n:42', 'n:42', 'n:0']);
  });

  it('keeps 32-bit values positive and exact', () => {
    expect(tokens('0xffffffff 0x80000000')).toEqual(['n:4294967295', 'n:2147483648']);
  });

  it('reads character constants with and without the closing quote', () => {
    expect(tokens("'a 'b' '\\n' '\\\\'")).toEqual(['n:97', 'n:98', 'n:10', 'n:92']);
  });

  it('reads local label references', () => {
    expect(tokens('1b 23f 0b')).toEqual(['l:1b', 'l:23f', 'l:0b']);
  });

  it('reads identifiers with dots and dollars', () => {
    expect(tokens('.L1 _start a$b .')).toEqual(['i:.L1', 'i:_start', 'i:a$b', 'i:.']);
  });

  it('reads two-character operators', () => {
    expect(tokens('<< != <> &&')).toEqual([`p:${OP_SHIFT_LEFT}`, `p:${OP_NOT_EQUAL}`, `p:${OP_NOT_EQUAL}`, `p:${OP_LOGICAL_AND}`]);
  });

  it('reports a bad number and an unterminated string as error tokens', () => {
    expect(tokens('12ab')).toEqual(["e:'12ab' is not a valid number"]);
    expect(tokens('"abc')).toEqual(['e:this string has no closing quote']);
  });

  it('decodes string escapes the way GNU as does', () => {
    expect(stringBytes('"a\\n\\t\\\\\\"b"')).toEqual([97, 10, 9, 92, 34, 98]);
    // \a and \e are not escapes for as: they stand for the letters.
    expect(stringBytes('"\\a\\e\\v\\b\\f\\r"')).toEqual([97, 101, 11, 8, 12, 13]);
    // \x takes every hex digit and keeps the low byte; octal takes up to three digits (0-9, as `as` does).
    expect(stringBytes('"\\x4142\\101\\18\\1234"')).toEqual([0x42, 0x41, 0x10, 0x53, 0x34]);
  });

  it('encodes non-ASCII text as UTF-8', () => {
    expect(stringBytes('"é€"')).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac]);
  });
});
