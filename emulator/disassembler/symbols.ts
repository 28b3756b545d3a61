/**
 * Naming addresses the way objdump does: the nearest symbol at or before an
 * address (`main`, `loop+0x8`), or the first one after it when none precedes
 * (`_start-0x4`). Mapping symbols (`$a`, `$d`, `$t`) never name anything; of
 * several symbols at one address objdump prefers a function, then an object,
 * then a global over a local, then the name that sorts first.
 */
import type { ProgramSymbol } from '../assembler/program';
import { hex } from './operands';
import type { SymbolLookup } from './types';

/** `$a`, `$d`, `$t`, and their `$a.1` forms: ARM mapping symbols. */
export function isMappingSymbol(name: string): boolean {
  return name.length >= 2 && name[0] === '$' && 'adt'.includes(name[1]) && (name.length === 2 || name[2] === '.');
}

export interface SymbolIndex {
  /** objdump's `<...>` text for an address; undefined when there are no symbols at all. */
  nameAt: SymbolLookup;
  /** The symbol whose `<name>:` header objdump prints at exactly this address. */
  headerAt(address: number): string | undefined;
  /** Addresses with a `<name>:` header (symbols defined in a section), ascending. */
  readonly starts: Uint32Array;
}

/** objdump's preference among symbols at one address: functions, then objects, then globals, then by name. */
function preferred(a: ProgramSymbol, b: ProgramSymbol): boolean {
  const typeA = a.type === 'function' ? 0 : a.type === 'object' ? 1 : 2;
  const typeB = b.type === 'function' ? 0 : b.type === 'object' ? 1 : 2;
  if (typeA !== typeB) return typeA < typeB;
  if (a.global !== b.global) return a.global;
  if (a.name.startsWith('.') !== b.name.startsWith('.')) return !a.name.startsWith('.');
  return a.name < b.name;
}

/**
 * Index the named symbols. Absolute symbols (`.equ`) name addresses, as in
 * objdump (`b 10060 <CONST+0x4>`), but never head a block of the listing.
 */
export function createSymbolIndex(symbols: readonly ProgramSymbol[]): SymbolIndex {
  const best = new Map<number, ProgramSymbol>();
  const headers = new Map<number, ProgramSymbol>();
  for (const symbol of symbols) {
    if (isMappingSymbol(symbol.name) || symbol.name === '') continue;
    const value = symbol.value >>> 0;
    const current = best.get(value);
    if (!current || preferred(symbol, current)) best.set(value, symbol);
    if (symbol.section === undefined) continue;
    const header = headers.get(value);
    if (!header || preferred(symbol, header)) headers.set(value, symbol);
  }
  const starts = Uint32Array.from(best.keys()).sort();
  const names = Array.from(starts, (value) => best.get(value)!.name);

  const nameAt = (address: number): string | undefined => {
    if (starts.length === 0) return undefined;
    const target = address >>> 0;
    let low = 0;
    let high = starts.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (starts[middle] <= target) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return `${names[0]}-0x${hex(starts[0] - target)}`;
    const offset = target - starts[found];
    return offset === 0 ? names[found] : `${names[found]}+0x${hex(offset)}`;
  };
  const headerAt = (address: number): string | undefined => headers.get(address >>> 0)?.name;
  return { nameAt, headerAt, starts: Uint32Array.from(headers.keys()).sort() };
}
