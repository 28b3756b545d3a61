/**
 * The C-function programs run on Sherwood itself (assembler, loader, CPU,
 * syscalls and the built-in C library through its trap adapter) must print
 * what glibc prints and exit with the same status: once with all of stdin
 * there, and once with stdin arriving a byte at a time (every
 * 'waiting for input' stop resumed exactly).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/assemble.js';
import { RUN_BUDGET, RUN_FAULT, RUN_TRAP } from '../../emulator/cpu/cpu.js';
import type { ProcessIo, TrapContext } from '../../emulator/cpu/interfaces.js';
import { STREAM_HANDLES } from '../../emulator/runtime/libc/context.js';
import { SimpleHeap } from '../../emulator/runtime/libc/simple-heap.js';
import { createTrapLibrary } from '../../emulator/runtime/libc/trap-adapter.js';
import { builtinResolver, loadProgram, STARTUP_SYMBOL } from '../../emulator/runtime/loader.js';
import { createTrapHandler, LinuxSyscalls } from '../../emulator/runtime/syscalls.js';
import { programCases, readProgramGolden, type ProgramCase } from './programs.js';

/** glibc's stream variables, until the runtime defines them: three words at the end of the heap region holding STREAM_HANDLES. */
const STREAM_NAMES = ['stdin', 'stdout', 'stderr'] as const;

function runOnSherwood(program: ProgramCase, trickle: boolean): { stdout: string; exitCode: number; waits: number; problem?: string } {
  // stdout fully buffered, as glibc does when stdout is the pipe qemu-arm writes to in the goldens
  const library = createTrapLibrary({
    clock: () => 1_700_000_000,
    stdoutMode: 'full',
    createHeap: (context) => new SimpleHeap(context.layout.heapStart, context.layout.heapEnd - 16),
  });
  const builtins = library.builtins;
  const resolve = builtinResolver(builtins);
  const source = readFileSync(program.sourcePath, 'utf8');
  const build = (streams: number) =>
    assemble(source, {
      file: program.sourcePath,
      resolveExternal: (name) => {
        const stream = STREAM_NAMES.indexOf(name as (typeof STREAM_NAMES)[number]);
        return stream >= 0 ? streams + 4 * stream : resolve(name);
      },
    });
  // The layout does not depend on the streams' address: assemble once to find it, then for real.
  const first = build(0x8000);
  if (!first.ok) return { stdout: '', exitCode: -1, waits: 0, problem: first.diagnostics.map((diagnostic) => diagnostic.message).join('; ') };
  const probe = loadProgram(first.program, { builtins });
  if (!probe.ok) return { stdout: '', exitCode: -1, waits: 0, problem: probe.error };
  const streams = probe.process.layout.heapEnd - 16;
  const assembled = build(streams);
  if (!assembled.ok) return { stdout: '', exitCode: -1, waits: 0, problem: 'second assembly failed' };
  const loaded = loadProgram(assembled.program, { builtins });
  if (!loaded.ok) return { stdout: '', exitCode: -1, waits: 0, problem: loaded.error };
  const { cpu, memory, layout, runtimeSymbols } = loaded.process;
  const handles = new Uint8Array(new Uint32Array([STREAM_HANDLES.stdin, STREAM_HANDLES.stdout, STREAM_HANDLES.stderr]).buffer);
  memory.writeBytes(streams, handles);
  const startup = runtimeSymbols.find((symbol) => symbol.name === STARTUP_SYMBOL);
  const output: number[] = [];
  const input = Uint8Array.from(program.stdin);
  let arrived = trickle ? 0 : input.length;
  let consumed = 0;
  let closed = !trickle;
  const io: ProcessIo = {
    writeOutput: (fd, bytes) => void (fd === 1 && output.push(...bytes)),
    availableInput: () => input.subarray(consumed, arrived),
    consumeInput: (count) => void (consumed += count),
    get inputClosed() {
      return closed;
    },
    warn: () => {},
  } as ProcessIo;
  const handler = createTrapHandler(new LinuxSyscalls(), builtins);
  const context: TrapContext = { machine: cpu, memory, io, layout };
  let waits = 0;
  for (let slice = 0; slice < 10_000; slice++) {
    const stop = cpu.run(1_000_000);
    if (stop === RUN_BUDGET) continue;
    if (stop === RUN_FAULT) return { stdout: '', exitCode: -1, waits, problem: JSON.stringify(cpu.fault) };
    const pc = cpu.registers[15] >>> 0;
    if (stop !== RUN_TRAP) return { stdout: '', exitCode: -1, waits, problem: `stopped with ${stop}` };
    const outcome = handler.supervisorCall(cpu.trapImmediate, context);
    if (outcome.kind === 'exit') {
      // Returning from main is glibc's exit(): stdout is flushed. The program's own exit system call is _exit(): it is not.
      if (startup && pc > startup.address && pc <= startup.address + startup.size) library.flush(context);
      else library.discard(context);
    }
    if (outcome.kind === 'exit') return { stdout: Buffer.from(output).toString('latin1'), exitCode: outcome.code, waits };
    if (outcome.kind === 'fault') {
      // Killed by a signal as glibc's would be (abort: SIGABRT, 134): the stdio buffer is lost, as in the Session.
      const status = outcome.message.startsWith('SIGABRT') ? 134 : outcome.message.startsWith('SIGFPE') ? 136 : -1;
      library.discard(context);
      if (status > 0) return { stdout: Buffer.from(output).toString('latin1'), exitCode: status, waits };
      return { stdout: '', exitCode: -1, waits, problem: outcome.message };
    }
    if (outcome.kind === 'wait-for-input') {
      waits++;
      cpu.registers[15] -= 4; // back to the svc: the call is repeated once input arrives
      if (arrived < input.length) arrived++;
      else closed = true;
    }
  }
  return { stdout: '', exitCode: -1, waits, problem: 'did not finish' };
}

describe('C-function programs on Sherwood match glibc under qemu-arm', () => {
  const golden = readProgramGolden();
  for (const program of programCases()) {
    it(program.name, () => {
      const whole = runOnSherwood(program, false);
      expect({ stdout: whole.stdout, exitCode: whole.exitCode, problem: whole.problem }).toEqual({ ...golden[program.name], problem: undefined });
      const trickled = runOnSherwood(program, true);
      expect({ stdout: trickled.stdout, exitCode: trickled.exitCode, problem: trickled.problem }).toEqual({ ...golden[program.name], problem: undefined });
      if (program.stdin.length > 0) expect(trickled.waits).toBeGreaterThan(program.stdin.length / 2);
    });
  }
});
