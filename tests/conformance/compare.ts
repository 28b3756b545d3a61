/**
 * Compares what Sherwood's assembler makes of a source with what GNU `as` +
 * `ld` made of it, and says where they differ in terms a bug report needs:
 * the source line, GNU's bytes, Sherwood's bytes. The assembler is passed in,
 * so this module depends only on the Program contract.
 */
import type { AssembleOptions, AssembleResult, Program } from '../../emulator/assembler/program';
import { FORMS_HEADER } from './forms';
import { sectionBytes, type GoldenSection } from './golden';
import { toHex } from './elf-sections';

export type Assemble = (source: string, options?: AssembleOptions) => AssembleResult;

export interface FormOutcome {
  source: string;
  gnu: string;
  /** Sherwood's word (hex), when it made exactly one. */
  sherwood?: string;
  /** Sherwood's error or its reason for no word. */
  error?: string;
  /** A warning Sherwood gave where GNU gave none. */
  warning?: string;
}

function wordHex(bytes: Uint8Array): string {
  return (((bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24)) >>> 0).toString(16).padStart(8, '0'));
}

/**
 * Assembles every form in one file (FORMS_HEADER first) and maps each line
 * back to its bytes through the source map. Lines Sherwood refuses are taken
 * out and the rest assembled again; the forms are position-independent.
 */
export function compareForms(assemble: Assemble, forms: readonly { source: string; gnu: string }[]): FormOutcome[] {
  const outcomes: FormOutcome[] = forms.map((form) => ({ source: form.source, gnu: form.gnu }));
  let active = outcomes.map((_, index) => index);
  const firstLine = FORMS_HEADER.length + 1;
  for (let pass = 0; pass < 6 && active.length > 0; pass++) {
    const source = [...FORMS_HEADER, ...active.map((index) => forms[index].source), ''].join('\n');
    let result: AssembleResult;
    try {
      result = assemble(source, { file: 'forms.s' });
    } catch (error) {
      for (const index of active) outcomes[index].error = `the assembler threw: ${String(error)}`;
      return outcomes;
    }
    if (!result.ok) {
      const refused = new Set<number>();
      for (const diagnostic of result.diagnostics) {
        const position = diagnostic.line - firstLine;
        if (diagnostic.severity !== 'error' || position < 0 || position >= active.length) continue;
        const index = active[position];
        outcomes[index].error ??= diagnostic.message;
        refused.add(index);
      }
      if (refused.size === 0) {
        const text = result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('; ');
        for (const index of active) outcomes[index].error = `the forms file failed outside any form: ${text}`;
        return outcomes;
      }
      active = active.filter((index) => !refused.has(index));
      continue;
    }
    const program = result.program;
    const bytesByLine = lineBytes(program);
    for (const diagnostic of program.diagnostics) {
      const position = diagnostic.line - firstLine;
      if (diagnostic.severity === 'warning' && position >= 0 && position < active.length) {
        outcomes[active[position]].warning ??= diagnostic.message;
      }
    }
    active.forEach((index, position) => {
      const bytes = bytesByLine.get(firstLine + position);
      if (!bytes) outcomes[index].error = 'no bytes mapped to this line in the source map';
      else if (bytes.length !== 4) outcomes[index].error = `made ${bytes.length} bytes (${toHex(bytes)}), not 4`;
      else outcomes[index].sherwood = wordHex(bytes);
    });
    return outcomes;
  }
  for (const index of active) outcomes[index].error ??= 'still refused after 6 passes';
  return outcomes;
}

/** The bytes each line of the main file produced, in address order. */
export function lineBytes(program: Program, file = program.file): Map<number, Uint8Array> {
  const chunks = new Map<number, number[]>();
  for (const entry of program.sourceMap) {
    if (entry.position.file !== file) continue;
    const bytes = bytesAt(program, entry.address, entry.size);
    if (!bytes) continue;
    let list = chunks.get(entry.position.line);
    if (!list) chunks.set(entry.position.line, (list = []));
    list.push(...bytes);
  }
  const result = new Map<number, Uint8Array>();
  for (const [line, list] of chunks) result.set(line, Uint8Array.from(list));
  return result;
}

function bytesAt(program: Program, address: number, size: number): Uint8Array | undefined {
  for (const section of program.sections) {
    if (address >= section.address && address + size <= section.address + section.size) {
      if (section.flags.nobits) return new Uint8Array(size);
      return section.bytes.subarray(address - section.address, address - section.address + size);
    }
  }
  return undefined;
}

export interface LineDifference {
  file: string;
  line: number;
  text: string;
  address: number;
  gnu: string;
  sherwood: string;
}

export interface SectionComparison {
  /** Section-level disagreements (missing, moved, resized, different bytes), in words. */
  problems: string[];
  /** Source lines that produced bytes (per Sherwood's source map). */
  linesCompared: number;
  linesIdentical: number;
  differences: LineDifference[];
}

/**
 * Compares Sherwood's sections with GNU's section by section, then line by
 * line through Sherwood's source map (each line's bytes against GNU's bytes at
 * the same addresses). `sources` gives the text of each file for the report.
 */
export function compareSections(
  golden: readonly GoldenSection[],
  program: Program,
  sources: ReadonlyMap<string, string>,
): SectionComparison {
  const problems: string[] = [];
  const gnuSections = golden.map((section) => ({ ...section, bytes: sectionBytes(section) }));
  for (const section of gnuSections) {
    const ours = program.sections.find((candidate) => candidate.name === section.name);
    if (!ours) {
      if (section.size > 0) problems.push(`${section.name}: GNU has ${section.size} bytes at 0x${section.address.toString(16)}, Sherwood has no such section`);
      continue;
    }
    if (ours.address !== section.address) {
      problems.push(`${section.name}: GNU places it at 0x${section.address.toString(16)}, Sherwood at 0x${ours.address.toString(16)}`);
    }
    if (ours.size !== section.size) problems.push(`${section.name}: GNU size ${section.size}, Sherwood size ${ours.size}`);
    if (!section.nobits) {
      const limit = Math.min(section.bytes.length, ours.bytes.length);
      for (let offset = 0; offset < limit; offset++) {
        if (section.bytes[offset] !== ours.bytes[offset]) {
          problems.push(`${section.name}: first differing byte at offset 0x${offset.toString(16)}`);
          break;
        }
      }
    }
  }
  for (const ours of program.sections) {
    if (ours.size > 0 && !gnuSections.some((section) => section.name === ours.name)) {
      problems.push(`${ours.name}: Sherwood has ${ours.size} bytes, GNU has no such section`);
    }
  }
  // Where a whole section moved, compare each line with GNU's bytes at the same
  // offset in the section, so one layout difference is reported once, not per line.
  const moved = new Map<string, number>();
  for (const section of gnuSections) {
    const ours = program.sections.find((candidate) => candidate.name === section.name);
    if (ours && ours.address !== section.address) moved.set(ours.name, section.address - ours.address);
  }
  const gnuBytesAt = (address: number, size: number): Uint8Array | undefined => {
    const ours = program.sections.find((section) => address >= section.address && address < section.address + section.size);
    const gnuAddress = (address + (ours ? (moved.get(ours.name) ?? 0) : 0)) >>> 0;
    for (const section of gnuSections) {
      if (gnuAddress >= section.address && gnuAddress + size <= section.address + section.size) {
        if (section.nobits) return new Uint8Array(size);
        return section.bytes.subarray(gnuAddress - section.address, gnuAddress - section.address + size);
      }
    }
    return undefined;
  };
  const lines = new Map<string, { file: string; line: number; address: number; gnu: number[]; sherwood: number[]; same: boolean }>();
  for (const entry of program.sourceMap) {
    const key = `${entry.position.file}:${entry.position.line}`;
    let record = lines.get(key);
    if (!record) {
      record = { file: entry.position.file, line: entry.position.line, address: entry.address, gnu: [], sherwood: [], same: true };
      lines.set(key, record);
    }
    const ours = bytesAt(program, entry.address, entry.size) ?? new Uint8Array(0);
    const theirs = gnuBytesAt(entry.address, entry.size);
    record.sherwood.push(...ours);
    if (!theirs) {
      record.same = false;
      continue;
    }
    record.gnu.push(...theirs);
    for (let index = 0; index < entry.size; index++) if (ours[index] !== theirs[index]) record.same = false;
  }
  const differences: LineDifference[] = [];
  let linesIdentical = 0;
  for (const record of lines.values()) {
    if (record.same) {
      linesIdentical++;
      continue;
    }
    const text = sources.get(record.file)?.split('\n')[record.line - 1]?.trim() ?? '';
    differences.push({
      file: record.file,
      line: record.line,
      text,
      address: record.address,
      gnu: record.gnu.length ? toHex(Uint8Array.from(record.gnu)) : '(no bytes here)',
      sherwood: toHex(Uint8Array.from(record.sherwood)),
    });
  }
  differences.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return { problems, linesCompared: lines.size, linesIdentical, differences };
}
