/**
 * The symbol table entries and the two resolvers the expression evaluator
 * asks: pass 1 (labels are section + offset, forward references unknown) and
 * pass 2 (everything is an absolute address; undefined names are externals).
 */
import { ABSOLUTE, UNKNOWN, type SymbolResolver, type Value } from './expression';
import { releaseSymbolTable, type SymbolTable } from './symbol-table';

export const SYMBOL_UNDEFINED = 0;
/** A label: `section` + `value` (offset) until layout. */
export const SYMBOL_LABEL = 1;
/** `.equ`/`.set` with a known value (absolute, or section-relative). */
export const SYMBOL_VALUE = 2;
/** `.equ` whose expression could not be evaluated yet (re-read in pass 2). */
export const SYMBOL_DEFERRED = 3;

export interface DeferredExpression {
  text: string;
  start: number;
  end: number;
  file: number;
  line: number;
  column: number;
  expansion: boolean;
}

export interface SymbolEntry {
  name: string;
  state: number;
  /** Section id (0 = absolute). */
  section: number;
  value: number;
  global: boolean;
  type: 'function' | 'object' | 'none';
  size: number;
  /** Where defined (file index, line, column); line 0 when never defined. */
  file: number;
  line: number;
  column: number;
  deferred?: DeferredExpression;
  /** Cycle guard while a deferred expression is evaluated. */
  resolving?: boolean;
  /** Assigned with `.set`/`=` (may be reassigned) rather than defined once. */
  variable: boolean;
}

/**
 * Entries of finished assemblies, reused by the next (assembly is
 * synchronous and nothing keeps an entry once it returns). A large file
 * defines thousands of labels, and fresh objects that live to the end of the
 * assembly cost far more than resetting old ones.
 */
const spareSymbols: SymbolEntry[] = [];
const SPARE_LIMIT = 1 << 18;

export function newSymbol(name: string): SymbolEntry {
  const symbol = spareSymbols.pop();
  if (symbol === undefined) {
    return {
      name, state: SYMBOL_UNDEFINED, section: 0, value: 0, global: false, type: 'none', size: 0,
      file: 0, line: 0, column: 0, deferred: undefined, resolving: false, variable: false,
    };
  }
  symbol.name = name;
  symbol.state = SYMBOL_UNDEFINED;
  symbol.section = 0;
  symbol.value = 0;
  symbol.global = false;
  symbol.type = 'none';
  symbol.size = 0;
  symbol.file = 0;
  symbol.line = 0;
  symbol.column = 0;
  symbol.deferred = undefined;
  symbol.resolving = false;
  symbol.variable = false;
  return symbol;
}

/** Hand the table and entries of a finished assembly back for reuse; the caller keeps none of them. */
export function recycleSymbols(symbols: SymbolTable): void {
  for (let index = 0; index < symbols.size && spareSymbols.length < SPARE_LIMIT; index++) spareSymbols.push(symbols.at(index));
  releaseSymbolTable(symbols);
}

/** The name under which instance `count` of local label `number` is stored. */
export function localLabelName(number: number, count: number): string {
  return `${number}\u0002${count}`;
}

export interface ResolverHost {
  symbols: SymbolTable;
  localCounts: Map<number, number>;
  /** Pass 1: current section id and offset. Pass 2: absolute address of the statement. */
  dotSection: number;
  dotValue: number;
  /** Pass 2 only. */
  sectionBase: number[];
  evaluateDeferred(symbol: SymbolEntry, out: Value): boolean;
  undefinedSymbol(name: string, out: Value, start: number, end: number): boolean;
}

export class PassOneResolver implements SymbolResolver {
  constructor(private host: ResolverHost) {}

  resolve(name: string, out: Value): boolean {
    const symbol = this.host.symbols.get(name);
    if (!symbol || symbol.state === SYMBOL_UNDEFINED || symbol.state === SYMBOL_DEFERRED) {
      if (!symbol) this.host.symbols.set(name, newSymbol(name));
      out.value = 0;
      out.section = UNKNOWN;
      return true;
    }
    out.value = symbol.value;
    out.section = symbol.section;
    return true;
  }

  resolveLocal(label: number, forward: boolean, out: Value): boolean {
    const count = this.host.localCounts.get(label) ?? 0;
    if (forward) {
      out.value = 0;
      out.section = UNKNOWN;
      return true;
    }
    if (count === 0) return false;
    return this.resolve(localLabelName(label, count), out);
  }

  dot(out: Value): void {
    out.value = this.host.dotValue;
    out.section = this.host.dotSection;
  }
}

export class PassTwoResolver implements SymbolResolver {
  constructor(private host: ResolverHost) {}

  resolve(name: string, out: Value, start: number, end: number): boolean {
    const symbol = this.host.symbols.get(name);
    if (!symbol || symbol.state === SYMBOL_UNDEFINED) return this.host.undefinedSymbol(name, out, start, end);
    if (symbol.state === SYMBOL_DEFERRED) return this.host.evaluateDeferred(symbol, out);
    out.section = ABSOLUTE;
    out.value = symbol.section === ABSOLUTE ? symbol.value : this.host.sectionBase[symbol.section] + symbol.value;
    return true;
  }

  resolveLocal(label: number, forward: boolean, out: Value, start: number, end: number): boolean {
    const count = (this.host.localCounts.get(label) ?? 0) + (forward ? 1 : 0);
    if (count === 0) return false;
    const symbol = this.host.symbols.get(localLabelName(label, count));
    if (!symbol || symbol.state === SYMBOL_UNDEFINED) return false;
    return this.resolve(symbol.name, out, start, end);
  }

  dot(out: Value): void {
    out.value = this.host.dotValue;
    out.section = ABSOLUTE;
  }
}
