import { describe, expect, it } from 'vitest';
import type { GuestMemory, MachineState, MemoryLayout, ProcessIo, TrapContext } from '../../cpu/interfaces.js';
import { ArrayMemory, latin1Bytes, latin1Text } from './memory.js';
import { createTrapBuiltins, createTrapLibrary } from './trap-adapter.js';

/** A process as the trap driver presents it: only what the library touches is real. */
function fakeProcess(): { context: TrapContext; output: number[]; input: { bytes: number[]; closed: boolean } } {
  const memory = new ArrayMemory(0x10000, 0x80000);
  const registers = new Int32Array(16);
  registers[13] = 0x80000;
  const output: number[] = [];
  const input = { bytes: [] as number[], closed: false };
  const io: ProcessIo = {
    writeOutput: (_fd, bytes) => output.push(...bytes),
    availableInput: () => Uint8Array.from(input.bytes),
    consumeInput: (count) => void input.bytes.splice(0, count),
    get inputClosed() {
      return input.closed;
    },
    warn: () => {},
  } as ProcessIo;
  const layout: MemoryLayout = { brkStart: 0, brkLimit: 0, heapStart: 0x40000, heapEnd: 0x50000, stackTop: 0x90000, stackLimit: 0x60000 };
  const machine = { registers, n: 0, z: 0, c: 0, v: 0, steps: 0 } as MachineState;
  return { context: { machine, memory: memory as unknown as GuestMemory, io, layout }, output, input };
}

describe('the trap adapter', () => {
  const builtins = createTrapBuiltins({ clock: () => 42 });
  const byName = new Map(builtins.map((builtin) => [builtin.name, builtin]));

  it('runs printf against the process registers, memory and stdout', () => {
    const { context, output } = fakeProcess();
    const memory = context.memory as unknown as ArrayMemory;
    memory.load(0x20000, latin1Bytes('n=%d s=%s\n\0'));
    memory.load(0x20100, latin1Bytes('ok\0'));
    context.machine.registers.set([0x20000, -5, 0x20100]);
    expect(byName.get('printf')!.call(context)).toEqual({ kind: 'continue' });
    expect(latin1Text(Uint8Array.from(output))).toBe('n=-5 s=ok\n');
    expect(context.machine.registers[0]).toBe(10);
  });

  it('waits for input, then reads it through the runtime buffer', () => {
    const { context, input } = fakeProcess();
    const memory = context.memory as unknown as ArrayMemory;
    memory.load(0x20000, latin1Bytes('%d\0'));
    context.machine.registers.set([0x20000, 0x30000]);
    expect(byName.get('scanf')!.call(context)).toEqual({ kind: 'wait-for-input' });
    input.bytes.push(...latin1Bytes('314 rest'));
    context.machine.registers.set([0x20000, 0x30000]);
    expect(byName.get('scanf')!.call(context)).toEqual({ kind: 'continue' });
    expect(memory.readByte(0x30000) | (memory.readByte(0x30001) << 8)).toBe(314);
    expect(latin1Text(Uint8Array.from(input.bytes))).toBe(' rest');
  });

  it('keeps malloc state per process and maps exits, signals and faults', () => {
    const { context } = fakeProcess();
    context.machine.registers[0] = 24;
    byName.get('malloc')!.call(context);
    expect(context.machine.registers[0]).toBe(0x40000);
    context.machine.registers[0] = 24;
    byName.get('malloc')!.call(context);
    // the default heap is the Buddy System: 24 bytes take a 32-byte block
    expect(context.machine.registers[0]).toBe(0x40020);
    context.machine.registers[0] = 7;
    expect(byName.get('exit')!.call(context)).toEqual({ kind: 'exit', code: 7 });
    expect(byName.get('abort')!.call(context)).toEqual({ kind: 'fault', message: 'SIGABRT: abort() was called' });
    context.machine.registers[0] = 0;
    expect(byName.get('strlen')!.call(context)).toMatchObject({ kind: 'fault', message: expect.stringContaining('strlen read address 0x00000000') });
    context.machine.registers[0] = 0;
    byName.get('time')!.call(context);
    expect(context.machine.registers[0]).toBe(42);
  });

  it('buffers stdout fully when asked, flushes on exit() and drops on discard', () => {
    const library = createTrapLibrary({ stdoutMode: 'full' });
    const { context, output } = fakeProcess();
    const call = (name: string): unknown => library.builtins.find((builtin) => builtin.name === name)!.call(context);
    context.machine.registers[0] = 0x41;
    call('putchar');
    expect(output).toEqual([]);
    context.machine.registers[0] = 0;
    expect(call('exit')).toEqual({ kind: 'exit', code: 0 });
    expect(output).toEqual([0x41]);
    context.machine.registers[0] = 0x42;
    call('putchar');
    expect(Array.from(library.discard(context))).toEqual([0x42]);
    library.flush(context);
    expect(output).toEqual([0x41]);
    context.machine.registers[0] = 8;
    call('malloc');
    const first = context.machine.registers[0];
    library.forget(context);
    context.machine.registers[0] = 8;
    call('malloc');
    expect(context.machine.registers[0]).toBe(first);
  });
});
