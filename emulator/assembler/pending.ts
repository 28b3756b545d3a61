/**
 * Statements pass 1 could not finish, as columns of typed arrays rather than
 * one object per statement: a large file leaves thousands of them (every
 * `ldr rX, =constant` that needs a pool slot, every forward branch), and
 * objects that live until pass 2 cost far more than the rows here. The
 * columns are reused by the next assembly (see `acquirePendingTable`).
 */
import type { SymbolEntry } from './symbols';

/** A statement (or one expression of a data directive) finished in pass 2, as pass 2 reads it. */
export interface Pending {
  kind: number;
  /** Section id (0 for none). */
  section: number;
  offset: number;
  /** Data size in bytes (PENDING_DATA), or the local label number (PENDING_LOCAL_LABEL). */
  size: number;
  text: string;
  start: number;
  end: number;
  file: number;
  line: number;
  column: number;
  expansion: boolean;
  /** PENDING_INSTRUCTION: where the mnemonic ends (the operands follow). */
  wordEnd: number;
  /** PENDING_INSTRUCTION: index of its literal-pool entry, or -1. */
  literal: number;
  symbol: SymbolEntry | undefined;
  /** PENDING_PREL31: where the function starts. */
  targetSection: number;
  targetOffset: number;
}

export class PendingTable {
  count = 0;
  private capacity = 0;
  kind = new Uint8Array(0);
  section = new Int32Array(0);
  offset = new Float64Array(0);
  size = new Float64Array(0);
  textIndex = new Int32Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  file = new Int32Array(0);
  line = new Int32Array(0);
  column = new Int32Array(0);
  expansion = new Uint8Array(0);
  wordEnd = new Int32Array(0);
  literal = new Int32Array(0);
  /** The texts rows point into (a file's text, or an expansion's). */
  texts: string[] = [];
  /** Rare per-row references: the symbol of PENDING_ASSIGN/PENDING_SIZE, the target of PENDING_PREL31. */
  symbols = new Map<number, SymbolEntry>();
  targets = new Map<number, { section: number; offset: number }>();

  /** Forget every row (keeping the columns for reuse). */
  clear(): void {
    this.count = 0;
    this.texts.length = 0;
    this.symbols.clear();
    this.targets.clear();
  }

  /** Append a row; returns its index. */
  add(kind: number, section: number, offset: number, size: number, text: string, start: number, end: number,
    file: number, line: number, column: number, expansion: boolean): number {
    const index = this.count;
    if (index === this.capacity) this.grow();
    const texts = this.texts;
    let textIndex = texts.length - 1;
    if (textIndex < 0 || texts[textIndex] !== text) {
      texts.push(text);
      textIndex++;
    }
    this.kind[index] = kind;
    this.section[index] = section;
    this.offset[index] = offset;
    this.size[index] = size;
    this.textIndex[index] = textIndex;
    this.start[index] = start;
    this.end[index] = end;
    this.file[index] = file;
    this.line[index] = line;
    this.column[index] = column;
    this.expansion[index] = expansion ? 1 : 0;
    this.wordEnd[index] = start;
    this.literal[index] = -1;
    this.count = index + 1;
    return index;
  }

  /** Copy row `index` into `out` (pass 2 reads one row at a time through one object). */
  read(index: number, out: Pending): Pending {
    out.kind = this.kind[index];
    out.section = this.section[index];
    out.offset = this.offset[index];
    out.size = this.size[index];
    out.text = this.texts[this.textIndex[index]];
    out.start = this.start[index];
    out.end = this.end[index];
    out.file = this.file[index];
    out.line = this.line[index];
    out.column = this.column[index];
    out.expansion = this.expansion[index] === 1;
    out.wordEnd = this.wordEnd[index];
    out.literal = this.literal[index];
    out.symbol = this.symbols.get(index);
    const target = this.targets.get(index);
    out.targetSection = target?.section ?? 0;
    out.targetOffset = target?.offset ?? 0;
    return out;
  }

  private grow(): void {
    const capacity = Math.max(256, this.capacity * 2);
    const count = this.count;
    const widen = <T extends Uint8Array | Int32Array | Float64Array>(old: T, grown: T): T => {
      grown.set(old.subarray(0, count));
      return grown;
    };
    this.kind = widen(this.kind, new Uint8Array(capacity));
    this.section = widen(this.section, new Int32Array(capacity));
    this.offset = widen(this.offset, new Float64Array(capacity));
    this.size = widen(this.size, new Float64Array(capacity));
    this.textIndex = widen(this.textIndex, new Int32Array(capacity));
    this.start = widen(this.start, new Int32Array(capacity));
    this.end = widen(this.end, new Int32Array(capacity));
    this.file = widen(this.file, new Int32Array(capacity));
    this.line = widen(this.line, new Int32Array(capacity));
    this.column = widen(this.column, new Int32Array(capacity));
    this.expansion = widen(this.expansion, new Uint8Array(capacity));
    this.wordEnd = widen(this.wordEnd, new Int32Array(capacity));
    this.literal = widen(this.literal, new Int32Array(capacity));
    this.capacity = capacity;
  }
}

export function emptyPending(): Pending {
  return {
    kind: 0, section: 0, offset: 0, size: 0, text: '', start: 0, end: 0, file: 0, line: 0, column: 0, expansion: false,
    wordEnd: 0, literal: -1, symbol: undefined, targetSection: 0, targetOffset: 0,
  };
}

/**
 * One table kept between assemblies (assembly is synchronous): its pages stay
 * mapped, so the next assembly of a large file does not pay to fault them in
 * again. A nested assembly (from a callback) gets a table of its own.
 */
let spareTable: PendingTable | undefined;

export function acquirePendingTable(): PendingTable {
  const table = spareTable ?? new PendingTable();
  spareTable = undefined;
  table.clear();
  return table;
}

export function releasePendingTable(table: PendingTable): void {
  table.clear();
  spareTable = table;
}

/** Literal-pool entries (`ldr rX, =value`), as columns like PendingTable. */
export class LiteralTable {
  count = 0;
  private capacity = 0;
  /** Section id of the pool the entry goes to. */
  section = new Int32Array(0);
  /** Offset in the section once the pool is placed; -1 before. */
  offset = new Int32Array(0);
  /** The value, when known in pass 1 (constants); pass 2 writes the others. */
  value = new Int32Array(0);
  known = new Uint8Array(0);
  file = new Int32Array(0);
  line = new Int32Array(0);
  column = new Int32Array(0);

  clear(): void {
    this.count = 0;
  }

  add(section: number, value: number, known: boolean, file: number, line: number, column: number): number {
    const index = this.count;
    if (index === this.capacity) this.grow();
    this.section[index] = section;
    this.offset[index] = -1;
    this.value[index] = value;
    this.known[index] = known ? 1 : 0;
    this.file[index] = file;
    this.line[index] = line;
    this.column[index] = column;
    this.count = index + 1;
    return index;
  }

  private grow(): void {
    const capacity = Math.max(256, this.capacity * 2);
    const count = this.count;
    const widen = <T extends Uint8Array | Int32Array>(old: T, grown: T): T => {
      grown.set(old.subarray(0, count));
      return grown;
    };
    this.section = widen(this.section, new Int32Array(capacity));
    this.offset = widen(this.offset, new Int32Array(capacity));
    this.value = widen(this.value, new Int32Array(capacity));
    this.known = widen(this.known, new Uint8Array(capacity));
    this.file = widen(this.file, new Int32Array(capacity));
    this.line = widen(this.line, new Int32Array(capacity));
    this.column = widen(this.column, new Int32Array(capacity));
    this.capacity = capacity;
  }
}

let spareLiterals: LiteralTable | undefined;

export function acquireLiteralTable(): LiteralTable {
  const table = spareLiterals ?? new LiteralTable();
  spareLiterals = undefined;
  table.clear();
  return table;
}

export function releaseLiteralTable(table: LiteralTable): void {
  table.clear();
  spareLiterals = table;
}
