import { describe, expect, it } from 'vitest';
import { AapcsArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';
import { ArrayMemory, latin1Text, writeInteger, writeInteger64 } from './memory.js';
import { GlibcRandom } from './random.js';
import { SimpleHeap } from './simple-heap.js';
import { END_OF_INPUT, INPUT_PENDING, lineLength, StdinStream, takeByte } from './stdin.js';

describe('AapcsArgumentReader', () => {
  function machine(): { registers: Int32Array; memory: ArrayMemory } {
    const memory = new ArrayMemory(0x1000, 0x1000);
    const registers = new Int32Array(16);
    registers.set([0x100, -2, 3, 4]);
    registers[13] = 0x1800;
    for (let slot = 0; slot < 8; slot++) writeInteger(memory, 0x1800 + slot * 4, 0x50 + slot, 4);
    return { registers, memory };
  }

  it('takes r0-r3 in order, then stack words', () => {
    const { registers, memory } = machine();
    const reader = new AapcsArgumentReader(registers, memory).reset(1);
    expect([reader.int32(), reader.uint32(), reader.pointer(), reader.int32(), reader.int32()]).toEqual([-2, 3, 4, 0x50, 0x51]);
  });

  it('puts a 64-bit value in r2:r3 after one int, and on an 8-byte-aligned stack slot after r3 is skipped', () => {
    const { registers, memory } = machine();
    const reader = new AapcsArgumentReader(registers, memory).reset(1);
    expect(reader.int32()).toBe(-2);
    expect(reader.uint64()).toBe((4n << 32n) | 3n);
    expect(reader.int32()).toBe(0x50);
    expect(reader.uint64()).toBe((0x53n << 32n) | 0x52n); // skips the word at sp+4
    const again = reader.reset(3);
    expect(again.uint64()).toBe((0x51n << 32n) | 0x50n); // r3 skipped, never used later
    expect(again.int32()).toBe(0x52);
  });

  it('records a fault for a stack argument outside memory and returns 0', () => {
    const { registers, memory } = machine();
    registers[13] = 0x7ffffff0;
    const reader = new AapcsArgumentReader(registers, memory).reset(4, 'printf');
    expect(reader.int32()).toBe(0);
    expect(reader.fault).toMatchObject({ address: 0x7ffffff0, access: 'read' });
    expect(reader.fault?.message).toContain('printf read address 0x7ffffff0');
  });
});

describe('StdinStream', () => {
  it('reports pending, then bytes, then end of input, consuming only what is taken', () => {
    const stream = new StdinStream();
    expect(takeByte(stream)).toBe(INPUT_PENDING);
    expect(stream.waiting).toBe(true);
    stream.append('ab');
    expect([stream.byteAt(0), stream.byteAt(1), stream.byteAt(2)]).toEqual([97, 98, INPUT_PENDING]);
    expect(takeByte(stream)).toBe(97);
    stream.close();
    stream.append('ignored');
    expect([takeByte(stream), takeByte(stream), takeByte(stream)]).toEqual([98, END_OF_INPUT, END_OF_INPUT]);
  });

  it('grows past its first buffer and serves read(2)', () => {
    const stream = new StdinStream();
    const text = 'x'.repeat(1000) + '\n' + 'y'.repeat(300);
    stream.append(text.slice(0, 700));
    stream.append(text.slice(700));
    expect(lineLength(stream, 5000)).toBe(1001);
    expect(lineLength(stream, 10)).toBe(9);
    const target = new Uint8Array(2000);
    expect(stream.read(target)).toBe(1301);
    expect(latin1Text(target.subarray(995, 1003))).toBe('xxxxx\nyy');
    expect(stream.read(target)).toBe(INPUT_PENDING);
    stream.close();
    expect(stream.read(target)).toBe(0);
  });
});

describe('SimpleHeap', () => {
  it('fits first, reuses freed space and merges neighbours', () => {
    const heap = new SimpleHeap(0x1000, 0x1100);
    const a = heap.allocate(16, 0);
    const b = heap.allocate(16, 0);
    const c = heap.allocate(16, 0);
    expect([a, b, c]).toEqual([0x1000, 0x1010, 0x1020]);
    expect(heap.release(b, 0)).toBeNull();
    expect(heap.allocate(8, 0)).toBe(0x1010);
    expect(heap.release(a, 0)).toBeNull();
    expect(heap.release(0x1010, 0)).toBeNull();
    expect(heap.allocate(32, 0)).toBe(0x1000); // a and b merged
    expect(heap.sizeOf(0x1000)).toBe(32);
    expect(heap.allocate(0x100, 0)).toBe(0);
    expect(heap.release(0x1004, 0)).toContain('not the start of an allocated block');
    expect(heap.liveBlocks().map((block) => block.address)).toEqual([0x1000, 0x1020]);
  });
});

describe('small parts', () => {
  it('ByteBuilder grows and copies', () => {
    const builder = new ByteBuilder(2);
    builder.ascii('abc');
    builder.repeat(0x2d, 3);
    builder.bytes(new Uint8Array([0x7a, 0x79]), 1);
    expect(latin1Text(builder.toBytes())).toBe('abc---y');
  });

  it('GlibcRandom restarts from a seed', () => {
    const random = new GlibcRandom(1);
    const first = [random.next(), random.next()];
    random.seed(1);
    expect([random.next(), random.next()]).toEqual(first);
  });

  it('writes 64-bit values little-endian', () => {
    const memory = new ArrayMemory(0, 16);
    expect(writeInteger64(memory, 0, -2n)).toBe(true);
    expect(Array.from(memory.bytes.subarray(0, 8))).toEqual([254, 255, 255, 255, 255, 255, 255, 255]);
    expect(writeInteger64(memory, 12, 1n)).toBe(false);
  });
});
