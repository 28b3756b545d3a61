/**
 * Runs a program on Sherwood with the memory diagnostics on, for the fixture
 * and corpus tests: assemble (built-in C functions linked), run to the end,
 * and return what the checker reported.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assemble } from '../../emulator/assembler/index';
import { sourceReader } from '../../emulator/testing/files';
import { Session, type SessionOptions, type StopReason } from '../../emulator/debug/session';
import { resolveBuiltin } from '../../emulator/debug/runtime-bridge';
import type { Diagnostic, DiagnosticKind } from '../../emulator/runtime/diagnostics/types';

export interface CheckedRun {
  stop: StopReason;
  stdout: string;
  diagnostics: readonly Diagnostic[];
  session: Session;
}

export type CheckedRunResult = { ok: true; run: CheckedRun } | { ok: false; error: string };

export function runChecked(
  file: string,
  options: { stdin?: string; enabled?: DiagnosticKind[]; disabled?: DiagnosticKind[]; maxSteps?: number; heap?: SessionOptions['heap'] } = {},
): CheckedRunResult {
  const source = readFileSync(file, 'utf8');
  const assembled = assemble(source, { file, resolveExternal: resolveBuiltin, readFile: sourceReader(path.dirname(file)) });
  if (!assembled.ok) return { ok: false, error: assembled.diagnostics.map((diagnostic) => `${diagnostic.line}: ${diagnostic.message}`).join('\n') };
  // The program's own `@ sherwood: allow KIND` comments reach the checker through the session (Program.sources).
  const created = Session.create(assembled.program, { checks: { enabled: options.enabled, disabled: options.disabled }, heap: options.heap });
  if (!created.ok) return { ok: false, error: created.error };
  const session = created.session;
  if (options.stdin !== undefined) session.provideInput(options.stdin);
  session.closeInput();
  const stop = session.run(options.maxSteps ?? 200_000_000);
  return { ok: true, run: { stop, stdout: new TextDecoder().decode(session.stdout), diagnostics: session.checker?.diagnostics ?? [], session } };
}

/** `kind@line` strings, sorted: the multiset a fixture's markers must equal. */
export function kindLines(diagnostics: readonly Pick<Diagnostic, 'kind' | 'line'>[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.kind}@${diagnostic.line}`).sort();
}
