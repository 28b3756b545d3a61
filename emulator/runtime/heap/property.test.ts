/**
 * Seeded random malloc/calloc/realloc/free sequences against the reference
 * model: the same addresses, no overlap (every live block keeps its bytes in a
 * simulated guest memory), every byte in exactly one node, complete merging,
 * free lists matching the tree, realloc preserving contents, and snapshots that
 * restore to the same state mid-run.
 */
import { describe, expect, it } from 'vitest';
import { BuddyHeap } from './buddy.js';
import { renderHeap } from './render.js';
import { ReferenceBuddy, checkInvariants } from './reference-model.js';
import { restoreHeap, saveHeap } from './snapshot.js';
import { LOCATION_FREED, LOCATION_LIVE, LOCATION_SLACK, LOCATION_UNALLOCATED } from './types.js';
import { seededFractions as random } from '../../testing/random';

const BASE = 0x00200000;


interface Configuration {
  size: number;
  minimumBlock: number;
  quarantine: number;
  redzone?: number;
}

/** A cheap check for the hot loop (vitest's expect costs microseconds per call). */
function same(actual: unknown, expected: unknown): void {
  if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
}

function run(configuration: Configuration, seed: number, operations: number): void {
  const next = random(seed);
  const integer = (limit: number): number => Math.floor(next() * limit);
  const created = BuddyHeap.create({ base: BASE, ...configuration, eventCapacity: 64 });
  if (!created.ok) throw new Error(created.error);
  let heap = created.heap;
  const model = new ReferenceBuddy(configuration.size, configuration.minimumBlock, configuration.quarantine, configuration.redzone ?? 0);
  const memory = new Uint8Array(configuration.size);
  const contents = new Map<number, Uint8Array>();

  const requestSize = (): number => {
    const pick = next();
    if (pick < 0.05) return 0;
    if (pick < 0.6) return 1 + integer(48);
    if (pick < 0.95) return 1 + integer(configuration.size >>> 4);
    return 1 + integer(configuration.size * 2);
  };
  const fill = (offset: number, from: number, to: number, bytes: Uint8Array): void => {
    for (let index = from; index < to; index++) {
      bytes[index] = integer(256);
      memory[offset + index] = bytes[index];
    }
  };
  const randomLive = (): number => {
    const keys = [...model.live.keys()];
    return keys.length ? keys[integer(keys.length)] : -1;
  };
  const verifyBlock = (offset: number): void => {
    const bytes = contents.get(offset) as Uint8Array;
    for (let index = 0; index < bytes.length; index++) if (memory[offset + index] !== bytes[index]) throw new Error(`seed ${seed}: block at +${offset} lost byte ${index}`);
  };

  for (let step = 0; step < operations; step++) {
    const pick = next();
    if (pick < 0.3) {
      const size = requestSize();
      const expected = model.allocate(size);
      const address = heap.allocate(size, 0x10000 + step * 4);
      same(address, expected < 0 ? 0 : BASE + expected);
      if (expected >= 0) {
        const bytes = new Uint8Array(size);
        fill(expected, 0, size, bytes);
        contents.set(expected, bytes);
      }
    } else if (pick < 0.4) {
      const overflow = next() < 0.1;
      const count = overflow ? 0x10000 : 1 + integer(8);
      const each = overflow ? 0x10001 : 1 + integer(24);
      const expected = overflow ? -1 : model.allocate(count * each);
      const address = heap.allocateArray(count, each, 0x20000);
      same(address, expected < 0 ? 0 : BASE + expected);
      if (expected >= 0) {
        memory.fill(0, expected, expected + count * each);
        contents.set(expected, new Uint8Array(count * each));
      }
    } else if (pick < 0.55) {
      const offset = next() < 0.1 ? -1 : randomLive();
      const size = next() < 0.1 ? 0 : requestSize();
      const outcome = heap.resize(offset < 0 ? 0 : BASE + offset, size, 0x30000);
      if (offset < 0) {
        const expected = model.allocate(size);
        same(outcome.address, expected < 0 ? 0 : BASE + expected);
        if (expected >= 0) {
          const bytes = new Uint8Array(size);
          fill(expected, 0, size, bytes);
          contents.set(expected, bytes);
        }
      } else if (size === 0) {
        same(outcome.kind, 'freed');
        model.release(offset);
        contents.delete(offset);
      } else {
        const old = contents.get(offset) as Uint8Array;
        const expected = model.resize(offset, size);
        if (expected < 0) {
          same(outcome.kind, 'failed');
          verifyBlock(offset);
          continue;
        }
        same(outcome.address, BASE + expected);
        same(outcome.kind, expected === offset ? 'in-place' : 'moved');
        if (outcome.kind === 'moved') {
          expect(outcome).toMatchObject({ from: BASE + offset, copyLength: Math.min(old.length, size) });
          memory.copyWithin(expected, offset, offset + outcome.copyLength);
        }
        contents.delete(offset);
        const bytes = new Uint8Array(size);
        bytes.set(old.subarray(0, Math.min(old.length, size)));
        for (let index = 0; index < Math.min(old.length, size); index++) same(memory[expected + index], old[index]);
        fill(expected, Math.min(old.length, size), size, bytes);
        contents.set(expected, bytes);
      }
    } else if (pick < 0.92) {
      const offset = randomLive();
      if (offset < 0) continue;
      expect(heap.free(BASE + offset, 0x40000)).toBeNull();
      model.release(offset);
      contents.delete(offset);
      if (next() < 0.2) same(heap.free(BASE + offset, 0x40004)?.kind, 'double-free');
    } else {
      const offset = randomLive();
      if (offset < 0) continue;
      const requested = (contents.get(offset) as Uint8Array).length;
      const inside = 8 * (1 + integer(4));
      same(heap.locate(BASE + offset), requested === 0 ? LOCATION_SLACK : LOCATION_LIVE);
      if (inside < heap.blockSizeOf(BASE + offset)) {
        expect(heap.free(BASE + offset + inside, 0x50000)).toMatchObject({ kind: 'invalid-free', reason: 'inside-live-block', offset: inside });
        same(heap.locate(BASE + offset + inside), inside < requested ? LOCATION_LIVE : LOCATION_SLACK);
      }
      const location = heap.locate(BASE + integer(configuration.size));
      expect([LOCATION_LIVE, LOCATION_SLACK, LOCATION_FREED, LOCATION_UNALLOCATED]).toContain(location);
    }

    const broken = checkInvariants(heap);
    if (broken) throw new Error(`seed ${seed}, operation ${step}: ${broken}`);
    same(heap.liveBlocks, model.live.size);
    if (step % 97 === 0) for (const offset of contents.keys()) verifyBlock(offset);
    if (step % 211 === 0) {
      const saved = saveHeap(heap);
      const restored = restoreHeap(JSON.parse(JSON.stringify(saved)));
      if (!restored.ok) throw new Error(restored.error);
      expect(saveHeap(restored.heap)).toEqual(saved);
      same(renderHeap(restored.heap), renderHeap(heap));
      heap = restored.heap;
    }
  }
  for (const offset of contents.keys()) {
    verifyBlock(offset);
    same(heap.sizeOf(BASE + offset), (contents.get(offset) as Uint8Array).length);
  }
}

describe('BuddyHeap against the reference model', () => {
  const configurations: Configuration[] = [
    { size: 4096, minimumBlock: 16, quarantine: 0 },
    { size: 65536, minimumBlock: 8, quarantine: 0 },
    { size: 16384, minimumBlock: 32, quarantine: 5 },
    { size: 8192, minimumBlock: 8192, quarantine: 0 },
    { size: 16384, minimumBlock: 16, quarantine: 0, redzone: 8 },
  ];
  for (const configuration of configurations)
    for (const seed of [1, 2, 3, 2024])
      it(`size ${configuration.size}, minimum block ${configuration.minimumBlock}, quarantine ${configuration.quarantine}${configuration.redzone ? `, redzone ${configuration.redzone}` : ''}, seed ${seed}`, () => {
        run(configuration, seed, 6000);
      });
});
