/**
 * The symbol table: names to entries, in definition order, as an
 * open-addressing hash over typed arrays. A `Map` of thousands of strings
 * reallocates its whole table as it grows, and for a large file those fresh
 * tables cost more than the lookups; this table keeps its arrays from one
 * assembly to the next (see `acquireSymbolTable`).
 */
import type { SymbolEntry } from './symbols';

const EMPTY = 0;

function hashOf(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return hash | 0;
}

export class SymbolTable {
  /** Entries in insertion order; `size` of them are live. */
  private entries: SymbolEntry[] = [];
  private names: string[] = [];
  private hashes = new Int32Array(64);
  /** Open-addressing slots: entry index + 1, or EMPTY. Length is a power of two. */
  private slots = new Int32Array(128);
  size = 0;

  /** Forget every entry, keeping the arrays. */
  clear(): void {
    if (this.size > 0) this.slots.fill(EMPTY);
    this.size = 0;
  }

  private find(name: string, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const names = this.names;
    const hashes = this.hashes;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = slots[slot];
      if (held === EMPTY) return -1 - slot;
      const index = held - 1;
      if (hashes[index] === hash && names[index] === name) return index;
    }
  }

  get(name: string): SymbolEntry | undefined {
    const index = this.find(name, hashOf(name));
    return index >= 0 ? this.entries[index] : undefined;
  }

  has(name: string): boolean {
    return this.find(name, hashOf(name)) >= 0;
  }

  /** Add or replace the entry for `name`. */
  set(name: string, entry: SymbolEntry): this {
    const hash = hashOf(name);
    const found = this.find(name, hash);
    if (found >= 0) {
      this.entries[found] = entry;
      return this;
    }
    const index = this.size;
    if (index >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.entries[index] = entry;
    this.names[index] = name;
    this.hashes[index] = hash;
    this.size = index + 1;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.slots[-1 - found] = index + 1;
    return this;
  }

  private rehash(capacity: number): void {
    const slots = new Int32Array(capacity);
    const mask = capacity - 1;
    const hashes = this.hashes;
    for (let index = 0; index < this.size; index++) {
      let slot = hashes[index] & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }

  /** The entry defined `index`-th (0 <= index < size). */
  at(index: number): SymbolEntry {
    return this.entries[index];
  }

  *values(): IterableIterator<SymbolEntry> {
    for (let index = 0; index < this.size; index++) yield this.entries[index];
  }
}

let spareTable: SymbolTable | undefined;

/** A cleared table, reusing the last finished assembly's arrays when free. */
export function acquireSymbolTable(): SymbolTable {
  const table = spareTable ?? new SymbolTable();
  spareTable = undefined;
  table.clear();
  return table;
}

export function releaseSymbolTable(table: SymbolTable): void {
  table.clear();
  spareTable = table;
}
