/**
 * Directive dispatch, plus the directives about sections, symbols, the
 * instruction set mode, and metadata that only needs to be accepted.
 */
import type { Assembler, Collecting } from './assembler';
import { PENDING_ASSIGN, PENDING_PREL31, PENDING_SIZE } from './assembler';
import { DATA_SIZES, align, dataStrings, dataValues, fill, space } from './data-directives';
import { ABSOLUTE, UNKNOWN } from './expression';
import { beginCollect, callMacro, conditional, endCollect, include } from './flow-directives';
import { isIdentifierPart, isIdentifierStart } from './lexer';
import type { SectionFlags } from './layout';
import { SYMBOL_DEFERRED, SYMBOL_LABEL, SYMBOL_UNDEFINED, SYMBOL_VALUE, newSymbol, type SymbolEntry } from './symbols';

export const CONDITIONAL_DIRECTIVES = new Set([
  '.if', '.ifdef', '.ifndef', '.ifnotdef', '.ifeq', '.ifne', '.ifgt', '.ifge', '.iflt', '.ifle',
  '.ifb', '.ifnb', '.ifc', '.ifnc', '.else', '.elseif', '.endif',
]);

/** Accepted and ignored: they only carry metadata (unwind tables, build attributes, debug info). */
const METADATA = new Set([
  '.func', '.endfunc', '.save', '.setfp', '.pad', '.movsp', '.personality',
  '.personalityindex', '.handlerdata', '.vsave', '.cpu', '.arch', '.arch_extension', '.fpu', '.eabi_attribute',
  '.file', '.ident', '.loc', '.extern', '.hidden', '.protected', '.internal', '.arm', '.object_arch', '.unreq',
  '.cfi_startproc', '.cfi_endproc', '.cfi_def_cfa', '.cfi_def_cfa_offset', '.cfi_offset', '.cfi_def_cfa_register',
  '.cfi_sections', '.cfi_restore', '.cfi_remember_state', '.cfi_restore_state', '.cfi_rel_offset', '.cfi_adjust_cfa_offset',
  '.altmacro', '.noaltmacro', '.nolist', '.list', '.title', '.sbttl', '.psize', '.eject',
]);

const TEXT: SectionFlags = { alloc: true, write: false, execute: true, nobits: false };
const DATA: SectionFlags = { alloc: true, write: true, execute: false, nobits: false };
const BSS: SectionFlags = { alloc: true, write: true, execute: false, nobits: true };
const RODATA: SectionFlags = { alloc: true, write: false, execute: false, nobits: false };

function rest(assembler: Assembler): string {
  return assembler.lexer.text.slice(assembler.lexer.pos, assembler.reader.end).trim();
}

/** Run directive `name` (lower case, with the dot) whose word spans [start, end). */
export function directive(assembler: Assembler, name: string, start: number, end: number, word?: string, collecting?: Collecting): void {
  if (name in DATA_SIZES) return dataValues(assembler, name, start);
  if (CONDITIONAL_DIRECTIVES.has(name)) return conditional(assembler, name, start);
  if (METADATA.has(name)) return;
  switch (name) {
    case '=': return assign(assembler, word ?? '', start, end, '=');
    case 'macro-call': return callMacro(assembler, word ?? '', start);
    case 'end-collect': if (collecting) endCollect(assembler, collecting, start); return;
    case '.text': return assembler.switchSection(assembler.sectionNamed('.text', TEXT));
    case '.data': return assembler.switchSection(assembler.sectionNamed('.data', DATA));
    case '.bss': return assembler.switchSection(assembler.sectionNamed('.bss', BSS));
    case '.section': return section(assembler, start);
    case '.previous': return assembler.switchSection(assembler.previousSection);
    case '.ascii': case '.asciz': case '.string': return dataStrings(assembler, name, start);
    case '.space': case '.skip': case '.zero': return space(assembler, name, start);
    case '.fill': return fill(assembler, start);
    case '.align': case '.balign': case '.p2align': case '.balignw': case '.balignl': return align(assembler, name, start);
    case '.ltorg': case '.pool': return assembler.section.flushPool(assembler.literals);
    case '.global': case '.globl': case '.weak': return symbolList(assembler, (symbol) => { symbol.global = true; });
    case '.local': return symbolList(assembler, (symbol) => { symbol.global = false; });
    case '.equ': case '.set': case '.equiv': case '.eqv': return assignDirective(assembler, name, start);
    case '.type': return typeDirective(assembler, start);
    case '.size': return sizeDirective(assembler, start);
    case '.include': return include(assembler, start);
    case '.macro': case '.rept': case '.irp': case '.irpc': return beginCollect(assembler, name, start);
    case '.endm': case '.endr': return assembler.error(`${name} without a matching ${name === '.endm' ? '.macro' : '.rept or .irp'}`, start, end);
    case '.exitm':
      if (!assembler.reader.exitMacro()) assembler.error('.exitm outside a macro', start, end);
      return;
    case '.purgem': assembler.macros.delete(rest(assembler)); return;
    case '.end': assembler.ended = true; return;
    case '.fnstart': case '.cantunwind': case '.fnend': return unwind(assembler, name, start, end);
    case '.syntax': {
      const mode = rest(assembler).toLowerCase();
      if (mode !== 'unified' && mode !== 'divided') assembler.error(`unknown syntax '${mode}'`, start, assembler.reader.end, 'use .syntax unified');
      return;
    }
    case '.code': {
      const bits = rest(assembler);
      if (bits === '16') return thumb(assembler, start);
      if (bits !== '32') assembler.error(`.code ${bits} is not a code size`, start, assembler.reader.end, 'use .code 32');
      return;
    }
    case '.thumb': case '.thumb_func': case '.force_thumb': case '.thumb_set': return thumb(assembler, start);
    case '.warning': case '.print': case '.error': case '.err': {
      const message = rest(assembler).replace(/^"(.*)"$/, '$1') || (name === '.err' ? '.err encountered' : name);
      if (name === '.print') return;
      assembler.report(name === '.warning' ? 'warning' : 'error', message, start, assembler.reader.end);
      return;
    }
  }
  assembler.error(`unknown directive '${name}'`, start, end, suggestDirective(name));
}

const KNOWN = [
  '.text', '.data', '.bss', '.section', '.global', '.globl', '.word', '.byte', '.hword', '.short', '.ascii', '.asciz',
  '.string', '.space', '.skip', '.align', '.balign', '.p2align', '.ltorg', '.equ', '.set', '.include', '.macro', '.endm',
  '.rept', '.endr', '.irp', '.if', '.ifdef', '.ifndef', '.else', '.endif', '.syntax', '.type', '.size', '.fill', '.quad',
];

function suggestDirective(name: string): string | undefined {
  for (const known of KNOWN) {
    if (Math.abs(known.length - name.length) > 1) continue;
    let differences = 0;
    for (let index = 0, other = 0; index < name.length || other < known.length; index++, other++) {
      if (name[index] !== known[other]) differences++;
    }
    if (differences <= 1 || known.startsWith(name) || name.startsWith(known)) return `did you mean '${known}'?`;
  }
  return undefined;
}

const EXIDX: SectionFlags = { alloc: true, write: false, execute: false, nobits: false };
/** EXIDX_CANTUNWIND, and the compact "finish" entry used when unwinding opcodes are not modelled. */
const CANT_UNWIND = 1;
const COMPACT_FINISH = 0x80b0b0b0;

/** .fnstart/.fnend: one 8-byte .ARM.exidx entry per function, as `as` emits it. */
function unwind(assembler: Assembler, name: string, start: number, end: number): void {
  const state = assembler.unwind;
  if (name === '.fnstart') {
    if (state) assembler.error('.fnstart inside another .fnstart block', start, end, 'close the previous function with .fnend');
    assembler.unwind = { section: assembler.section, offset: assembler.section.size, cantUnwind: false };
    return;
  }
  if (!state) {
    assembler.error(`${name} without .fnstart`, start, end);
    return;
  }
  if (name === '.cantunwind') {
    state.cantUnwind = true;
    return;
  }
  assembler.unwind = undefined;
  const table = assembler.sectionNamed('.ARM.exidx', EXIDX);
  table.alignment = 4;
  const row = assembler.addPending(PENDING_PREL31, start, end, 4);
  const offset = table.reserve(8);
  table.writeWord(offset + 4, state.cantUnwind ? CANT_UNWIND : COMPACT_FINISH);
  assembler.pending.section[row] = table.id;
  assembler.pending.offset[row] = offset;
  assembler.pending.targets.set(row, { section: state.section.id, offset: state.offset });
}

function thumb(assembler: Assembler, start: number): void {
  assembler.error('Thumb code is not supported; Sherwood assembles ARM (A32) code', start, assembler.reader.end,
    'remove .thumb / .code 16 and use .arm');
}

function section(assembler: Assembler, start: number): void {
  const text = rest(assembler);
  const match = /^("[^"]*"|[^\s,]+)\s*(?:,\s*"([^"]*)")?\s*(?:,\s*[%@]?(\w+))?/.exec(text);
  if (!match || match[1] === '') {
    assembler.error('.section needs a name', start, assembler.reader.end, 'write .section .rodata');
    return;
  }
  const name = match[1].replace(/^"|"$/g, '');
  let flags: SectionFlags;
  if (match[2] !== undefined) {
    const written = match[2];
    flags = {
      alloc: written.includes('a'), write: written.includes('w'), execute: written.includes('x'),
      nobits: match[3] === 'nobits',
    };
  } else if (/^\.(text|init|fini)(\.|$)/.test(name)) flags = TEXT;
  else if (/^\.(bss|tbss)(\.|$)/.test(name)) flags = BSS;
  else if (/^\.(data|tdata|init_array|fini_array)(\.|$)/.test(name)) flags = DATA;
  else if (/^\.rodata(\.|$)/.test(name)) flags = RODATA;
  else flags = { alloc: false, write: false, execute: false, nobits: false };
  if (match[3] === 'nobits') flags = { ...flags, nobits: true };
  assembler.switchSection(assembler.sectionNamed(name, { ...flags }));
}

function symbolList(assembler: Assembler, apply: (symbol: SymbolEntry) => void): void {
  for (const part of rest(assembler).split(',')) {
    const name = part.trim();
    if (name === '') continue;
    let symbol = assembler.symbols.get(name);
    if (!symbol) assembler.symbols.set(name, (symbol = newSymbol(name)));
    apply(symbol);
  }
}

/** `.equ name, expr` / `.set` / `.equiv`. */
function assignDirective(assembler: Assembler, name: string, start: number): void {
  const lexer = assembler.lexer;
  lexer.skipSpaces();
  const nameStart = lexer.pos;
  let nameEnd = nameStart;
  while (nameEnd < assembler.reader.end && isIdentifierPart(lexer.text.charCodeAt(nameEnd))) nameEnd++;
  if (nameEnd === nameStart || !isIdentifierStart(lexer.text.charCodeAt(nameStart))) {
    assembler.error(`${name} needs a symbol name`, start, assembler.reader.end, `write ${name} NAME, value`);
    return;
  }
  lexer.pos = nameEnd;
  if (!lexer.eat(44)) {
    assembler.error(`expected ',' after the symbol name in ${name}`, nameEnd, assembler.reader.end, `write ${name} NAME, value`);
    return;
  }
  assign(assembler, lexer.text.slice(nameStart, nameEnd), nameStart, nameEnd, name);
}

function assign(assembler: Assembler, name: string, start: number, end: number, how: string): void {
  let symbol = assembler.symbols.get(name);
  if (!symbol) assembler.symbols.set(name, (symbol = newSymbol(name)));
  if (symbol.state === SYMBOL_LABEL || (how === '.equiv' && symbol.state !== SYMBOL_UNDEFINED)) {
    assembler.error(`symbol '${name}' is already defined`, start, end, symbol.line > 0 ? `first defined at line ${symbol.line}` : undefined);
    return;
  }
  const lexer = assembler.lexer;
  lexer.skipSpaces();
  const expressionStart = lexer.pos;
  const value = assembler.value;
  if (!assembler.evaluate(value)) return;
  if (lexer.peekCode() !== -1) {
    assembler.error(`unexpected '${rest(assembler)}' after the value`, lexer.pos, assembler.reader.end);
    return;
  }
  const reader = assembler.reader;
  symbol.file = reader.file;
  symbol.line = reader.line;
  symbol.column = reader.columnOf(start);
  symbol.variable = how !== '.equiv';
  if (value.section === UNKNOWN) {
    symbol.state = SYMBOL_DEFERRED;
    symbol.section = ABSOLUTE;
    symbol.value = 0;
  } else {
    symbol.state = SYMBOL_VALUE;
    symbol.section = value.section;
    symbol.value = value.value;
  }
  const row = assembler.addPending(PENDING_ASSIGN, expressionStart, reader.end, 0);
  assembler.pending.symbols.set(row, symbol);
  symbol.deferred = {
    text: reader.text, start: expressionStart, end: reader.end, file: reader.file, line: reader.line,
    column: reader.columnOf(expressionStart), expansion: reader.expansion,
  };
}

function typeDirective(assembler: Assembler, start: number): void {
  const match = /^([A-Za-z_.$][\w.$]*)\s*,\s*[%@#]?(\w+)$/.exec(rest(assembler));
  if (!match) {
    assembler.error('.type needs a symbol and a type', start, assembler.reader.end, 'write .type main, %function');
    return;
  }
  let symbol = assembler.symbols.get(match[1]);
  if (!symbol) assembler.symbols.set(match[1], (symbol = newSymbol(match[1])));
  const kind = match[2].toLowerCase();
  if (kind === 'function' || kind === 'stt_func') symbol.type = 'function';
  else if (kind === 'object' || kind === 'stt_object') symbol.type = 'object';
  else if (kind === 'notype' || kind === 'stt_notype') symbol.type = 'none';
  else assembler.error(`unknown symbol type '${match[2]}'`, start, assembler.reader.end, 'use %function or %object');
}

function sizeDirective(assembler: Assembler, start: number): void {
  const lexer = assembler.lexer;
  lexer.skipSpaces();
  const nameStart = lexer.pos;
  let nameEnd = nameStart;
  while (nameEnd < assembler.reader.end && isIdentifierPart(lexer.text.charCodeAt(nameEnd))) nameEnd++;
  lexer.pos = nameEnd;
  if (nameEnd === nameStart || !lexer.eat(44)) {
    assembler.error('.size needs a symbol and a size', start, assembler.reader.end, 'write .size main, .-main');
    return;
  }
  const name = lexer.text.slice(nameStart, nameEnd);
  let symbol = assembler.symbols.get(name);
  if (!symbol) assembler.symbols.set(name, (symbol = newSymbol(name)));
  lexer.skipSpaces();
  const expressionStart = lexer.pos;
  const value = assembler.value;
  if (!assembler.evaluate(value)) return;
  if (value.section === ABSOLUTE) {
    symbol.size = value.value;
    return;
  }
  const row = assembler.addPending(PENDING_SIZE, expressionStart, assembler.reader.end, 0);
  assembler.pending.symbols.set(row, symbol);
}
