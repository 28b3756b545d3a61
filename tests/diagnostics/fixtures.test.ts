/**
 * Every fixture program gives exactly the diagnostics its markers name: a line
 * ending in `@! KIND` (or `@! KIND*N` for N reports, e.g. three leaked nodes
 * allocated by one call) must be reported there, and nothing else may be. A
 * header line `@ checks: KIND,...` switches on kinds that are off by default,
 * `@ redzone: N` runs with a redzone of N bytes (`--redzone N`).
 * The correct-*.s programs have no markers: they must produce none.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_KINDS, type DiagnosticKind } from '../../emulator/runtime/diagnostics/types';
import { formatDiagnostic } from '../../emulator/runtime/diagnostics/collector';
import { kindLines, runChecked } from './run-checked';

const DIRECTORY = path.join(import.meta.dirname, 'programs');
const FILES = readdirSync(DIRECTORY).filter((name) => name.endsWith('.s')).sort();
const MARKER = /@!\s*([a-z-]+)(?:\*(\d+))?\s*$/;

function expectations(source: string): { expected: string[]; enabled: DiagnosticKind[]; redzone: number } {
  const expected: string[] = [];
  const enabled: DiagnosticKind[] = [];
  let redzone = 0;
  source.split('\n').forEach((text, index) => {
    const marker = MARKER.exec(text);
    if (marker) {
      if (!(DIAGNOSTIC_KINDS as readonly string[]).includes(marker[1])) throw new Error(`unknown kind ${marker[1]} on line ${index + 1}`);
      for (let count = 0; count < Number(marker[2] ?? 1); count++) expected.push(`${marker[1]}@${index + 1}`);
    }
    const checks = /^@ checks: (.*)$/.exec(text);
    if (checks) enabled.push(...(checks[1].split(',').map((kind) => kind.trim()) as DiagnosticKind[]));
    const zone = /^@ redzone: (\d+)$/.exec(text);
    if (zone) redzone = Number(zone[1]);
  });
  return { expected: expected.sort(), enabled, redzone };
}

describe('diagnostic fixtures', () => {
  it('cover every kind with an obvious and a subtle program, and include correct programs', () => {
    const covered = new Map<string, number>();
    for (const file of FILES) {
      const { expected } = expectations(readFileSync(path.join(DIRECTORY, file), 'utf8'));
      for (const kind of new Set(expected.map((entry) => entry.split('@')[0]))) covered.set(kind, (covered.get(kind) ?? 0) + 1);
    }
    for (const kind of DIAGNOSTIC_KINDS) expect(covered.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(kind === 'misaligned-access' || kind === 'write-to-text' || kind === 'uninitialized-read' ? 1 : 2);
    expect(FILES.filter((file) => file.startsWith('correct-')).length).toBeGreaterThanOrEqual(2);
  });

  it.each(FILES)('%s gives exactly its marked diagnostics', (file) => {
    const full = path.join(DIRECTORY, file);
    const { expected, enabled, redzone } = expectations(readFileSync(full, 'utf8'));
    const result = runChecked(full, { enabled, heap: { redzone } });
    if (!result.ok) expect.fail(result.error);
    const { diagnostics, stop } = result.run;
    expect(kindLines(diagnostics), diagnostics.map(formatDiagnostic).join('\n')).toEqual(expected);
    for (const diagnostic of diagnostics) expect(diagnostic.file).toBe(full);
    // Only the stack overflow and the store into text end the run (as SIGSEGV); everything else runs to its exit.
    const faults = expected.some((entry) => entry.startsWith('stack-overflow') || entry.startsWith('write-to-text'));
    expect(stop.kind).toBe(faults ? 'fault' : 'exit');
  });

  it('a pointer that walks from one exact-size block into the next is caught only with a redzone (a known limit of provenance)', () => {
    const full = path.join(DIRECTORY, 'heap-overflow-walk-redzone.s');
    const without = runChecked(full);
    if (!without.ok) expect.fail(without.error);
    expect(kindLines(without.run.diagnostics)).toEqual([]);
    const heap = without.run.session.heap;
    const withZone = runChecked(full, { heap: { redzone: 8 } });
    if (!withZone.ok) expect.fail(withZone.error);
    expect(withZone.run.diagnostics[0].message).toMatch(/^heap overflow: 4-byte write at 0x[0-9a-f]{8}, 0 bytes past the end of a 16-byte block/);
    expect(heap?.redzone).toBe(0);
    expect(withZone.run.session.heap?.redzone).toBe(8);
  });
});
