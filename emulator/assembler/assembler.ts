/**
 * Pass 1 of the assembler: statements in, bytes and symbols out. Everything
 * whose value is known is emitted at once; instructions and data that name
 * symbols not yet placed are recorded as `Pending` and finished by pass 2
 * (pass-two.ts) once the sections have addresses.
 */
import type { Operand } from '../isa/types';
import type { AssembleOptions, AssemblerDiagnostic, Severity } from './program';
import { ExpressionEvaluator, type Value } from './expression';
import { Lexer, isDigit, isIdentifierPart, isIdentifierStart } from './lexer';
import { OperandParser } from './operands';
import { SourceReader } from './reader';
import { KIND_CODE, SectionBuffer } from './section-buffer';
import { acquireSymbolTable } from './symbol-table';
import { acquireLiteralTable, acquirePendingTable, type Pending } from './pending';

export type { Pending } from './pending';
import {
  PassOneResolver, PassTwoResolver, SYMBOL_LABEL, SYMBOL_UNDEFINED, localLabelName, newSymbol,
  type ResolverHost, type SymbolEntry,
} from './symbols';
import type { Macro } from './macros';
import type { OutputSection, SectionFlags } from './layout';
import { encodeWith, readingsAt, readingsFor, literalAsMove, unknownMnemonicMessage } from './instructions';
import { directive, CONDITIONAL_DIRECTIVES } from './directives';

export const PENDING_INSTRUCTION = 0;
export const PENDING_DATA = 1;
export const PENDING_ASSIGN = 2;
export const PENDING_LOCAL_LABEL = 3;
export const PENDING_SIZE = 4;
/** An .ARM.exidx entry's first word: prel31 offset to the function start. */
export const PENDING_PREL31 = 5;

export interface Condition {
  /** Statements in this branch are assembled. */
  active: boolean;
  /** Some branch of this `.if` has been taken. */
  taken: boolean;
  /** The enclosing block is active. */
  outer: boolean;
  sawElse: boolean;
}

export interface Collecting {
  kind: 'macro' | 'rept' | 'irp' | 'irpc';
  depth: number;
  lines: string[];
  macro?: Macro;
  count?: number;
  parameter?: string;
  values?: string[];
  file: number;
  line: number;
}

const TEXT_FLAGS: SectionFlags = { alloc: true, write: false, execute: true, nobits: false };

/** Mnemonics whose address operand is PC-relative (so section offsets suffice). */
const PC_RELATIVE = new Set(['b', 'bl', 'blx', 'adr', 'ldr', 'ldrb', 'ldrh', 'ldrsb', 'ldrsh', 'ldrd', 'pld', 'pli']);

export function isBarrier(mnemonic: string): boolean {
  return mnemonic.length === 3 && (mnemonic === 'dmb' || mnemonic === 'dsb' || mnemonic === 'isb');
}

export class Assembler implements ResolverHost {
  readonly options: AssembleOptions;
  readonly reader = new SourceReader();
  readonly lexer = new Lexer();
  readonly diagnostics: AssemblerDiagnostic[] = [];
  errorCount = 0;
  symbols = acquireSymbolTable();
  localCounts = new Map<number, number>();
  dotSection = 0;
  dotValue = 0;
  sectionBase: number[] = [];
  sections: SectionBuffer[] = [];
  sectionsByName = new Map<string, SectionBuffer>();
  section: SectionBuffer;
  previousSection: SectionBuffer;
  /** Statements pass 2 finishes, in source order (reused columns: see pending.ts). */
  pending = acquirePendingTable();
  literals = acquireLiteralTable();
  externals: { name: string; address: number; position: { file: string; line: number; column: number } }[] = [];
  outputs: OutputSection[] = [];
  /** Pass 2: the record being finished (diagnostics point at it). */
  context: Pending | undefined;
  conditions: Condition[] = [];
  collecting: Collecting | undefined;
  macros = new Map<string, Macro>();
  macroCounter = 0;
  macroDepth = 0;
  ended = false;
  /** Between .fnstart and .fnend: where the function starts, and whether .cantunwind was seen. */
  unwind: { section: SectionBuffer; offset: number; cantUnwind: boolean } | undefined;
  readonly passOne = new PassOneResolver(this);
  readonly passTwo = new PassTwoResolver(this);
  readonly evaluator = new ExpressionEvaluator(this.lexer, this.passOne);
  readonly operandParser = new OperandParser(this.lexer, this.evaluator);
  readonly operands: Operand[] = [];
  readonly value: Value = { value: 0, section: 0 };
  /** Pass 2 hooks (set by pass-two.ts). */
  evaluateDeferred: ResolverHost['evaluateDeferred'] = () => false;
  undefinedSymbol: ResolverHost['undefinedSymbol'] = () => false;

  /** A guess at the statement count of the source (about one per 16 characters). */
  readonly expectedStatements: number;

  constructor(options: AssembleOptions, sourceLength = 0) {
    this.options = options;
    this.expectedStatements = sourceLength >> 4;
    this.section = this.previousSection = this.sectionNamed('.text', TEXT_FLAGS);
  }

  get fileName(): string {
    return this.reader.files[this.reader.file] ?? this.options.file ?? 'input.s';
  }

  sectionNamed(name: string, flags: SectionFlags): SectionBuffer {
    let section = this.sectionsByName.get(name);
    if (!section) {
      // The first section (.text) usually holds most statements: size it from the source.
      section = new SectionBuffer(this.sections.length + 1, name, flags, this.sections.length === 0 ? this.expectedStatements : 64);
      this.sections.push(section);
      this.sectionsByName.set(name, section);
    }
    return section;
  }

  switchSection(section: SectionBuffer): void {
    if (section !== this.section) this.previousSection = this.section;
    this.section = section;
  }

  /** Report at a text range of the current statement. */
  report(severity: Severity, message: string, start: number, end: number, hint?: string): void {
    const record = this.context;
    if (record) {
      const column = record.expansion ? record.column : record.column + (start - record.start);
      this.push(severity, message, record.file, record.line, column, record.expansion ? 0 : Math.max(0, end - start), hint);
      return;
    }
    const reader = this.reader;
    const column = reader.columnOf(start);
    const length = reader.expansion ? 0 : Math.max(0, Math.min(end, reader.end) - start);
    this.push(severity, message, reader.file, reader.line, column, length, hint);
  }

  push(severity: Severity, message: string, file: number, line: number, column: number, length: number, hint?: string): void {
    if (severity === 'error') this.errorCount++;
    const diagnostic: AssemblerDiagnostic = {
      file: this.reader.files[file] ?? this.options.file ?? 'input.s', line, column, length, severity, message,
    };
    if (hint !== undefined) diagnostic.hint = hint;
    this.diagnostics.push(diagnostic);
  }

  error(message: string, start: number, end: number, hint?: string): void {
    this.report('error', message, start, end, hint);
  }

  /** Pass-1 evaluation of one expression at the lexer cursor. */
  evaluate(out: Value): boolean {
    this.dotSection = this.section.id;
    this.dotValue = this.section.size;
    if (this.evaluator.evaluate(out)) return true;
    this.error(this.evaluator.error, this.evaluator.errorStart, this.evaluator.errorEnd);
    return false;
  }

  run(source: string, budget: number): void {
    this.reader.pushFile(this.options.file ?? 'input.s', source);
    const reader = this.reader;
    let remaining = budget;
    while (!this.ended && reader.next()) {
      if (--remaining < 0) {
        this.error(`more than ${budget} statements: is a .rept or macro expanding without end?`, reader.start, reader.end);
        break;
      }
      this.statement();
    }
    if (this.collecting) {
      this.push('error', `.${this.collecting.kind === 'macro' ? 'macro' : this.collecting.kind} has no matching ${this.collecting.kind === 'macro' ? '.endm' : '.endr'}`,
        this.collecting.file, this.collecting.line, 1, 0);
    }
    if (this.conditions.length > 0) {
      this.push('error', `${this.conditions.length} .if block(s) have no matching .endif`, this.reader.file, this.reader.line, 1, 0);
    }
    for (const section of this.sections) {
      section.flushPool(this.literals);
      if (section.hasCode && section.size % 4 !== 0) section.reserve(4 - (section.size % 4));
    }
  }

  private statement(): void {
    const reader = this.reader;
    const lexer = this.lexer;
    const text = reader.text;
    lexer.reset(text, reader.start, reader.end);
    if (this.collecting) {
      this.collect();
      return;
    }
    const active = this.conditions.length === 0 || this.conditions[this.conditions.length - 1].active;
    let start: number;
    let end: number;
    for (;;) {
      if (!lexer.skipSpaces()) return;
      start = lexer.pos;
      const code = text.charCodeAt(start);
      end = start + 1;
      if (isIdentifierStart(code)) {
        while (end < reader.end && isIdentifierPart(text.charCodeAt(end))) end++;
      } else if (isDigit(code)) {
        while (end < reader.end && isDigit(text.charCodeAt(end))) end++;
        if (text.charCodeAt(end) !== 58) break;
      } else break;
      if (end < reader.end && text.charCodeAt(end) === 58) {
        if (active) this.defineLabel(start, end);
        lexer.pos = end + 1;
        continue;
      }
      break;
    }
    const first = text.charCodeAt(start);
    if (first === 35) return; // `#` comment
    if (!isIdentifierStart(first)) {
      if (active) this.error(`expected an instruction or directive, found '${text.slice(start, reader.end).trim()}'`, start, reader.end);
      return;
    }
    lexer.pos = end;
    if (!active) {
      if (first === 46) {
        const name = text.slice(start, end).toLowerCase();
        if (CONDITIONAL_DIRECTIVES.has(name)) directive(this, name, start, end);
      }
      return;
    }
    const after = lexer.peekCode();
    if (after === 61 && text.charCodeAt(lexer.pos + 1) !== 61) {
      lexer.pos++;
      directive(this, '=', start, end, text.slice(start, end));
      return;
    }
    if (first === 46) {
      directive(this, text.slice(start, end).toLowerCase(), start, end);
      return;
    }
    if (this.macros.size > 0) {
      const word = text.slice(start, end);
      if (this.macros.has(word) || this.macros.has(word.toLowerCase())) {
        directive(this, 'macro-call', start, end, word);
        return;
      }
    }
    this.instruction(start, end);
  }

  /** Inside .macro/.rept/.irp: gather statements until the matching end. */
  private collect(): void {
    const collecting = this.collecting!;
    const lexer = this.lexer;
    const reader = this.reader;
    lexer.skipSpaces();
    const start = lexer.pos;
    let end = start;
    while (end < reader.end && isIdentifierPart(reader.text.charCodeAt(end))) end++;
    const word = reader.text.slice(start, end).toLowerCase();
    const opens = collecting.kind === 'macro' ? word === '.macro' : word === '.rept' || word === '.irp' || word === '.irpc';
    const closes = collecting.kind === 'macro' ? word === '.endm' : word === '.endr';
    if (opens) collecting.depth++;
    if (closes && collecting.depth-- === 0) {
      this.collecting = undefined;
      directive(this, 'end-collect', start, end, undefined, collecting);
      return;
    }
    collecting.lines.push(reader.text.slice(reader.start, reader.end));
  }

  defineLabel(start: number, end: number): void {
    const reader = this.reader;
    let name = reader.text.slice(start, end);
    if (isDigit(name.charCodeAt(0))) {
      const number = Number(name);
      const count = (this.localCounts.get(number) ?? 0) + 1;
      this.localCounts.set(number, count);
      name = localLabelName(number, count);
      this.addPending(PENDING_LOCAL_LABEL, start, end, number);
    }
    let symbol = this.symbols.get(name);
    if (!symbol) this.symbols.set(name, (symbol = newSymbol(name)));
    if (symbol.state !== SYMBOL_UNDEFINED) {
      this.error(`symbol '${name}' is already defined`, start, end,
        symbol.line > 0 ? `first defined at line ${symbol.line}` : undefined);
      return;
    }
    symbol.state = SYMBOL_LABEL;
    symbol.section = this.section.id;
    symbol.value = this.section.size;
    symbol.file = reader.file;
    symbol.line = reader.line;
    symbol.column = reader.columnOf(start);
  }

  /** Record the current statement's text [start, end) for pass 2, at the section's end; returns the row. */
  addPending(kind: number, start: number, end: number, size: number): number {
    const reader = this.reader;
    return this.pending.add(kind, this.section.id, this.section.size, size, reader.text, start, end,
      reader.file, reader.line, reader.columnOf(start), reader.expansion);
  }

  private instruction(start: number, end: number): void {
    const reader = this.reader;
    const readings = readingsAt(reader.text, start, end);
    if (readings.length === 0) {
      const { message, hint } = unknownMnemonicMessage(reader.text.slice(start, end));
      this.error(message, start, end, hint);
      return;
    }
    const section = this.section;
    if (section.flags.nobits) {
      this.error(`instructions cannot go in ${section.name}, which holds only zero bytes`, start, end, 'switch to .text first');
      return;
    }
    if (!section.flags.execute && section.size === 0 && section.name !== '.text') section.flags.execute = true;
    if (section.alignment < 4) section.alignment = 4;
    section.hasCode = true;
    const offset = section.reserve(4);
    section.map(offset, 4, KIND_CODE, reader.file, reader.line, reader.columnOf(start));
    this.dotSection = section.id;
    this.dotValue = offset;
    const operands = this.operands;
    const parser = this.operandParser;
    parser.barrier = isBarrier(readings[0].mnemonic);
    if (!parser.parse(operands)) {
      this.error(parser.error, parser.errorStart, parser.errorEnd, parser.hint);
      return;
    }
    let literalIndex = -1;
    let deferred = parser.deferred;
    for (let index = 0; index < operands.length; index++) {
      const kind = operands[index].kind;
      if (kind === 'literal') literalIndex = index;
      else if (kind === 'address') deferred = true;
    }
    if (literalIndex < 0 && deferred && this.relativeNow(readings, parser, offset)) return;
    if (literalIndex >= 0) {
      this.literal(readings, offset, start, end, literalIndex, parser.deferred);
      return;
    }
    if (deferred) {
      const row = this.pending.add(PENDING_INSTRUCTION, section.id, offset, 4, reader.text, start, reader.end,
        reader.file, reader.line, reader.columnOf(start), reader.expansion);
      this.pending.wordEnd[row] = end;
      return;
    }
    const result = encodeWith(readings, operands, 0);
    if (result.ok) section.writeWord(offset, result.word);
    else this.error(result.message, this.columnStart(result.operandIndex, start), reader.end, result.hint);
  }

  /**
   * A branch, ADR or load whose only symbol is a label already placed in this
   * section: the PC-relative offset does not depend on where the section goes,
   * so encode it now with section offsets. False when it must wait for pass 2.
   */
  private relativeNow(readings: ReturnType<typeof readingsFor>, parser: OperandParser, offset: number): boolean {
    if (parser.addressSection !== this.section.id || !PC_RELATIVE.has(readings[0].mnemonic)) return false;
    const operands = this.operands;
    // Only the address operand may be section-relative; every other value must be absolute.
    let addresses = 0;
    for (const operand of operands) if (operand.kind === 'address') addresses++;
    if (addresses !== 1 || parser.otherRelocatable) return false;
    const result = encodeWith(readings, operands, offset);
    if (!result.ok) return false;
    this.section.writeWord(offset, result.word);
    return true;
  }

  /** The offset where operand `index` starts (the mnemonic when unknown). */
  columnStart(index: number | undefined, fallback: number): number {
    const parser = this.operandParser;
    return index !== undefined && index < parser.startCount ? parser.starts[index] : fallback;
  }

  /** `ldr rX, =expr`: a MOV/MVN when the constant allows, else a literal-pool entry (then pass 2). */
  private literal(readings: ReturnType<typeof readingsFor>, offset: number, start: number, wordEnd: number, index: number, deferred: boolean): void {
    let reading: (typeof readings)[number] | undefined;
    for (let candidate = 0; candidate < readings.length && reading === undefined; candidate++) {
      if (readings[candidate].mnemonic === 'ldr') reading = readings[candidate];
    }
    const operands = this.operands;
    const parser = this.operandParser;
    const reader = this.reader;
    if (!reading || index !== 1 || operands[0].kind !== 'register') {
      this.error('=expression is only allowed as the second operand of ldr', index < parser.startCount ? parser.starts[index] : start, reader.end,
        'write ldr r0, =value');
      return;
    }
    const value = (operands[1] as { value: number }).value;
    const section = this.section;
    if (!deferred) {
      const move = literalAsMove(reading, operands[0].register, value);
      if (move !== undefined) {
        section.writeWord(offset, move);
        return;
      }
    }
    const literals = this.literals;
    let entry: number | undefined;
    let key = '';
    if (deferred) {
      key = this.lexer.text.slice(parser.literalStart, parser.literalEnd).replace(/\s+/g, '');
      entry = section.poolTexts.get(key);
    } else {
      entry = section.poolValues.get(value | 0);
    }
    if (entry === undefined) {
      entry = literals.add(section.id, value | 0, !deferred, reader.file, reader.line, reader.columnOf(start));
      section.pool.push(entry);
      if (deferred) section.poolTexts.set(key, entry);
      else section.poolValues.set(value | 0, entry);
    }
    const row = this.pending.add(PENDING_INSTRUCTION, section.id, offset, 4, reader.text, start, reader.end,
      reader.file, reader.line, reader.columnOf(start), reader.expansion);
    this.pending.wordEnd[row] = wordEnd;
    this.pending.literal[row] = entry;
  }
}
