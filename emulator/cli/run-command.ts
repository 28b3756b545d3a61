/**
 * `sherwood run FILE.s [--stdin FILE] [--max-steps N] [--json] [-- ARGS...]`:
 * assemble (or read an ELF) and run the program as qemu-arm would. The
 * program's stdout goes to stdout and its exit status becomes ours; a fault
 * prints `FILE:LINE: fault: ...` on stderr and exits 139 (like SIGSEGV), the
 * step limit prints `FILE:LINE: fault: step limit ...` and exits 124.
 * `--json` prints one object instead: exitCode, stdout, steps, registers,
 * flags, fault, diagnostics.
 */
import { readSync } from 'node:fs';
import type { Program } from '../assembler/program';
import { readElf } from '../elf/index';
import { Session, type StopReason } from '../debug/session';
import { resolveBuiltin } from '../debug/runtime-bridge';
import { EXIT_FAILURE, EXIT_USAGE, type CommandContext } from './command';
import { nodeFileSystem } from './files';
import { decodeSource, formatDiagnostic, isElf } from './source';
import { assembler } from './toolchain';
import { formatDiagnostic as formatMemoryDiagnostic } from '../runtime/diagnostics/collector';
import { MEMORY_OPTIONS_USAGE, takeMemoryOptions, type MemoryOptions } from '../runtime/diagnostics/cli-options';
import type { Diagnostic as MemoryDiagnostic } from '../runtime/diagnostics/types';
import { heapStatistics } from '../runtime/heap/inspect';

export const DEFAULT_MAX_STEPS = 1_000_000_000;
/** Exit status when the step limit stops the program (as timeout(1) uses). */
export const EXIT_STEP_LIMIT = 124;

export const RUN_USAGE = `Usage: sherwood run FILE.s [--stdin FILE] [--max-steps N] [--json] [memory options] [-- ARGS...]

Assemble FILE.s (or load an ELF executable) and run it as qemu-arm would:
Linux system calls and Sherwood's built-in C library, stdout to stdout, the
program's exit status as ours.

Options:
  --stdin FILE     the program's standard input (default: this process's stdin)
  --max-steps N    stop after N instructions (default ${DEFAULT_MAX_STEPS})
  --json           print one JSON object: exitCode, stdout, steps, registers,
                   flags, fault, diagnostics, heap (statistics), leaks
  -- ARGS...       arguments for the program (argv[1] onwards)

Memory options (the heap behind malloc and the memory diagnostics):
${MEMORY_OPTIONS_USAGE}
Faults print FILE:LINE: fault: MESSAGE on stderr; exit status 139 (as SIGSEGV).
The step limit exits with 124. Memory diagnostics (leaks, double or invalid
frees, use after free, heap overflows, stack overflow, sp misaligned at a call,
callee-saved registers not restored, stack imbalance, and warnings) print as
FILE:LINE: error: MESSAGE when they happen; the program goes on.
`;

interface Options {
  file: string;
  stdin?: string;
  maxSteps: number;
  json: boolean;
  programArguments: string[];
  memory: MemoryOptions;
}

function parse(args: readonly string[]): Options | string {
  const split = args.indexOf('--');
  const taken = takeMemoryOptions(split < 0 ? args : args.slice(0, split));
  if (!taken.ok) return taken.error;
  const own = taken.rest;
  const programArguments = split < 0 ? [] : args.slice(split + 1);
  let file: string | undefined;
  let stdin: string | undefined;
  let maxSteps = DEFAULT_MAX_STEPS;
  let json = false;
  for (let index = 0; index < own.length; index++) {
    const arg = own[index];
    if (arg === '--json') json = true;
    else if (arg === '--stdin' || arg === '--max-steps') {
      const value = own[++index];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === '--stdin') stdin = value;
      else {
        if (!/^\d+$/.test(value) || Number(value) < 1) return `--max-steps takes a positive whole number, not '${value}'`;
        maxSteps = Number(value);
      }
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else if (file === undefined) file = arg;
    else return `give exactly one program file (got '${file}' and '${arg}'); program arguments go after --`;
  }
  if (file === undefined) return 'no program file given';
  return { file, stdin, maxSteps, json, programArguments, memory: taken.options };
}

function defaultContext(): CommandContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    files: nodeFileSystem,
    assemble: assembler,
  };
}

interface Diagnostic {
  kind: string;
  line: number | null;
  message: string;
}

/** Memory diagnostics are objects with more fields (severity, file, pc, address, related sites, leakKind). */
type ReportedDiagnostic = Diagnostic | MemoryDiagnostic;

export async function runCommand(args: string[], context: CommandContext = defaultContext(), writeBytes?: (bytes: Uint8Array) => void): Promise<number> {
  const options = parse(args);
  if (typeof options === 'string') {
    context.stderr(`sherwood run: ${options}\n\n${RUN_USAGE}`);
    return EXIT_USAGE;
  }
  const read = context.files.readBytes(options.file);
  if (!read.ok) {
    context.stderr(`sherwood: cannot read ${options.file}: ${read.reason}\n`);
    return EXIT_USAGE;
  }
  const diagnostics: ReportedDiagnostic[] = [];
  let program: Program;
  if (isElf(read.value)) {
    const elf = readElf(read.value, options.file);
    if (!elf.ok) {
      context.stderr(`sherwood: cannot run ${options.file}: ${elf.error}\n`);
      return EXIT_FAILURE;
    }
    program = elf.program;
  } else {
    if (!context.assemble) {
      context.stderr(`sherwood: this build has no assembler; cannot run ${options.file}\n`);
      return EXIT_FAILURE;
    }
    const readFile = (path: string): string | undefined => {
      const included = context.files.readBytes(path);
      return included.ok ? decodeSource(included.value) : undefined;
    };
    const result = context.assemble(decodeSource(read.value), { file: options.file, readFile, resolveExternal: resolveBuiltin });
    const messages = result.ok ? result.program.diagnostics : result.diagnostics;
    for (const diagnostic of messages) {
      diagnostics.push({ kind: diagnostic.severity, line: diagnostic.line, message: diagnostic.message });
      if (!options.json) context.stderr(formatDiagnostic(diagnostic, options.file));
    }
    if (!result.ok) {
      if (options.json) context.stdout(JSON.stringify({ exitCode: EXIT_FAILURE, stdout: '', steps: 0, registers: null, flags: null, fault: null, diagnostics }) + '\n');
      return EXIT_FAILURE;
    }
    program = result.program;
  }

  let stdinBytes: Uint8Array | undefined;
  if (options.stdin !== undefined) {
    const input = context.files.readBytes(options.stdin);
    if (!input.ok) {
      context.stderr(`sherwood: cannot read ${options.stdin}: ${input.reason}\n`);
      return EXIT_USAGE;
    }
    stdinBytes = input.value;
  }
  const output = writeBytes ?? ((bytes: Uint8Array) => void process.stdout.write(bytes));
  const name = options.file.replace(/^.*[\\/]/, '');
  let session: Session | undefined;
  const created = Session.create(program, {
    programName: name,
    arguments: options.programArguments,
    stdoutBuffering: !options.json && process.stdout.isTTY ? 'line' : 'full',
    onOutput: (fd, bytes) => {
      if (options.json) return;
      if (fd === 2) context.stderr(new TextDecoder().decode(bytes));
      else output(bytes);
    },
    heap: options.memory.heap,
    checks: options.memory.off
      ? false
      : {
          disabled: options.memory.disabled,
          enabled: options.memory.enabled,
          onDiagnostic: (diagnostic) => {
            diagnostics.push(diagnostic);
            if (!options.json) context.stderr(formatMemoryDiagnostic(diagnostic) + '\n');
          },
        },
    onWarning: (message) => {
      const position = session?.source.positionOf(session.cpu.registers[15] - 4);
      diagnostics.push({ kind: 'warning', line: position?.line ?? null, message });
      if (!options.json) context.stderr(`${options.file}:${position?.line ?? 0}: warning: ${message}\n`);
    },
  });
  if (!created.ok) {
    context.stderr(`sherwood: cannot load ${options.file}: ${created.error}\n`);
    return EXIT_FAILURE;
  }
  session = created.session;
  // A `@ sherwood: allow` comment naming no known check: a warning at its own line.
  for (const problem of session.checker?.sourceProblems ?? []) {
    diagnostics.push({ kind: 'warning', line: problem.line, message: problem.message });
    if (!options.json) context.stderr(`${problem.file}:${problem.line}: warning: ${problem.message}\n`);
  }
  if (stdinBytes) {
    session.provideInput(stdinBytes);
    session.closeInput();
  }

  let stop: StopReason;
  for (;;) {
    stop = session.run(options.maxSteps - session.steps);
    if (stop.kind !== 'waiting-for-input') break;
    const chunk = readProcessInput();
    if (chunk.length) session.provideInput(chunk);
    else session.closeInput();
  }

  let exitCode: number;
  let fault: { message: string; line: number | null; address: number; kind: string } | null = null;
  if (stop.kind === 'exit') {
    exitCode = stop.code;
  } else if (stop.kind === 'fault') {
    exitCode = stop.status;
    fault = { message: stop.message, line: stop.position?.line ?? null, address: stop.fault.pc, kind: stop.fault.type };
  } else {
    exitCode = EXIT_STEP_LIMIT;
    const position = session.source.positionOf(session.cpu.registers[15]);
    fault = { message: `step limit of ${options.maxSteps} instructions reached`, line: position?.line ?? null, address: session.cpu.registers[15] >>> 0, kind: 'step-limit' };
  }
  // Heap exhaustion (malloc returned NULL) and calloc overflows, as notes.
  for (const note of session.heap?.notes ?? []) {
    diagnostics.push({ kind: 'note', line: note.line?.line ?? null, message: note.message });
    if (!options.json) context.stderr(`${note.line?.file ?? options.file}:${note.line?.line ?? 0}: note: ${note.message}\n`);
  }
  if (fault) {
    diagnostics.push({ kind: 'fault', line: fault.line, message: fault.message });
    if (!options.json) context.stderr(`${options.file}:${fault.line ?? 0}: fault: ${fault.message}\n`);
  }
  if (options.json) {
    const flags = session.flags();
    context.stdout(
      JSON.stringify({
        exitCode,
        stdout: new TextDecoder().decode(session.stdout),
        steps: session.steps,
        registers: session.registers(),
        flags,
        fault,
        diagnostics,
        heap: session.heap ? heapStatistics(session.heap) : null,
        leaks: session.checker?.leakSummary ?? null,
      }) + '\n',
    );
  }
  return exitCode;
}

/** A chunk of this process's stdin (blocking); empty at end of input. */
function readProcessInput(): Uint8Array {
  const buffer = new Uint8Array(65536);
  try {
    const count = readSync(0, buffer, 0, buffer.length, null);
    return buffer.subarray(0, count);
  } catch {
    return new Uint8Array(0);
  }
}
