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
  qemuSeconds?: number;
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

/** 'default': the Session's default checks; 'all': every diagnostic kind on; 'off': no checker. */
type Checks = 'default' | 'all' | 'off';

function measure(name: string, expected: Expected | undefined, directory: string, breakpointSymbol?: string, checks: Checks = 'default'): Measurement | string {
  const file = path.join(BENCH_DIRECTORY, name);
  const assembled = assemble(readFileSync(file, 'utf8'), { file, resolveExternal: resolveBuiltin });
  if (!assembled.ok) return `${name}: does not assemble: ${assembled.diagnostics[0]?.message ?? 'unknown error'}`;
  const created = Session.create(
    assembled.program,
    checks === 'off' ? { checks: false } : checks === 'all' ? { checks: { enabled: ['misaligned-access'] } } : {},
  );
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
    qemuSeconds: breakpointSymbol || checks !== 'default' ? undefined : qemuSeconds(file, directory),
    peakMegabytes: process.resourceUsage().maxRSS / 1024,
  };
}

export async function runEmulatorBenchmarks(): Promise<void> {
  console.log('== emulator (../shared/bench): MIPS = guest instructions / wall seconds / 1e6');
  if (!existsSync(BENCH_DIRECTORY)) {
    console.log(`   skipped: ${BENCH_DIRECTORY} not found`);
    return;
  }
  const expectations = JSON.parse(readFileSync(path.join(BENCH_DIRECTORY, 'expected.json'), 'utf8')) as Record<string, Expected>;
  const directory = mkdtempSync(path.join(tmpdir(), 'sherwood-bench-'));
  for (const name of PROGRAMS) {
    const result = measure(name, expectations[name], directory);
    if (typeof result === 'string') {
      console.log(`   ${result}`);
      continue;
    }
    const mips = result.steps / result.seconds / 1e6;
    const cpuMips = result.steps / result.cpuSeconds / 1e6;
    const qemu =
      result.qemuSeconds === undefined
        ? 'qemu-arm not installed'
        : `qemu-arm ${result.qemuSeconds.toFixed(2)} s (${(result.steps / result.qemuSeconds / 1e6).toFixed(0)} MIPS), Sherwood/qemu time ${(result.seconds / result.qemuSeconds).toFixed(1)}x`;
    console.log(
      `   ${name.padEnd(16)} ${mips.toFixed(0).padStart(5)} MIPS (${cpuMips.toFixed(0)} per CPU-second)  ${result.seconds.toFixed(2)} s  ${result.steps} insns  ${result.correct}  | ${qemu}  | peak RSS ${result.peakMegabytes.toFixed(0)} MB`,
    );
  }
  // Diagnostics cost (issue 4: with every diagnostic on, at least half the speed with them off).
  for (const name of PROGRAMS) {
    const off = measure(name, expectations[name], directory, undefined, 'off');
    const all = measure(name, expectations[name], directory, undefined, 'all');
    if (typeof off === 'string' || typeof all === 'string') continue;
    const ratio = off.cpuSeconds / all.cpuSeconds;
    console.log(
      `   ${name.padEnd(16)} every diagnostic on: ${(all.steps / all.seconds / 1e6).toFixed(0)} MIPS, off: ${(off.steps / off.seconds / 1e6).toFixed(0)} MIPS; on runs at ${(ratio * 100).toFixed(0)}% of the speed of off (CPU time; target at least 50%; ${all.correct})`,
    );
  }
  // Breakpoints cost: the same mixed program with a breakpoint set (hit once, after the loop).
  const plain = measure('bench1_mixed.s', expectations['bench1_mixed.s'], directory);
  const stopping = measure('bench1_mixed.s', expectations['bench1_mixed.s'], directory, 'finish');
  if (typeof plain !== 'string' && typeof stopping !== 'string') {
    const ratio = plain.cpuSeconds / stopping.cpuSeconds;
    console.log(`   bench1_mixed.s with a breakpoint set: ${(stopping.steps / stopping.seconds / 1e6).toFixed(0)} MIPS, ${(ratio * 100).toFixed(0)}% of the speed without (CPU time; ${stopping.correct})`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && process.argv[1].endsWith('bench.ts')) {
  void runEmulatorBenchmarks();
}
