/**
 * What the C library tells a heap checker (emulator/runtime/diagnostics)
 * beyond the allocator's own calls, so it can keep its shadow state (which
 * heap bytes were ever written) and report misuse without ending the run:
 * blocks handed out, realloc moves and in-place resizes, frees the allocator
 * refused, and the stretches where the library touches heap memory for its own
 * bookkeeping (realloc's copy out of the already released block).
 */
import type { ReleaseProblem } from '../heap/types.js';

export interface HeapMonitor {
  /** malloc/calloc/realloc/strdup handed out the block at `address`; `zeroed` for calloc (its bytes count as written). */
  allocated(address: number, zeroed: boolean): void;
  /** realloc kept the block at `address` in place; its first `kept` bytes keep their contents. */
  resized(address: number, kept: number): void;
  /** realloc moved a block: `length` bytes go from `from` (already released) to `to`. Called before the copy. */
  moved(from: number, to: number, length: number): void;
  /** free or realloc refused an address. The call then does nothing and the program goes on. */
  rejected(problem: ReleaseProblem): void;
  /** The library's own heap accesses until `endInternal` are not the program's: do not check them. */
  beginInternal(): void;
  endInternal(): void;
  /**
   * memcpy/memmove: until `endCopy`, reading bytes never written is not a problem (copying them is
   * not using them, as memcheck judges it); `endCopy` gives the destination the source's written bits.
   */
  beginCopy(): void;
  endCopy(from: number, to: number, length: number): void;
  /**
   * The function read (or wrote) `length` bytes at `address` for the program, judged as one
   * access (freed, past its block, never written) at the call: for functions whose own reads go
   * further than the C semantics (glibc's strcmp reads whole words past the NUL) and so run
   * inside beginInternal/endInternal.
   */
  checkRange(address: number, length: number, write: boolean): void;
}
