/**
 * What the disassembler produces: one line per instruction, data item or
 * skipped run of zeros, in address order.
 */
import type { SourcePosition } from '../assembler/program';

export type DisassembledLineKind = 'instruction' | 'data' | 'undefined';

export interface DisassembledLine {
  address: number;
  /**
   * The bytes of the line as a little-endian number: a whole word for
   * instructions, `.word` and undefined encodings; a halfword or byte for
   * `.short`/`.byte` data; 0 for a skipped run of zeros.
   */
  word: number;
  /** What objdump prints after the bytes: `mov\tr0, #1`, `.word\t0x12345678`, or `...` for skipped zeros. */
  text: string;
  kind: DisassembledLineKind;
  /** Why a word is shown as `.word`: 'undefined instruction' or 'not supported by Sherwood'. */
  note?: string;
  /** Name of the symbol that starts at this address (the `<name>:` header objdump prints above it). */
  symbol?: string;
  /** The source line that produced this address (from the program's source map). */
  position?: SourcePosition;
  /** Section the line belongs to. */
  section?: string;
  /** Bytes the line covers: 4, 2 or 1, or the length of a skipped run of zeros. */
  size?: number;
  /** True for the `...` line objdump prints in place of a run of zero bytes. */
  skipped?: boolean;
}

/** Gives the text objdump puts inside `<...>` for an address (`main`, `loop+0x8`), or undefined. */
export type SymbolLookup = (address: number) => string | undefined;
