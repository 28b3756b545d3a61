/** Small helpers shared by the assembler's tests. */
import { expect } from 'vitest';
import { assemble } from './assemble';
import type { AssembleOptions, AssemblerDiagnostic, Program } from './program';

export function program(source: string, options: AssembleOptions = {}): Program {
  const result = assemble(source, { file: 'test.s', ...options });
  if (!result.ok) {
    throw new Error(result.diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`).join('\n'));
  }
  return result.program;
}

export function errors(source: string, options: AssembleOptions = {}): AssemblerDiagnostic[] {
  const result = assemble(source, { file: 'test.s', ...options });
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.diagnostics.filter((d) => d.severity === 'error');
}

/** Section bytes as hex, whole words little-endian grouped as `as` dumps them (`01000000 02000000`). */
export function hex(source: string, section = '.data', options: AssembleOptions = {}): string {
  const found = program(source, options).sections.find((candidate) => candidate.name === section);
  if (!found) return '';
  return Buffer.from(found.bytes).toString('hex');
}

/** Words of a section (little-endian), as unsigned numbers. */
export function words(source: string, section = '.text', options: AssembleOptions = {}): number[] {
  const found = program(source, options).sections.find((candidate) => candidate.name === section);
  if (!found) return [];
  const view = new DataView(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength);
  const out: number[] = [];
  for (let offset = 0; offset + 4 <= found.bytes.length; offset += 4) out.push(view.getUint32(offset, true));
  return out;
}
