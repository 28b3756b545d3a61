/** Small helpers shared by the checkers: a PC and its source line as a diagnostic's position. */
import type { SourceLine } from '../heap/types.js';

/** The position fields of a diagnostic for the instruction at `pc`. */
export function siteOf(pc: number, line: SourceLine | null): { pc: number; file: string | null; line: number | null } {
  return { pc: pc >>> 0, file: line?.file ?? null, line: line?.line ?? null };
}

/** `file:line`, or the PC in hex when the line is unknown. */
export function siteText(pc: number, line: SourceLine | null): string {
  return line ? `${line.file}:${line.line}` : `0x${(pc >>> 0).toString(16).padStart(8, '0')}`;
}
