import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AapcsArgumentReader, ValueArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';
import { ArrayMemory, latin1Bytes, latin1Text, SP, writeInteger } from './memory.js';
import { formatPrintf, formatPrintfInto } from './printf.js';

type GoldenArgument = [string, number | string];
interface GoldenCase {
  format: string;
  args: GoldenArgument[];
  result: number;
  output: string;
}

const golden: GoldenCase[] = JSON.parse(readFileSync(new URL('../../../tests/libc-programs/golden/printf.json', import.meta.url), 'utf8'));

/** Lays string arguments out in a memory and turns every argument into a reader value. */
function readerFor(args: GoldenArgument[]): ValueArgumentReader {
  const memory = new ArrayMemory(0x20000, 0x1000);
  let next = 0x20000;
  const values = args.map(([kind, value]) => {
    switch (kind) {
      case 's': {
        const address = next;
        memory.load(address, String(value) + '\0');
        next += String(value).length + 1;
        return address;
      }
      case 'w': {
        const address = next;
        const text = String(value);
        for (let index = 0; index <= text.length; index++) writeInteger(memory, address + 4 * index, index < text.length ? text.charCodeAt(index) : 0, 4);
        next += 4 * (text.length + 1);
        return address;
      }
      case 'l':
        return BigInt(value);
      case 'd':
        return BigInt('0x' + value);
      default:
        return Number(value);
    }
  });
  return new ValueArgumentReader(values, memory);
}

describe('formatPrintf against glibc 2.36 goldens', () => {
  it(`has the checked-in goldens (${golden.length} cases)`, () => {
    expect(golden.length).toBeGreaterThan(8000);
  });

  it('formats every golden case exactly as glibc', () => {
    const failures: string[] = [];
    const output = new ByteBuilder();
    for (const testCase of golden) {
      output.clear();
      const result = formatPrintfInto(output, latin1Bytes(testCase.format), readerFor(testCase.args));
      const text = latin1Text(output.view());
      if (result !== testCase.result || (result >= 0 && text !== testCase.output)) {
        failures.push(`${JSON.stringify(testCase.format)} ${JSON.stringify(testCase.args)}: got ${result} ${JSON.stringify(text)}, glibc ${testCase.result} ${JSON.stringify(testCase.output)}`);
      }
    }
    expect(failures.slice(0, 40)).toEqual([]);
  });
});

describe('formatPrintfInto on part of a buffer', () => {
  it('stops at formatEnd, even inside a conversion', () => {
    const memory = new ArrayMemory(0x20000, 16);
    const output = new ByteBuilder();
    const format = latin1Bytes('%5d|%*d|');
    expect(formatPrintfInto(output, format, new ValueArgumentReader([7, 3, 9], memory), 4)).toBe(6);
    expect(latin1Text(output.view())).toBe('    7|');
    output.clear();
    expect(formatPrintfInto(output, format, new ValueArgumentReader([7, 3, 9], memory), 6)).toBe(-1);
  });

  it('formatPrintf returns the bytes', () => {
    expect(latin1Text(formatPrintf('%s=%lld', new ValueArgumentReader([0x20000, -5n], new ArrayMemory(0x20000, 4))))).toBe('=-5');
  });
});

describe('AAPCS reader with printf', () => {
  it('formats from registers and stack', () => {
    const memory = new ArrayMemory(0x1000, 0x100);
    const registers = new Uint32Array(16);
    registers.set([0, 1, 2, 1]);
    registers[SP] = 0x1000;
    memory.load(0x1000, new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]));
    expect(latin1Text(formatPrintf('%d %lld %lld', new AapcsArgumentReader(registers, memory).reset(1)))).toBe('1 4294967298 3');
  });
});
