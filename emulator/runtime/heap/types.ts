/**
 * The vocabulary of the Buddy System heap: options, the facts introspection
 * returns (tree nodes, free lists, statistics, events), and the results of
 * free, realloc and address classification. All of these are plain values
 * that survive structured cloning and JSON, so the engine can send them to the
 * renderer and put them in snapshots.
 */

/** Node states of the implicit tree, as stored in `BuddyHeap.nodeState`. */
export const NODE_ABSENT = 0;
export const NODE_FREE = 1;
export const NODE_SPLIT = 2;
export const NODE_ALLOCATED = 3;
/** Freed by the program but held back from reuse by the quarantine. */
export const NODE_QUARANTINED = 4;

export type NodeState = 'free' | 'split' | 'allocated' | 'quarantined';
export const NODE_STATE_NAMES: readonly (NodeState | 'absent')[] = ['absent', 'free', 'split', 'allocated', 'quarantined'];

/** A source position an allocation-site PC resolves to. */
export interface SourceLine {
  file: string;
  line: number;
}

/** Maps the PC of a call to the source line that made it, or null when unknown. */
export type SiteResolver = (pc: number) => SourceLine | null;

export interface BuddyHeapOptions {
  /** Guest address of the first heap byte: a multiple of 8, and base + size must not pass 2^32. */
  base: number;
  /** Bytes in the heap region: a power of two from 4 KiB to 64 MiB (default 1 MiB). */
  size?: number;
  /** Smallest block: a power of two from 8 bytes up to the heap size (default 16). */
  minimumBlock?: number;
  /** Frees held back from reuse before the block really returns to the free lists (default 0: off). */
  quarantine?: number;
  /**
   * Bytes added after every request when choosing its block (default 0: off), as AddressSanitizer's
   * redzones: an overflow just past a block then lands in its own slack, where it is reported, even
   * when the request is a power of two. It changes which blocks the tree shows (malloc(16) takes 32
   * bytes with a redzone of 8), so it is an option, like the quarantine.
   */
  redzone?: number;
  /** Events kept in the log; older ones are dropped (default 1024, 0 turns the log off). */
  eventCapacity?: number;
  /** The current step number of the machine, stamped on events (default: the heap's own operation count). */
  step?: () => number;
  /** Turns allocation-site PCs into source lines for introspection and messages. */
  resolveSite?: SiteResolver;
}

/** Where an allocation or a free happened. */
export interface HeapSite {
  /** The PC of the call (the return address the heap was given). */
  pc: number;
  /** Its source line, when a resolver was given and knows it. */
  line: SourceLine | null;
  /** Return addresses of the enclosing calls, innermost first, as the caller supplied them. */
  callStack: readonly number[];
}

/** The facts kept about an allocated (or freed) block. */
export interface BlockFacts {
  address: number;
  order: number;
  /** Bytes in the block (2^order times the minimum block). */
  size: number;
  /** Bytes the program asked for. */
  requested: number;
  /** size - requested: the internal fragmentation of this block. */
  slack: number;
  /** 1 for the first allocation, 2 for the next, and so on. */
  sequence: number;
  allocated: HeapSite;
}

export interface FreedBlockFacts extends BlockFacts {
  freed: HeapSite;
  /** 1 for the first free, 2 for the next, and so on. */
  freeSequence: number;
}

/** One existing node of the buddy tree. */
export interface HeapNode {
  address: number;
  order: number;
  size: number;
  /** 0 for the root (the whole heap). */
  depth: number;
  state: NodeState;
  /** For allocated (and quarantined) nodes. */
  block?: BlockFacts;
}

export interface FreeList {
  order: number;
  size: number;
  /** Block addresses from the head of the list (the next one malloc takes) to its tail. */
  addresses: number[];
}

export interface HeapStatistics {
  heapSize: number;
  liveBlocks: number;
  /** Bytes the program asked for in live blocks. */
  bytesRequested: number;
  /** Bytes in live blocks. */
  bytesInBlocks: number;
  /** bytesInBlocks - bytesRequested. */
  internalFragmentation: number;
  /** Bytes in free blocks (quarantined blocks are neither free nor live). */
  totalFree: number;
  quarantinedBytes: number;
  largestFreeBlock: number;
  /** 1 - largestFreeBlock / totalFree (0 when nothing is free): how scattered the free space is. */
  externalFragmentation: number;
  peakBytesInBlocks: number;
  peakBytesRequested: number;
  allocations: number;
  frees: number;
  failedAllocations: number;
}

export type HeapEventKind = 'alloc' | 'free' | 'split' | 'merge' | 'resize' | 'fail';
export const EVENT_KIND_NAMES: readonly HeapEventKind[] = ['alloc', 'free', 'split', 'merge', 'resize', 'fail'];
export const EVENT_ALLOC = 0;
export const EVENT_FREE = 1;
export const EVENT_SPLIT = 2;
export const EVENT_MERGE = 3;
export const EVENT_RESIZE = 4;
export const EVENT_FAIL = 5;

export interface HeapEvent {
  kind: HeapEventKind;
  /** The machine step (or heap operation number) it happened at. */
  step: number;
  /** The block: for split, the block that was split; for merge, the merged block; for fail, 0. */
  address: number;
  order: number;
  /** PC of the malloc/free/realloc call that caused it, with its source line when known. */
  site: number;
  line: SourceLine | null;
  /** For alloc/resize/fail: bytes requested. */
  size: number;
}

/** A diagnostic note the heap records itself (exhaustion, calloc overflow). */
export interface HeapNote {
  step: number;
  site: number;
  line: SourceLine | null;
  message: string;
}

/** Why free() could not release an address. */
export interface ReleaseProblem {
  kind: 'double-free' | 'invalid-free';
  /** What the address is: an already freed block, inside a live or freed block, or not in the heap at all. */
  reason: 'already-freed' | 'inside-live-block' | 'inside-freed-block' | 'unallocated-heap' | 'outside-heap';
  address: number;
  site: HeapSite;
  /** The block the address is in or names, when there is one. */
  block?: BlockFacts | FreedBlockFacts;
  /** Bytes from the block's start to the address. */
  offset?: number;
  message: string;
}

/** What realloc did; on 'moved' the caller copies `copyLength` bytes from `from` to `address` (the old block is already released, its bytes untouched). */
export type ResizeOutcome =
  | { kind: 'allocated'; address: number }
  | { kind: 'in-place'; address: number }
  | { kind: 'moved'; address: number; from: number; copyLength: number }
  | { kind: 'freed'; address: 0 }
  | { kind: 'failed'; address: 0 }
  | { kind: 'invalid'; address: 0; problem: ReleaseProblem };

/** Codes `BuddyHeap.locate` returns for one address. */
export const LOCATION_OUTSIDE = 0;
/** In a live block, before its requested size. */
export const LOCATION_LIVE = 1;
/** In a live block, past its requested size (the block's slack). */
export const LOCATION_SLACK = 2;
/** In memory a block occupied until it was freed (or one held by the quarantine). */
export const LOCATION_FREED = 3;
/** In free heap memory never handed out (or whose history was overwritten). */
export const LOCATION_UNALLOCATED = 4;

/** The detailed answer of `BuddyHeap.classify`. */
export type AddressFacts =
  | { kind: 'outside-heap'; address: number }
  | { kind: 'live'; address: number; offset: number; block: BlockFacts }
  | { kind: 'slack'; address: number; offset: number; block: BlockFacts }
  | { kind: 'freed'; address: number; offset: number; block: FreedBlockFacts; quarantined: boolean }
  | { kind: 'unallocated'; address: number };

export type LeakKind = 'definitely-lost' | 'indirectly-lost' | 'possibly-lost' | 'still-reachable';

export interface LeakEntry {
  kind: LeakKind;
  block: BlockFacts;
}

/**
 * What the runtime, the checker and the debug session can ask of the heap
 * beyond libc's HeapAllocator (allocate, release, sizeOf). BuddyHeap
 * implements it; libc can test for `resize` to do realloc in place.
 */
export interface IntrospectableHeap {
  readonly base: number;
  readonly limit: number;
  allocate(size: number, site: number, callStack?: readonly number[]): number;
  release(address: number, site: number): string | null;
  sizeOf(address: number): number;
  /** calloc: count*size checked for overflow; the caller zeroes sizeOf(result) bytes. */
  allocateArray(count: number, size: number, site: number, callStack?: readonly number[]): number;
  /** free with the facts of a double or invalid free. */
  free(address: number, site: number, callStack?: readonly number[]): ReleaseProblem | null;
  /** realloc; on 'moved' the caller copies copyLength bytes from `from` to `address`. */
  resize(address: number, size: number, site: number, callStack?: readonly number[]): ResizeOutcome;
  /** A LOCATION_* code in O(log n) without allocating (for per-access checks). */
  locate(address: number): number;
  /** LOCATION_LIVE when a `size`-byte access at `address` stays inside one live block's requested bytes, else the problem's LOCATION_* code. */
  checkAccess(address: number, size: number): number;
  classify(address: number): AddressFacts;
  readonly notes: readonly HeapNote[];
}
