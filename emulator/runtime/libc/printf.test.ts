import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AapcsArgumentReader, ValueArgumentReader } from './arguments.js';
import { ByteBuilder } from './byte-builder.js';
import { ArrayMemory, latin1Bytes, latin1Text, SP } from './memory.js';
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
