/**
 * Directives that change which statements are read: .if family, .macro,
 * .rept/.irp/.irpc, .include, .exitm, .end.
 */
import type { Assembler, Collecting } from './assembler';
import { constant } from './data-directives';
import { isIdentifierPart } from './lexer';
import { bindArguments, parseMacroHeader, splitArguments, substitute } from './macros';
import { SYMBOL_UNDEFINED } from './symbols';

/** Limits that keep runaway expansion from exhausting memory. */
const MAXIMUM_DEPTH = 100;
const MAXIMUM_EXPANSION = 16 * 1024 * 1024;

function rest(assembler: Assembler): string {
  const lexer = assembler.lexer;
  return lexer.text.slice(lexer.pos, assembler.reader.end).trim();
}

export function conditional(assembler: Assembler, name: string, start: number): void {
  const conditions = assembler.conditions;
  const top = conditions[conditions.length - 1];
  const outer = top === undefined || top.active;
  switch (name) {
    case '.else':
      if (!top) return assembler.error('.else without .if', start, assembler.reader.end);
      if (top.sawElse) assembler.error('a second .else in the same .if', start, assembler.reader.end);
      top.sawElse = true;
      top.active = top.outer && !top.taken;
      top.taken = true;
      return;
    case '.elseif': {
      if (!top) return assembler.error('.elseif without .if', start, assembler.reader.end);
      if (top.taken || !top.outer) {
        top.active = false;
        return;
      }
      const value = constant(assembler, 'the .elseif condition');
      top.active = value !== undefined && value !== 0;
      top.taken = top.active;
      return;
    }
    case '.endif':
      if (!top) return assembler.error('.endif without .if', start, assembler.reader.end);
      conditions.pop();
      return;
  }
  let truth = false;
  if (outer) {
    const evaluated = condition(assembler, name);
    if (evaluated === undefined) truth = false;
    else truth = evaluated;
  }
  conditions.push({ active: outer && truth, taken: truth, outer, sawElse: false });
}

function condition(assembler: Assembler, name: string): boolean | undefined {
  switch (name) {
    case '.ifdef':
    case '.ifndef':
    case '.ifnotdef': {
      const word = rest(assembler);
      const symbol = assembler.symbols.get(word);
      const defined = symbol !== undefined && symbol.state !== SYMBOL_UNDEFINED;
      return name === '.ifdef' ? defined : !defined;
    }
    case '.ifb':
      return rest(assembler) === '';
    case '.ifnb':
      return rest(assembler) !== '';
    case '.ifc':
    case '.ifnc': {
      const parts = splitArguments(rest(assembler)).map((part) => part.replace(/^'(.*)'$/, '$1'));
      const same = parts.length === 2 && parts[0] === parts[1];
      return name === '.ifc' ? same : !same;
    }
  }
  const value = constant(assembler, `the ${name} condition`);
  if (value === undefined) return undefined;
  switch (name) {
    case '.if': case '.ifne': return value !== 0;
    case '.ifeq': return value === 0;
    case '.ifgt': return value > 0;
    case '.ifge': return value >= 0;
    case '.iflt': return value < 0;
    case '.ifle': return value <= 0;
    default: return undefined;
  }
}

export function beginCollect(assembler: Assembler, name: string, start: number): void {
  const reader = assembler.reader;
  const collecting: Collecting = { kind: 'rept', depth: 0, lines: [], file: reader.file, line: reader.line };
  if (name === '.macro') {
    const header = parseMacroHeader(rest(assembler));
    if ('error' in header) assembler.error(header.error, start, reader.end, 'write .macro name param1, param2=default');
    else collecting.macro = { name: header.name, parameters: header.parameters, body: '' };
    collecting.kind = 'macro';
  } else if (name === '.rept') {
    const count = constant(assembler, 'the .rept count');
    collecting.count = count === undefined || count < 0 ? 0 : count;
  } else {
    collecting.kind = name === '.irp' ? 'irp' : 'irpc';
    const text = rest(assembler);
    let index = 0;
    while (index < text.length && isIdentifierPart(text.charCodeAt(index))) index++;
    collecting.parameter = text.slice(0, index);
    const values = text.slice(index).replace(/^\s*,?\s*/, '');
    if (collecting.parameter === '') assembler.error(`${name} needs a parameter name`, start, reader.end, `write ${name} name, values...`);
    collecting.values = name === '.irp'
      ? (values === '' ? [''] : splitArguments(values))
      : (values === '' ? [''] : [...values.replace(/\s+/g, '')]);
  }
  assembler.collecting = collecting;
}

function pushExpansion(assembler: Assembler, text: string, start: number, macro?: string): void {
  const reader = assembler.reader;
  if (reader.frames.length > MAXIMUM_DEPTH) {
    assembler.error(`expansion nested more than ${MAXIMUM_DEPTH} deep (a macro that calls itself?)`, start, reader.end);
    return;
  }
  if (text.length > MAXIMUM_EXPANSION) {
    assembler.error('this expansion would be larger than 16 MB', start, reader.end, 'use a smaller .rept count');
    return;
  }
  reader.pushExpansion(text, macro);
}

export function endCollect(assembler: Assembler, collecting: Collecting, start: number): void {
  const body = collecting.lines.join('\n');
  switch (collecting.kind) {
    case 'macro':
      if (collecting.macro) {
        collecting.macro.body = body;
        assembler.macros.set(collecting.macro.name, collecting.macro);
      }
      return;
    case 'rept': {
      const count = collecting.count ?? 0;
      if (count === 0 || body === '') return;
      if ((body.length + 1) * count > MAXIMUM_EXPANSION) {
        assembler.error(`.rept ${count} would expand to more than 16 MB of text`, start, assembler.reader.end, 'use a smaller count');
        return;
      }
      pushExpansion(assembler, new Array<string>(count).fill(body).join('\n'), start);
      return;
    }
    default: {
      const names = [collecting.parameter ?? ''];
      const parts = (collecting.values ?? []).map((value) => substitute(body, names, [value], assembler.macroCounter));
      pushExpansion(assembler, parts.join('\n'), start);
    }
  }
}

export function callMacro(assembler: Assembler, name: string, start: number): void {
  const macro = assembler.macros.get(name) ?? assembler.macros.get(name.toLowerCase());
  if (!macro) return;
  const values = bindArguments(macro, rest(assembler));
  if (!Array.isArray(values)) {
    assembler.error(values.error, start, assembler.reader.end);
    return;
  }
  const names = macro.parameters.map((parameter) => parameter.name);
  const text = substitute(macro.body, names, values, assembler.macroCounter++);
  pushExpansion(assembler, text, start, macro.name);
}

function directoryOf(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return slash < 0 ? '' : path.slice(0, slash + 1);
}

export function include(assembler: Assembler, start: number): void {
  const reader = assembler.reader;
  const written = rest(assembler);
  const match = /^"([^"]*)"$/.exec(written);
  if (!match) {
    assembler.error('.include needs a file name in double quotes', start, reader.end, 'write .include "file.s"');
    return;
  }
  const name = match[1];
  const including = reader.files[reader.file] ?? '';
  const path = name.startsWith('/') ? name : directoryOf(including) + name;
  const readFile = assembler.options.readFile;
  const text = readFile ? safeRead(readFile, path) : undefined;
  if (text === undefined) {
    assembler.error(`cannot find the include file '${name}'`, start, reader.end, readFile ? `looked for ${path}` : 'includes need a file reader');
    return;
  }
  if (reader.frames.length > MAXIMUM_DEPTH) {
    assembler.error('.include nested too deeply (a file that includes itself?)', start, reader.end);
    return;
  }
  reader.pushFile(path, text);
}

function safeRead(readFile: (path: string) => string | undefined, path: string): string | undefined {
  try {
    const text = readFile(path);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}
