/**
 * The program corpus (tests/programs, tests/libc-programs/programs) runs with
 * every diagnostic on that is on by default, and none may fire: the checks
 * never accuse a correct program.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../emulator/runtime/diagnostics/collector';
import { runChecked } from './run-checked';

const ROOT = path.join(import.meta.dirname, '..');
const DIRECTORIES = [path.join(ROOT, 'programs'), path.join(ROOT, 'libc-programs', 'programs')];
const FILES = DIRECTORIES.flatMap((directory) =>
  readdirSync(directory)
    .filter((name) => name.endsWith('.s'))
    .sort()
    .map((name) => path.join(directory, name)),
);

describe('the program corpus under the memory diagnostics', () => {
  it('has programs to check', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FILES.map((file) => [path.relative(ROOT, file), file]))('%s: no diagnostics', (_name, file) => {
    const stdinFile = file.replace(/\.s$/, '.stdin');
    const result = runChecked(file, { stdin: existsSync(stdinFile) ? readFileSync(stdinFile, 'latin1') : '' });
    if (!result.ok) expect.fail(result.error);
    expect(result.run.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(['exit', 'fault']).toContain(result.run.stop.kind);
  });
});
