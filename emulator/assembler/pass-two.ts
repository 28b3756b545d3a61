/**
 * Pass 2: place the sections where `ld` would, then finish every pending
 * statement with absolute addresses (branch targets, literal-pool loads, data
 * naming labels, deferred `.equ`s), and build the Program.
 */
import type { Operand } from '../isa/types';
import {
  PENDING_ASSIGN, PENDING_DATA, PENDING_INSTRUCTION, PENDING_LOCAL_LABEL, PENDING_PREL31, PENDING_SIZE, isBarrier, type Assembler,
} from './assembler';
import { emptyPending, releaseLiteralTable, releasePendingTable, type Pending } from './pending';
import { checkFits } from './data-directives';
import { ABSOLUTE, type Value } from './expression';
import { encodeWith, readingsFor } from './instructions';
import { TEXT_SEGMENT_START, layoutSections, outputSectionName } from './layout';
import type { AssembleResult, Program, ProgramSymbol, Section, SourceMapEntry } from './program';
import { emptyMapEntry, readMapEntry, type SectionBuffer } from './section-buffer';
import { SYMBOL_DEFERRED, SYMBOL_LABEL, SYMBOL_UNDEFINED, SYMBOL_VALUE, type SymbolEntry } from './symbols';

const KIND_NAMES: SourceMapEntry['kind'][] = ['code', 'data', 'literal'];

function installHooks(assembler: Assembler): void {
  const lexer = assembler.lexer;
  const evaluator = assembler.evaluator;
  assembler.evaluateDeferred = (symbol: SymbolEntry, out: Value): boolean => {
    const deferred = symbol.deferred;
    if (!deferred || symbol.resolving) {
      evaluator.resolverError = `'${symbol.name}' is defined in terms of itself`;
      return false;
    }
    symbol.resolving = true;
    const text = lexer.text;
    const pos = lexer.pos;
    const end = lexer.end;
    const dot = assembler.dotValue;
    lexer.reset(deferred.text, deferred.start, deferred.end);
    const ok = evaluator.evaluate(out);
    lexer.reset(text, pos, end);
    assembler.dotValue = dot;
    symbol.resolving = false;
    if (!ok) evaluator.resolverError = evaluator.error;
    if (ok) {
      symbol.state = SYMBOL_VALUE;
      symbol.section = ABSOLUTE;
      symbol.value = out.value;
    }
    return ok;
  };
  assembler.undefinedSymbol = (name: string, out: Value): boolean => {
    const resolve = assembler.options.resolveExternal;
    let address: number | undefined;
    try {
      address = resolve ? resolve(name) : undefined;
    } catch {
      address = undefined;
    }
    if (typeof address !== 'number' || !Number.isFinite(address)) return false;
    const record = assembler.context;
    const files = assembler.reader.files;
    assembler.externals.push({
      name, address: assembler.dotValue,
      position: { file: files[record?.file ?? 0] ?? '', line: record?.line ?? 0, column: record?.column ?? 0 },
    });
    out.value = address >>> 0;
    out.section = ABSOLUTE;
    return true;
  };
}

function finishInstruction(assembler: Assembler, record: Pending, address: number): void {
  const lexer = assembler.lexer;
  const parser = assembler.operandParser;
  const mnemonic = record.text.slice(record.start, record.wordEnd);
  lexer.reset(record.text, record.wordEnd, record.end);
  const operands = assembler.operands;
  let readings = readingsFor(mnemonic);
  parser.barrier = readings.length > 0 && isBarrier(readings[0].mnemonic);
  if (!parser.parse(operands)) {
    assembler.error(parser.error, parser.errorStart, parser.errorEnd, parser.hint);
    return;
  }
  const literal = record.literal;
  const literals = assembler.literals;
  let literalAddress = 0;
  if (literal >= 0) {
    const index = operands.findIndex((operand) => operand.kind === 'literal');
    const value = index >= 0 ? (operands[index] as { value: number }).value : 0;
    const section = assembler.sections[literals.section[literal] - 1];
    literalAddress = assembler.sectionBase[section.id] + literals.offset[literal];
    section.writeWord(literals.offset[literal], value);
    const slot: Operand = { kind: 'address', value: literalAddress };
    if (index >= 0) operands[index] = slot;
    readings = readings.filter((reading) => reading.mnemonic === 'ldr');
  }
  const result = encodeWith(readings, operands, address);
  if (result.ok) {
    let word = result.word;
    // `as` leaves a literal load that lands exactly at PC+8 as `[pc, #-0]` (U clear).
    if (literal >= 0 && literalAddress === address + 8) word = (word & ~(1 << 23)) >>> 0;
    assembler.sections[record.section - 1].writeWord(record.offset, word);
    return;
  }
  const hint = literal >= 0 ? 'the literal pool is too far away; add .ltorg after a nearby branch or return' : result.hint;
  assembler.error(result.message, assembler.columnStart(result.operandIndex, record.start), record.end, hint);
}

export function passTwo(assembler: Assembler): void {
  installHooks(assembler);
  const sections = assembler.sections;
  // PT_GNU_STACK (gcc's .note.GNU-stack) and PT_ARM_EXIDX each add a program header.
  let extraHeaders = assembler.sectionsByName.has('.note.GNU-stack') ? 1 : 0;
  if ((assembler.sectionsByName.get('.ARM.exidx')?.size ?? 0) > 0) extraHeaders++;
  const layout = layoutSections(sections, extraHeaders);
  const base = assembler.sectionBase;
  base.length = sections.length + 1;
  base[0] = 0;
  for (let index = 0; index < sections.length; index++) base[sections[index].id] = layout.addresses[index];
  assembler.outputs = layout.outputs;
  assembler.localCounts.clear();
  assembler.evaluator.resolver = assembler.passTwo;
  const lexer = assembler.lexer;
  const evaluator = assembler.evaluator;
  const value = assembler.value;
  const pending = assembler.pending;
  const record = emptyPending();
  for (let row = 0; row < pending.count; row++) {
    pending.read(row, record);
    if (record.kind === PENDING_LOCAL_LABEL) {
      assembler.localCounts.set(record.size, (assembler.localCounts.get(record.size) ?? 0) + 1);
      continue;
    }
    assembler.context = record;
    const section = record.section > 0 ? sections[record.section - 1] : undefined;
    const address = (section ? base[section.id] : 0) + record.offset;
    assembler.dotValue = address;
    if (record.kind === PENDING_INSTRUCTION) {
      finishInstruction(assembler, record, address);
      continue;
    }
    if (record.kind === PENDING_PREL31) {
      const target = base[record.targetSection] + record.targetOffset;
      section!.writeWord(record.offset, (target - address) & 0x7fffffff);
      continue;
    }
    lexer.reset(record.text, record.start, record.end);
    if (!evaluator.evaluate(value)) {
      assembler.error(evaluator.error, evaluator.errorStart, evaluator.errorEnd);
      continue;
    }
    const symbol = record.symbol;
    if (record.kind === PENDING_DATA) {
      checkFits(assembler, value.value, record.size, record.start, record.end);
      section!.writeValue(record.offset, record.size, value.value);
    } else if (record.kind === PENDING_ASSIGN && symbol) {
      symbol.state = SYMBOL_VALUE;
      symbol.section = ABSOLUTE;
      symbol.value = value.value;
    } else if (record.kind === PENDING_SIZE && symbol) {
      symbol.size = value.value;
    }
  }
  assembler.context = undefined;
  // Nothing reads the rows after pass 2: the next assembly may reuse the columns.
  releasePendingTable(pending);
  releaseLiteralTable(assembler.literals);
}

function appendSourceMap(sourceMap: SourceMapEntry[], section: SectionBuffer, address: number, files: string[]): void {
  const stream = section.mapStream;
  const entry = emptyMapEntry();
  for (let index = 0; index < section.mapCount; index++) {
    readMapEntry(stream, entry);
    sourceMap.push({
      address: address + entry.offset,
      size: entry.size,
      position: { file: files[entry.file] ?? '', line: entry.line, column: entry.column },
      kind: KIND_NAMES[entry.kind],
    });
  }
}

export function buildResult(assembler: Assembler): AssembleResult {
  const files = assembler.reader.files;
  const base = assembler.sectionBase;
  const diagnostics = assembler.diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((left, right) =>
      files.indexOf(left.diagnostic.file) - files.indexOf(right.diagnostic.file)
      || left.diagnostic.line - right.diagnostic.line || left.index - right.index)
    .map((entry) => entry.diagnostic);
  if (assembler.errorCount > 0) return { ok: false, diagnostics };
  const sections: Section[] = [];
  const mapped: { section: SectionBuffer; address: number }[] = [];
  for (const output of assembler.outputs) {
    const bytes = new Uint8Array(output.size);
    sections.push({
      name: output.name, address: output.address, bytes, size: output.size, alignment: output.alignment, flags: { ...output.flags },
    });
    for (const index of output.inputs) {
      const section = assembler.sections[index];
      const address = base[section.id];
      if (!section.flags.nobits) bytes.set(section.bytes.subarray(0, section.size), address - output.address);
      mapped.push({ section, address });
    }
  }
  const symbols: ProgramSymbol[] = [];
  const table = assembler.symbols;
  const outputNames: (string | undefined)[] = [];
  for (let index = 0; index < table.size; index++) {
    const symbol = table.at(index);
    if (symbol.state === SYMBOL_UNDEFINED || symbol.state === SYMBOL_DEFERRED || symbol.name.includes('\u0002')) continue;
    const placed = symbol.section !== ABSOLUTE;
    const section = placed ? assembler.sections[symbol.section - 1] : undefined;
    const value = ((placed ? base[symbol.section] : 0) + symbol.value) >>> 0;
    const position = { file: files[symbol.file] ?? '', line: symbol.line, column: symbol.column };
    // One literal per shape (with or without `section`, which comes last), not a property added later.
    const programSymbol: ProgramSymbol = section
      ? {
        name: symbol.name, value, global: symbol.global, type: symbol.type, size: symbol.size >>> 0, position,
        section: (outputNames[section.id] ??= outputSectionName(section.name)),
      }
      : { name: symbol.name, value, global: symbol.global, type: symbol.type, size: symbol.size >>> 0, position };
    symbols.push(programSymbol);
  }
  const start = assembler.symbols.get('_start');
  const hasStart = start !== undefined && start.state === SYMBOL_LABEL;
  const text = sections.find((section) => section.name === '.text');
  let entry = hasStart ? (base[start.section] + start.value) >>> 0 : text ? text.address : sections[0]?.address ?? TEXT_SEGMENT_START;
  if (!hasStart && start?.state === SYMBOL_VALUE) entry = start.value >>> 0;
  const program: Program = {
    file: assembler.options.file ?? 'input.s',
    sections,
    symbols,
    entry,
    hasStart,
    sourceMap: [],
    externals: assembler.externals,
    diagnostics,
    sources: sourcesOf(assembler),
  };
  // The source map is materialised on first use (the editor re-assembles on every
  // keystroke and rarely needs it). A getter that replaces itself with the array:
  // JSON, structured clone and plain reads all see an ordinary property.
  Object.defineProperty(program, 'sourceMap', {
    configurable: true,
    enumerable: true,
    get(): SourceMapEntry[] {
      const sourceMap: SourceMapEntry[] = [];
      for (const { section, address } of mapped) appendSourceMap(sourceMap, section, address, files);
      Object.defineProperty(program, 'sourceMap', { value: sourceMap, writable: true, configurable: true, enumerable: true });
      return sourceMap;
    },
    set(value: SourceMapEntry[]) {
      Object.defineProperty(program, 'sourceMap', { value, writable: true, configurable: true, enumerable: true });
    },
  });
  return { ok: true, program };
}

/** The files read, with their text (a name given by `.file` or a line marker has none). */
function sourcesOf(assembler: Assembler): { file: string; text: string }[] {
  const { files, texts } = assembler.reader;
  const sources: { file: string; text: string }[] = [];
  for (let index = 0; index < files.length; index++) {
    const text = texts[index];
    if (text !== undefined) sources.push({ file: files[index], text });
  }
  return sources;
}
