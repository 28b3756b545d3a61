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
import { runEmulatorBenchmarks } from '../emulator/cpu/bench';
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

/** Wall time of one run of GNU as on `source`, in ms (median of `runs`). */
function timeGnuAs(source: string, runs: number): number | undefined {
  if (!hasTool(GNU_AS)) return undefined;
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-bench-'));
  try {
    const path = join(directory, 'bench.s');
    writeFileSync(path, source);
    const times: number[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      const result = spawnSync(GNU_AS, ['-march=armv7ve', path, '-o', join(directory, 'bench.o')]);
      times.push(performance.now() - start);
      if (result.status !== 0) return undefined;
    }
    return median(times);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function timeAssemble(source: string, runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = assemble(source, { file: 'bench.s' });
    times.push(performance.now() - start);
    if (!result.ok) {
      const first = result.diagnostics[0];
      throw new Error(`the benchmark source did not assemble: ${first?.line}: ${first?.message}`);
    }
  }
  return median(times);
}

const SECTIONS: BenchSection[] = [
  {
    name: 'assembler: 100,000-line file (target: at least as fast as GNU as)',
    run() {
      const lines = 100_000;
      const source = generateSource(lines);
      timeAssemble(source, 3); // warm up
      const ours = timeAssemble(source, 7);
      console.log(`  Sherwood: ${format(ours)} (median of 7), ${Math.round((lines / ours) * 1000).toLocaleString('en-US')} lines/s`);
      const gnu = timeGnuAs(source, 5);
      if (gnu === undefined) {
        console.log(`  GNU as: not installed (${GNU_AS}); no ratio`);
        return;
      }
      console.log(`  GNU as:   ${format(gnu)} (median of 5, process wall time), ${Math.round((lines / gnu) * 1000).toLocaleString('en-US')} lines/s`);
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
    name: 'emulator: ../shared/bench programs, MIPS beside qemu-arm in the same run (target: 150 MIPS each)',
    run: runEmulatorBenchmarks,
  },
  {
    name: 'heap: buddy allocator, 10,000 live blocks, 1,000,000 random malloc/free (target: median 100 ns per operation or less)',
    run: runHeapBenchmarks,
  },
];

async function main(): Promise<void> {
  const only = process.argv[2];
  for (const section of SECTIONS) {
    if (only && !section.name.includes(only)) continue;
    console.log(section.name);
    await section.run();
  }
}

await main();
