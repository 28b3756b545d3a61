/**
 * Source-map lookups for the debugger and editor, both by binary search over
 * the address-sorted `Program.sourceMap`.
 */
import type { Program, SourceMapEntry, SourcePosition } from './program';

/** The entry covering `address`, or undefined. */
export function entryAt(program: Program, address: number): SourceMapEntry | undefined {
  const map = program.sourceMap;
  let low = 0;
  let high = map.length - 1;
  const target = address >>> 0;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = map[middle];
    if (target < entry.address) high = middle - 1;
    else if (target >= entry.address + Math.max(entry.size, 1)) low = middle + 1;
    else return entry;
  }
  return undefined;
}

/** file:line:col of the instruction or data at `address`. */
export function positionOf(program: Program, address: number): SourcePosition | undefined {
  return entryAt(program, address)?.position;
}

interface LineIndex {
  /** file -> line -> start addresses, ascending. */
  byFile: Map<string, Map<number, number[]>>;
}

const lineIndexes = new WeakMap<Program, LineIndex>();

function lineIndex(program: Program): LineIndex {
  let index = lineIndexes.get(program);
  if (!index) {
    index = { byFile: new Map() };
    for (const entry of program.sourceMap) {
      let lines = index.byFile.get(entry.position.file);
      if (!lines) index.byFile.set(entry.position.file, (lines = new Map()));
      let addresses = lines.get(entry.position.line);
      if (!addresses) lines.set(entry.position.line, (addresses = []));
      addresses.push(entry.address);
    }
    lineIndexes.set(program, index);
  }
  return index;
}

/** Start addresses of everything a source line produced (instructions, data, its literals), ascending. */
export function addressesOfLine(program: Program, file: string, line: number): readonly number[] {
  return lineIndex(program).byFile.get(file)?.get(line) ?? [];
}
