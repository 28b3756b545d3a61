import { describe, expect, it } from 'vitest';
import { BUILTIN_FUNCTIONS } from './registry.js';
import { DATA_BASE, MEMORY_BASE, STACK_TOP, TestMachine } from './test-machine.js';

/** mulberry32: the same sequence on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
}

const FORMAT_PIECES = ['%', '1$', '2$', '*3$', 'd', 's', 'x', 'c', 'p', 'n', 'l', 'h', '*', '.', '-', '0', '9', ' ', '[', ']', '^', 'a', '\n', 'f', 'g', 'e', '#', '+', 'z', 'j', '%%'];
const KINDS = new Set(['return', 'waiting-for-input', 'exit', 'signal', 'fault']);

describe('no input makes a built-in throw', () => {
  it('survives random registers, memory, formats and stdin for every function (seeded)', () => {
    const random = generator(0xf022);
    const names = [...BUILTIN_FUNCTIONS.keys()];
    let calls = 0;
    for (let round = 0; round < 400; round++) {
      const machine = new TestMachine();
      // Random bytes and random printf/scanf-like text in the data area.
      for (let offset = 0; offset < 0x1000; offset++) machine.memory.writeByte(DATA_BASE + offset, random() & 0xff);
      for (let text = 0; text < 16; text++) {
        let format = '';
        const length = random() % 12;
        for (let piece = 0; piece < length; piece++) format += FORMAT_PIECES[random() % FORMAT_PIECES.length];
        machine.memory.load(DATA_BASE + 0x1000 + text * 64, format.slice(0, 62) + '\0');
      }
      if (random() & 1) machine.type(String.fromCharCode(...Array.from({ length: random() % 20 }, () => random() & 0xff)));
      if (random() & 1) machine.stdin.close();
      for (const name of names) {
        const pick = (): number => {
          switch (random() % 6) {
            case 0: return DATA_BASE + 0x1000 + (random() % 16) * 64;
            case 1: return DATA_BASE + (random() % 0x1000);
            case 2: return random() % 64;
            case 3: return MEMORY_BASE + (random() % (STACK_TOP - MEMORY_BASE));
            case 4: return random() % 300;
            default: return random();
          }
        };
        for (let index = 0; index < 4; index++) machine.registers[index] = pick();
        machine.registers[13] = random() % 4 === 0 ? random() : STACK_TOP - 0x40 - (random() % 64) * 4;
        machine.registers[14] = 0x10abc;
        const outcome = BUILTIN_FUNCTIONS.get(name)!.call(machine.context);
        expect(KINDS.has(outcome.kind), name).toBe(true);
        calls++;
      }
    }
    expect(calls).toBeGreaterThan(15000);
  });
});
