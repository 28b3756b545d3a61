/**
 * Reading a source file and assembling it for a command: the file (and each
 * `.include`) read through the context's file system, diagnostics printed to
 * stderr as `FILE:LINE:COL: error: MESSAGE` with an indented `hint:` line.
 */
import type { AssemblerDiagnostic, Program } from '../assembler/program';
import { type CommandContext, EXIT_FAILURE, EXIT_USAGE } from './command';
import { resolveBuiltin } from '../debug/runtime-bridge';

const decoder = new TextDecoder('utf-8');

export type Loaded<T> = { ok: true; value: T } | { ok: false; status: number };

/** `FILE:LINE:COL: SEVERITY: MESSAGE`, then `  hint: HINT` when there is one; each line ends with a newline. */
export function formatDiagnostic(diagnostic: AssemblerDiagnostic, fallbackFile = ''): string {
  const file = diagnostic.file || fallbackFile;
  let text = `${file}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.severity}: ${diagnostic.message}\n`;
  if (diagnostic.hint) text += `  hint: ${diagnostic.hint}\n`;
  return text;
}

/** Text of a source file: UTF-8, without a byte-order mark. */
export function decodeSource(bytes: Uint8Array): string {
  const text = decoder.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function isElf(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46;
}

/** Why `bytes` cannot be assembly source (an executable, a binary file), or undefined. */
function binaryReason(bytes: Uint8Array): string | undefined {
  if (isElf(bytes)) return 'is an ELF file, not assembly source; `sherwood disasm` lists it';
  const limit = Math.min(bytes.length, 4096);
  for (let index = 0; index < limit; index++) {
    if (bytes[index] === 0) return 'is a binary file, not assembly source text';
  }
  return undefined;
}

/** Read a file the user named; a failure is reported on one line (exit status 2). */
export function readInput(path: string, context: CommandContext): Loaded<Uint8Array> {
  const read = context.files.readBytes(path);
  if (read.ok) return { ok: true, value: read.value };
  context.stderr(`sherwood: cannot read ${path}: ${read.reason}\n`);
  return { ok: false, status: EXIT_USAGE };
}

/**
 * Assemble source text read from `path`, printing its diagnostics. `.include`
 * files are read through the context too; the assembler resolves their names
 * relative to the including file before asking.
 */
const UNDEFINED_REFERENCE = /^undefined reference to `(.+)'$/;

/**
 * `bl printf` in a program assembled into a stand-alone executable: the symbol
 * is one of the runtime's built-ins, which only exist inside Sherwood.
 */
function explainBuiltinReference(diagnostic: AssemblerDiagnostic): AssemblerDiagnostic {
  const name = UNDEFINED_REFERENCE.exec(diagnostic.message)?.[1];
  if (diagnostic.hint !== undefined || name === undefined || resolveBuiltin(name) === undefined) return diagnostic;
  return {
    ...diagnostic,
    hint: `${name} is one of Sherwood's built-in C functions: \`sherwood run\` provides it; an executable for qemu-arm needs a C library (arm-linux-gnueabihf-gcc -static)`,
  };
}

/**
 * Assemble a source file read by the CLI, reporting its diagnostics.
 * `resolveExternal` links undefined symbols (the runtime's built-in C functions
 * for `run` and `disasm`; none for `assemble`, which links like `ld`).
 */
export function assembleSource(
  path: string,
  bytes: Uint8Array,
  context: CommandContext,
  resolveExternal?: (name: string) => number | undefined,
): Loaded<Program> {
  const binary = binaryReason(bytes);
  if (binary !== undefined) {
    context.stderr(`sherwood: ${path}: ${binary}\n`);
    return { ok: false, status: EXIT_FAILURE };
  }
  if (context.assemble === undefined) {
    context.stderr(`sherwood: this build has no assembler; cannot assemble ${path}\n`);
    return { ok: false, status: EXIT_FAILURE };
  }
  const readFile = (includePath: string): string | undefined => {
    const read = context.files.readBytes(includePath);
    return read.ok ? decodeSource(read.value) : undefined;
  };
  let result: ReturnType<typeof context.assemble>;
  try {
    result = context.assemble(decodeSource(bytes), { file: path, readFile, resolveExternal });
  } catch (error) {
    context.stderr(`sherwood: internal error while assembling ${path}: ${error instanceof Error ? error.message : String(error)}\n`);
    return { ok: false, status: EXIT_FAILURE };
  }
  const diagnostics = result.ok ? result.program.diagnostics : result.diagnostics;
  let report = '';
  for (const diagnostic of diagnostics) report += formatDiagnostic(resolveExternal ? diagnostic : explainBuiltinReference(diagnostic), path);
  if (report !== '') context.stderr(report);
  if (!result.ok) return { ok: false, status: EXIT_FAILURE };
  return { ok: true, value: result.program };
}
