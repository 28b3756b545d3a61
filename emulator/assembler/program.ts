/**
 * What the assembler produces: a linked program laid out in memory the way
 * GNU `ld` lays out a static executable by default, plus everything the
 * debugger needs to map addresses back to source.
 */

/** A position in a source file. Lines and columns are 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning' | 'note';

/** An assembler message: what, where, and (where one exists) what to do. */
export interface AssemblerDiagnostic extends SourcePosition {
  severity: Severity;
  message: string;
  hint?: string;
  /** Length of the offending text on the line, for editor underlines (0 when unknown). */
  length: number;
}

export interface Section {
  /** '.text', '.rodata', '.data', '.bss', or another name from `.section`. */
  name: string;
  /** Load address of the first byte. */
  address: number;
  /** Contents; for .bss (NOBITS) all zero, with `size` bytes. */
  bytes: Uint8Array;
  size: number;
  /** Largest alignment requested in this section (bytes). */
  alignment: number;
  flags: { alloc: boolean; write: boolean; execute: boolean; nobits: boolean };
}

export interface ProgramSymbol {
  name: string;
  value: number;
  /** Section name, or undefined for absolute symbols (`.equ`). */
  section?: string;
  global: boolean;
  /** From `.type sym, %function|%object`, when given; labels in executable sections default to 'function' only if typed. */
  type: 'function' | 'object' | 'none';
  size: number;
  /** Where it was defined. */
  position?: SourcePosition;
}

/** One mapping from an address range (usually one instruction or one data directive) to its source. */
export interface SourceMapEntry {
  address: number;
  size: number;
  position: SourcePosition;
  /** 'code' for instructions, 'data' for data directives, 'literal' for literal-pool entries. */
  kind: 'code' | 'data' | 'literal';
}

export interface Program {
  /** The file assembled (as given to the assembler). */
  file: string;
  /** Sections in address order (empty sections omitted). */
  sections: Section[];
  symbols: ProgramSymbol[];
  /** `_start` if defined, else the start of .text. `hasStart` tells which. */
  entry: number;
  hasStart: boolean;
  /** Sorted by address. */
  sourceMap: SourceMapEntry[];
  /** Symbols referenced but not defined, with where they were referenced (resolved by the runtime as built-ins). */
  externals: { name: string; address: number; position: SourcePosition }[];
  /** Warnings and notes (errors make `assemble` return no program). */
  diagnostics: AssemblerDiagnostic[];
  /** The text of every file the program was assembled from: the main file first, then each `.include`d one. */
  sources: { file: string; text: string }[];
}

export type AssembleResult =
  | { ok: true; program: Program }
  | { ok: false; diagnostics: AssemblerDiagnostic[] };

/** Reads an included file; returns undefined when it does not exist. */
export type FileReader = (path: string) => string | undefined;

export interface AssembleOptions {
  /** Name used in diagnostics and the source map. */
  file?: string;
  /** For `.include`: resolves relative to the including file. */
  readFile?: FileReader;
  /**
   * Addresses for symbols the program uses but does not define (the runtime's
   * built-in C functions). A reference to an undefined symbol that this does
   * not resolve is an error, as `ld` would report it.
   */
  resolveExternal?: (name: string) => number | undefined;
}
