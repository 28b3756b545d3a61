/**
 * `npm run bench`: Sherwood's speed figures. Each section is one benchmark
 * with its own target; later emulator benchmarks are further entries in
 * SECTIONS. A benchmark, not a test: it prints figures and never fails a build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assemble } from '../emulator/assembler/index';
import { GNU_AS, hasTool } from '../tests/tools';
import { ONE_PROGRAM_FLAG, runEmulatorBenchmarks, runOneProgram } from '../emulator/cpu/bench';
import { runHeapBenchmarks } from '../emulator/runtime/heap/bench';

interface BenchSection {
  name: string;
  run(): void | Promise<void>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)];
}

function format(milliseconds: number): string {
  return `${milliseconds.toFixed(milliseconds < 10 ? 2 : 1)} ms`;
}

/** A teaching-style program of `lines` lines: arithmetic, memory, branches, labels, pools, data. */
export function generateSource(lines: number): string {
  const out: string[] = ['.syntax unified', '.text', '.global _start', '_start:'];
  const forms = [
    (i: number) => `  add r${i % 8}, r${(i + 1) % 8}, #${i % 200}`,
    (i: number) => `  subs r${i % 8}, r${(i + 3) % 8}, r${(i + 5) % 8}, lsl #${(i % 31) + 1}`,
    (i: number) => `  ldr r${i % 8}, [r${(i + 2) % 8}, #${(i % 64) * 4}]`,
    (i: number) => `  str r${i % 8}, [sp, #-4]!`,
    (i: number) => `  cmp r${i % 8}, #${i % 100}`,
    (i: number) => `  bne L${Math.max(0, Math.floor(i / 10) - 1)}`,
    (i: number) => `  mov r${i % 8}, r${(i + 4) % 8}   @ comment ${i}`,
    (i: number) => `  push {r4-r7, lr}`,
    (i: number) => `  ldr r${i % 8}, =0x${(0x12345600 + i).toString(16)}`,
    (i: number) => `L${Math.floor(i / 10)}:`,
  ];
  let index = 0;
  while (out.length < lines - 8) {
    out.push(forms[index % forms.length](index));
    index++;
    if (index % 200 === 0) out.push('  b 1f', '  .ltorg', '1:');
  }
  out.push('  bx lr', '.data', 'value: .word 1, 2, 3', 'text: .asciz "hello"', '.bss', 'buffer: .space 256');
  while (out.length < lines) out.push('  .word 0');
  return out.join('\n') + '\n';
}

/** Wall time of one `assemble` of `source`, in ms; throws when it does not assemble. */
function timeAssembleOnce(source: string): number {
  const start = performance.now();
  const result = assemble(source, { file: 'bench.s' });
  const time = performance.now() - start;
  if (!result.ok) {
    const first = result.diagnostics[0];
    throw new Error(`the benchmark source did not assemble: ${first?.line}: ${first?.message}`);
  }
  return time;
}

function timeAssemble(source: string, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) times.push(timeAssembleOnce(source));
  return median(times);
}

/**
 * Sherwood and GNU as on the same file, runs alternating so that both meet
 * the same machine load: medians of each, in ms (gnu undefined when `as` is
 * not installed or rejects the file).
 */
function timeBoth(source: string, runs: number): { ours: number; gnu: number | undefined } {
  const ours: number[] = [];
  const gnu: number[] = [];
  const installed = hasTool(GNU_AS);
  const directory = installed ? mkdtempSync(join(tmpdir(), 'sherwood-bench-')) : '';
  try {
    const path = join(directory, 'bench.s');
    if (installed) writeFileSync(path, source);
    let gnuFailed = !installed;
    for (let run = 0; run < runs; run++) {
      ours.push(timeAssembleOnce(source));
      if (gnuFailed) continue;
      const start = performance.now();
      const result = spawnSync(GNU_AS, ['-march=armv7ve', path, '-o', join(directory, 'bench.o')]);
      gnu.push(performance.now() - start);
      if (result.status !== 0) gnuFailed = true;
    }
    return { ours: median(ours), gnu: gnuFailed ? undefined : median(gnu) };
  } finally {
    if (installed) rmSync(directory, { recursive: true, force: true });
  }
}

const SECTIONS: BenchSection[] = [
  {
    name: 'assembler: 100,000-line file (target: at least as fast as GNU as)',
    run() {
      const lines = 100_000;
      const source = generateSource(lines);
      timeAssemble(source, 3); // warm up
      const runs = 9;
      const { ours, gnu } = timeBoth(source, runs);
      console.log(`  Sherwood: ${format(ours)} (median of ${runs}), ${Math.round((lines / ours) * 1000).toLocaleString('en-US')} lines/s`);
      if (gnu === undefined) {
        console.log(`  GNU as: not installed or failed (${GNU_AS}); no ratio`);
        return;
      }
      console.log(`  GNU as:   ${format(gnu)} (median of ${runs}, process wall time, runs alternating with Sherwood's), ${Math.round((lines / gnu) * 1000).toLocaleString('en-US')} lines/s`);
      console.log(`  ratio: Sherwood is ${(gnu / ours).toFixed(2)}x the speed of GNU as ${gnu >= ours ? '(target met)' : '(target NOT met)'}`);
    },
  },
  {
    name: 'assembler: re-assembling a 2,000-line file, as on each keystroke (target: 5 ms or less)',
    run() {
      const source = generateSource(2_000);
      timeAssemble(source, 50); // warm up
      const ours = timeAssemble(source, 301);
      console.log(`  Sherwood: ${format(ours)} (median of 301) ${ours <= 5 ? '(target met)' : '(target NOT met)'}`);
    },
  },
  {
    name: 'emulator: ../shared/bench programs, MIPS beside qemu-arm in the same run (target: 150 MIPS each; with every memory diagnostic on at least half the speed)',
    run: runEmulatorBenchmarks,
  },
  {
    name: 'heap: buddy allocator, 10,000 live blocks, 1,000,000 random malloc/free (target: median 100 ns per operation or less)',
    run: runHeapBenchmarks,
  },
];

async function main(): Promise<void> {
  // The emulator section measures each program in a child process: this same script, asked for one program.
  if (process.argv[2] === ONE_PROGRAM_FLAG) {
    runOneProgram(process.argv[3] ?? '', process.argv[4] ?? 'on');
    return;
  }
  const only = process.argv[2];
  for (const section of SECTIONS) {
    if (only && !section.name.includes(only)) continue;
    console.log(section.name);
    await section.run();
  }
}

await main();
