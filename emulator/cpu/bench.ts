/**
 * Emulator benchmarks for `npm run bench`: the three programs in
 * ../shared/bench (mixed ALU/memory/branches, a 1 MiB sieve, recursive fib),
 * assembled by Sherwood and run by the Session, each checked against
 * expected.json (stdout, exit code, instruction count) and printed as MIPS
 * beside qemu-arm's time for the GNU-built program in the same run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assemble } from '../assembler/index';
import { resolveBuiltin } from '../debug/runtime-bridge';
import { Session } from '../debug/session';
import { GNU_AS, GNU_LD, QEMU_ARM, hasTool } from '../../tests/tools';

/** ../shared/bench beside the repository: found from the working directory (npm run bench) or from this file. */
const BENCH_DIRECTORY =
  [path.resolve(process.cwd(), '../shared/bench'), path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/bench')]
    .find((candidate) => existsSync(candidate)) ?? path.resolve(process.cwd(), '../shared/bench');
const PROGRAMS = ['bench1_mixed.s', 'bench2_sieve.s', 'bench3_fib.s'];

interface Expected {
  stdout: string;
  exit: number;
  guest_insns_qemu_plugin: number;
}

interface Measurement {
  name: string;
  steps: number;
  seconds: number;
  cpuSeconds: number;
  correct: string;
  peakMegabytes: number;
}


/** qemu-arm's wall time for the GNU-built program, or undefined without the tools. */
function qemuSeconds(source: string, directory: string): number | undefined {
  if (![GNU_AS, GNU_LD, QEMU_ARM].every(hasTool)) return undefined;
  const object = path.join(directory, path.basename(source) + '.o');
  const executable = path.join(directory, path.basename(source, '.s'));
  if (spawnSync('arm-linux-gnueabihf-as', ['-march=armv7ve', source, '-o', object]).status !== 0) return undefined;
  if (spawnSync('arm-linux-gnueabihf-ld', [object, '-o', executable]).status !== 0) return undefined;
  const start = performance.now();
  const run = spawnSync('qemu-arm', [executable]);
  const seconds = (performance.now() - start) / 1000;
  return run.error ? undefined : seconds;
}

/** Runs to the end, resuming from breakpoints; returns the final stop. */
function runToEnd(session: Session): ReturnType<Session['run']> {
  for (;;) {
    const stop = session.run(Number.MAX_SAFE_INTEGER);
    if (stop.kind !== 'breakpoint') return stop;
  }
}

/** 'on': every memory diagnostic (the Session's default, as the IDE and `sherwood run` run); 'off': no checker. */
type Checks = 'on' | 'off';

function measure(name: string, expected: Expected | undefined, breakpointSymbol?: string, checks: Checks = 'on'): Measurement | string {
  const file = path.join(BENCH_DIRECTORY, name);
  const assembled = assemble(readFileSync(file, 'utf8'), { file, resolveExternal: resolveBuiltin });
  if (!assembled.ok) return `${name}: does not assemble: ${assembled.diagnostics[0]?.message ?? 'unknown error'}`;
  const created = Session.create(assembled.program, checks === 'off' ? { checks: false } : {});
  if (!created.ok) return `${name}: ${created.error}`;
  const session = created.session;
  if (breakpointSymbol) {
    const symbol = assembled.program.symbols.find((entry) => entry.name === breakpointSymbol);
    if (symbol) session.setBreakpoints([symbol.value]);
  }
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const stop = runToEnd(session);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const stdout = new TextDecoder().decode(session.stdout);
  let correct = 'ok';
  if (stop.kind !== 'exit') correct = `stopped: ${stop.kind}${stop.kind === 'fault' ? ' ' + stop.message : ''}`;
  else if (expected && (stdout !== expected.stdout || stop.code !== expected.exit)) correct = `WRONG: ${JSON.stringify(stdout)} exit ${stop.code}`;
  else if (expected && session.steps !== expected.guest_insns_qemu_plugin) correct = `count ${session.steps} != ${expected.guest_insns_qemu_plugin}`;
  return {
    name,
    steps: session.steps,
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    correct,
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  };
}

/** The argument that makes the bench process measure one program and print its Measurement as JSON (see measureAlone). */
export const ONE_PROGRAM_FLAG = '--emulator-one';

/** In a child process: measures `name` with `checks` and prints the result as one JSON line. */
export function runOneProgram(name: string, checks: string): void {
  const expectations = JSON.parse(readFileSync(path.join(BENCH_DIRECTORY, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const result = measure(name, expectations[name], undefined, checks === 'off' ? 'off' : 'on');
  console.log(JSON.stringify(result));
}

/**
 * One program in a fresh process: its MIPS are not disturbed by what ran before (compiled code,
 * garbage), and its peak RSS is that of an emulator process running just this program.
 */
function measureAlone(name: string, checks: Checks): Measurement | string {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ONE_PROGRAM_FLAG, name, checks], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const last = child.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as Measurement | string;
  } catch {
    return `${name}: the measuring process failed (${child.status ?? child.signal}): ${(child.stderr ?? '').trim().split('\n').at(-1) ?? ''}`;
  }
}

const ROUNDS = 3;

function medianBy(values: Measurement[], key: (value: Measurement) => number): Measurement {
  return [...values].sort((left, right) => key(left) - key(right))[values.length >> 1];
}

export async function runEmulatorBenchmarks(): Promise<void> {
  console.log(`== emulator (../shared/bench): MIPS = guest instructions / wall seconds / 1e6; each program alone in a fresh process, checks off and on alternating, median of ${ROUNDS}`);
  if (!existsSync(BENCH_DIRECTORY)) {
    console.log(`   skipped: ${BENCH_DIRECTORY} not found`);
    return;
  }
  const expectations = JSON.parse(readFileSync(path.join(BENCH_DIRECTORY, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const directory = mkdtempSync(path.join(tmpdir(), 'sherwood-bench-'));
  for (const name of PROGRAMS) {
    const off: Measurement[] = [];
    const on: Measurement[] = [];
    let failure: string | undefined;
    for (let round = 0; round < ROUNDS && failure === undefined; round++) {
      for (const [checks, list] of [['off', off], ['on', on]] as const) {
        const result = measureAlone(name, checks);
        if (typeof result === 'string') failure = result;
        else list.push(result);
      }
    }
    if (failure !== undefined) {
      console.log(`   ${failure}`);
      continue;
    }
    const plain = medianBy(off, (value) => value.seconds);
    const checked = medianBy(on, (value) => value.seconds);
    const qemu = qemuSeconds(path.join(BENCH_DIRECTORY, name), directory);
    const mips = (value: Measurement): string => (value.steps / value.seconds / 1e6).toFixed(0);
    const cpuRatio = medianBy(off, (value) => value.cpuSeconds).cpuSeconds / medianBy(on, (value) => value.cpuSeconds).cpuSeconds;
    const versus =
      qemu === undefined
        ? 'qemu-arm not installed'
        : `qemu-arm ${qemu.toFixed(2)} s (${(plain.steps / qemu / 1e6).toFixed(0)} MIPS), Sherwood/qemu time ${(plain.seconds / qemu).toFixed(1)}x`;
    const peak = Math.max(...off.map((value) => value.peakMegabytes), ...on.map((value) => value.peakMegabytes));
    const correct = [...off, ...on].find((value) => value.correct !== 'ok')?.correct ?? 'ok';
    console.log(`   ${name.padEnd(16)} ${mips(plain).padStart(4)} MIPS checks off, ${mips(checked).padStart(4)} MIPS with every memory diagnostic on (${(cpuRatio * 100).toFixed(0)}% of off in CPU time; target at least 50%)  ${plain.steps} insns  ${correct}`);
    console.log(`   ${''.padEnd(16)} ${versus}  | peak RSS of the process ${peak.toFixed(0)} MB${name === 'bench2_sieve.s' ? ' (target under 150 MB)' : ''}`);
  }
  // Breakpoints cost: the same mixed program with a breakpoint set (hit once, after the loop).
  const plain = measure('bench1_mixed.s', expectations['bench1_mixed.s']);
  const stopping = measure('bench1_mixed.s', expectations['bench1_mixed.s'], 'finish');
  if (typeof plain !== 'string' && typeof stopping !== 'string') {
    const ratio = plain.cpuSeconds / stopping.cpuSeconds;
    console.log(`   bench1_mixed.s with a breakpoint set: ${(stopping.steps / stopping.seconds / 1e6).toFixed(0)} MIPS, ${(ratio * 100).toFixed(0)}% of the speed without (CPU time; ${stopping.correct})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && process.argv[1].endsWith('bench.ts')) {
  if (process.argv[2] === ONE_PROGRAM_FLAG) runOneProgram(process.argv[3] ?? '', process.argv[4] ?? 'on');
  else void runEmulatorBenchmarks();
}
