/**
 * The buddy heap behind the built-in C library's malloc/calloc/realloc/free
 * through libc's HeapAllocator interface, as the runtime will wire it.
 */
import { describe, expect, it } from 'vitest';
import { TestMachine, HEAP_BASE, HEAP_LIMIT } from '../libc/test-machine.js';
import { BuddyHeap } from './buddy.js';
import { checkInvariants } from './reference-model.js';

function machineWithBuddyHeap(): { machine: TestMachine; heap: BuddyHeap } {
  const machine = new TestMachine();
  const created = BuddyHeap.create({ base: HEAP_BASE, size: HEAP_LIMIT - HEAP_BASE });
  if (!created.ok) throw new Error(created.error);
  machine.context.heap = created.heap;
  return { machine, heap: created.heap };
}

describe('BuddyHeap as libc heap', () => {
  it('serves malloc, calloc, realloc and free', () => {
    const { machine, heap } = machineWithBuddyHeap();
    expect(machine.call('malloc', 20)).toEqual({ kind: 'return' });
    const block = machine.registers[0];
    expect(block).toBe(HEAP_BASE);
    machine.memory.load(block, 'hello, buddy');
    machine.call('realloc', block, 100);
    const moved = machine.registers[0];
    expect(heap.sizeOf(moved)).toBe(100);
    expect(machine.call('strlen', moved)).toEqual({ kind: 'return' });
    expect(machine.registers[0]).toBe(12);
    machine.call('calloc', 4, 8);
    const zeroed = machine.registers[0];
    expect(heap.sizeOf(zeroed)).toBe(32);
    machine.call('free', moved);
    machine.call('free', zeroed);
    machine.call('free', 0);
    expect(heap.liveBlocks).toBe(0);
    expect(checkInvariants(heap)).toBeNull();
  });

  it('aborts on a double free with the heap reason', () => {
    const { machine } = machineWithBuddyHeap();
    machine.call('malloc', 8);
    const block = machine.registers[0];
    machine.call('free', block);
    expect(machine.call('free', block)).toMatchObject({ kind: 'signal', signal: 'SIGABRT', message: expect.stringContaining('double free') });
  });
});
