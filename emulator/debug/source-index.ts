/**
 * Address <-> source questions the debugger asks: which line is this
 * address, which addresses does this line have, which function contains an
 * address, and what is this address called.
 */
import type { Program, SourcePosition } from '../assembler/program';

interface NamedAddress {
  name: string;
  address: number;
}

export class SourceIndex {
  private readonly entries;
  private readonly functions: NamedAddress[];
  private readonly names = new Map<number, string>();

  constructor(private readonly program: Program, runtimeSymbols: readonly { name: string; address: number }[]) {
    this.entries = program.sourceMap.filter((entry) => entry.kind === 'code').sort((a, b) => a.address - b.address);
    const executable = new Set(program.sections.filter((section) => section.flags.execute).map((section) => section.name));
    const candidates: NamedAddress[] = [
      ...program.symbols
        .filter((symbol) => symbol.section !== undefined && executable.has(symbol.section) && !/^\$[atd](\.|$)/.test(symbol.name) && !/^\.L/.test(symbol.name))
        .map((symbol) => ({ name: symbol.name, address: symbol.value >>> 0 })),
      ...runtimeSymbols.map((symbol) => ({ name: symbol.name, address: symbol.address >>> 0 })),
    ];
    this.functions = candidates.sort((a, b) => a.address - b.address);
    for (const candidate of this.functions) if (!this.names.has(candidate.address)) this.names.set(candidate.address, candidate.name);
  }

  /** The source position of the instruction at `address`. */
  positionOf(address: number): SourcePosition | undefined {
    const target = address >>> 0;
    let low = 0;
    let high = this.entries.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const entry = this.entries[middle];
      if (target < entry.address) high = middle - 1;
      else if (target >= entry.address + Math.max(entry.size, 1)) low = middle + 1;
      else return entry.position;
    }
    return undefined;
  }

  /** The first address of each instruction run on `line` (in `file`, default the main file). */
  addressesForLine(line: number, file?: string): number[] {
    const wanted = file ?? this.program.file;
    const addresses = this.entries
      .filter((entry) => entry.position.line === line && (entry.position.file === wanted || file === undefined))
      .map((entry) => entry.address >>> 0);
    return addresses.length ? [Math.min(...addresses)] : [];
  }

  /** The nearest named code address at or below `address`. */
  functionAt(address: number): NamedAddress | undefined {
    const target = address >>> 0;
    let best: NamedAddress | undefined;
    for (const candidate of this.functions) {
      if (candidate.address > target) break;
      best = candidate;
    }
    return best;
  }

  /** The symbol at exactly this address, or its hex form. */
  nameOf(address: number): string {
    return this.names.get(address >>> 0) ?? '0x' + (address >>> 0).toString(16).padStart(8, '0');
  }
}
