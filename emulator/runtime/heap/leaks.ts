/**
 * Leak classification at exit, as memcheck does it. Given root words (register
 * values, stack and data words) and a way to read guest words, every live block
 * is:
 * - still-reachable: a chain of start pointers leads to it from a root;
 * - possibly-lost: only pointers into its interior lead to it;
 * - indirectly-lost: no root leads to it, but another lost block points to it
 *   (the rest of a leaked list);
 * - definitely-lost: nothing points to it (the leaked list's head).
 * Blocks are scanned word by word over their requested bytes.
 */
import type { BuddyHeap } from './buddy.js';
import { FIELD_REQUESTED } from './layout.js';
import { liveBlockFacts, type Location } from './facts.js';
import { liveBlockLeaves } from './inspect.js';
import { LOCATION_LIVE, LOCATION_SLACK, type LeakEntry, type LeakKind } from './types.js';

const UNREACHED = 0;
const REACHABLE = 1;
const POSSIBLE = 2;
const INDIRECT = 3;
const DEFINITE = 4;
const KIND_NAMES: readonly LeakKind[] = ['definitely-lost', 'still-reachable', 'possibly-lost', 'indirectly-lost', 'definitely-lost'];

/** Reads the 32-bit guest word at an address (0, or a throw, when it cannot be read). */
export type WordReader = (address: number) => number;

class Scanner {
  readonly mark: Uint8Array;
  readonly where: Location = { leaf: -1, order: -1, offset: 0 };
  readonly pending: number[] = [];

  constructor(
    readonly heap: BuddyHeap,
    readonly readWord: WordReader,
  ) {
    this.mark = new Uint8Array(heap.leaves);
  }

  /** The leaf of the live block `value` points into (start or interior), or -1; `where.offset` tells which. */
  target(value: number): number {
    const code = this.heap.locate(value >>> 0);
    const where = this.heap.lastLocation;
    if (code === LOCATION_LIVE || (code === LOCATION_SLACK && where.offset === 0)) {
      this.where.offset = where.offset;
      return where.leaf;
    }
    return -1;
  }

  /** Calls `visit(value)` for every word of the block's requested bytes. */
  scanBlock(leaf: number, visit: (value: number) => void): void {
    const start = this.heap.addressOf(leaf);
    const end = start + this.heap.word(leaf, FIELD_REQUESTED);
    for (let address = start; address + 4 <= end; address += 4) {
      let word = 0;
      try {
        word = Number(this.readWord(address)) >>> 0;
      } catch {
        word = 0; // an unreadable word holds no pointer
      }
      visit(word);
    }
  }
}

/** Every live block with its leak kind, in address order. */
export function findLeaks(heap: BuddyHeap, roots: ArrayLike<number>, readWord: WordReader): LeakEntry[] {
  const scanner = new Scanner(heap, readWord);
  const mark = scanner.mark;
  const interiorCandidates: number[] = [];

  // Pass 1: start pointers from the roots, transitively.
  const strong = (value: number): void => {
    const leaf = scanner.target(value);
    if (leaf < 0 || mark[leaf] !== UNREACHED) return;
    if (scanner.where.offset === 0) {
      mark[leaf] = REACHABLE;
      scanner.pending.push(leaf);
    } else interiorCandidates.push(leaf);
  };
  for (let index = 0; index < roots.length; index++) strong(Number(roots[index]) >>> 0);
  while (scanner.pending.length !== 0) scanner.scanBlock(scanner.pending.pop() as number, strong);

  // Pass 2: blocks reached only through interior pointers, and whatever they point to.
  const weak = (value: number): void => {
    const leaf = scanner.target(value);
    if (leaf < 0 || mark[leaf] !== UNREACHED) return;
    mark[leaf] = POSSIBLE;
    scanner.pending.push(leaf);
  };
  for (const leaf of interiorCandidates) {
    if (mark[leaf] !== UNREACHED) continue;
    mark[leaf] = POSSIBLE;
    scanner.pending.push(leaf);
  }
  while (scanner.pending.length !== 0) scanner.scanBlock(scanner.pending.pop() as number, weak);

  // Pass 3: among the rest, a block another lost block points to is indirectly lost.
  const leaves = liveBlockLeaves(heap);
  for (const leader of leaves) {
    if (mark[leader] !== UNREACHED) continue;
    mark[leader] = DEFINITE;
    const indirect = (value: number): void => {
      const leaf = scanner.target(value);
      if (leaf < 0 || leaf === leader) return;
      const previous = mark[leaf];
      if (previous !== UNREACHED && previous !== DEFINITE) return;
      mark[leaf] = INDIRECT;
      // A former leader's followers are already marked; only a fresh block needs scanning.
      if (previous === UNREACHED) scanner.pending.push(leaf);
    };
    scanner.pending.push(leader);
    while (scanner.pending.length !== 0) scanner.scanBlock(scanner.pending.pop() as number, indirect);
  }

  return leaves.map((leaf) => ({ kind: KIND_NAMES[mark[leaf]], block: liveBlockFacts(heap, leaf) }));
}
