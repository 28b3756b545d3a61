/**
 * Heap benchmark for `npm run bench`: 10,000 live blocks, then 1,000,000
 * random operations (a free of a random live block or a malloc of 1..256
 * bytes, keeping about 10,000 live), timed per batch; prints the median
 * nanoseconds per operation over several batches, as wall time and as CPU time
 * (steadier when other processes share the machine). The random choices are
 * made before timing, so only the allocator is measured.
 */
import { BuddyHeap } from './buddy.js';

const LIVE = 10_000;
const OPERATIONS = 1_000_000;
const BATCHES = 7;
const TARGET_NANOSECONDS = 100;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export interface HeapBenchmarkResult {
  /** Median wall time over the batches. */
  nanosecondsPerOperation: number;
  /** Median CPU time (user + system) over the batches: steadier than wall time on a loaded machine. */
  cpuNanosecondsPerOperation: number;
  batches: number[];
  liveBlocks: number;
  operations: number;
}

/** Runs the batches and returns the figures (runHeapBenchmarks prints them). */
export function measureHeap(operations = OPERATIONS, batches = BATCHES, eventCapacity = 1024): HeapBenchmarkResult {
  const next = generator(0x5eed);
  // Each operation: a free (code -1 - index into the live table) or a malloc (code = size).
  const plan = new Int32Array(operations);
  let live = LIVE;
  for (let index = 0; index < operations; index++) {
    const freeIt = live > 0 && (live >= LIVE + 64 || (live > LIVE - 64 && next() < 0.5));
    if (freeIt) {
      plan[index] = -1 - Math.floor(next() * live);
      live--;
    } else {
      plan[index] = 1 + Math.floor(next() * 256);
      live++;
    }
  }
  const times: number[] = [];
  const cpuTimes: number[] = [];
  let liveAtEnd = 0;
  // One more batch than counted: the first warms up the JIT and is dropped.
  for (let batch = 0; batch <= batches; batch++) {
    const created = BuddyHeap.create({ base: 0x00100000, size: 4 << 20, eventCapacity });
    if (!created.ok) throw new Error(created.error);
    const heap = created.heap;
    const table = new Uint32Array(LIVE + 128);
    let count = 0;
    for (; count < LIVE; count++) table[count] = heap.allocate(1 + Math.floor(next() * 256), 0x10000);
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    for (let index = 0; index < operations; index++) {
      const code = plan[index];
      if (code < 0) {
        const slot = -1 - code;
        heap.free(table[slot], 0x10004);
        table[slot] = table[--count];
      } else table[count++] = heap.allocate(code, 0x10008);
    }
    const elapsed = Number(process.hrtime.bigint() - start);
    const cpu = process.cpuUsage(startCpu);
    if (batch === 0) continue;
    times.push(elapsed / operations);
    cpuTimes.push(((cpu.user + cpu.system) * 1000) / operations);
    liveAtEnd = heap.liveBlocks;
  }
  return { nanosecondsPerOperation: median(times), cpuNanosecondsPerOperation: median(cpuTimes), batches: times, liveBlocks: liveAtEnd, operations };
}

export async function runHeapBenchmarks(): Promise<void> {
  const verdict = (value: number): string => (value <= TARGET_NANOSECONDS ? 'within' : 'OVER');
  console.log(`Buddy heap (4 MiB, 16-byte minimum block): ${LIVE} live blocks, ${OPERATIONS} random malloc/free per batch, median of ${BATCHES} batches after a warm-up batch`);
  for (const [label, capacity] of [
    ['with the event log (1024 events)', 1024],
    ['without the event log', 0],
  ] as const) {
    const result = measureHeap(OPERATIONS, BATCHES, capacity);
    const wall = result.nanosecondsPerOperation;
    console.log(
      `  ${label}: ${wall.toFixed(1)} ns/operation wall (${verdict(wall)} the ${TARGET_NANOSECONDS} ns target), ${result.cpuNanosecondsPerOperation.toFixed(1)} ns CPU, fastest batch ${Math.min(...result.batches).toFixed(1)} ns, ${result.liveBlocks} live at the end; batches ${result.batches.map((time) => time.toFixed(0)).join(', ')} ns`,
    );
  }
}
