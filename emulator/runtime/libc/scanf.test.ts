import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ValueArgumentReader } from './arguments.js';
import { ArrayMemory, latin1Bytes } from './memory.js';
import { scanFormat, type ScanOutcome } from './scanf.js';
import { StdinStream, StringInput } from './stdin.js';

interface GoldenCase {
  format: string;
  input: string;
  result: number;
  destinations: string[];
  rest: string;
}

const golden: GoldenCase[] = JSON.parse(readFileSync(new URL('../../../tests/libc-programs/golden/scanf.json', import.meta.url), 'utf8'));
const DESTINATION_BASE = 0x40000;
const DESTINATION_STRIDE = 64;

function setUp(testCase: GoldenCase): { memory: ArrayMemory; args: ValueArgumentReader } {
  const memory = new ArrayMemory(DESTINATION_BASE, DESTINATION_STRIDE * 8 + 256);
  memory.bytes.fill(0x23, 0, DESTINATION_STRIDE * 8);
  memory.load(DESTINATION_BASE + DESTINATION_STRIDE * 8, testCase.input + '\0');
  const pointers = testCase.destinations.map((_, index) => DESTINATION_BASE + index * DESTINATION_STRIDE);
  return { memory, args: new ValueArgumentReader(pointers, memory) };
}

function destinationsOf(memory: ArrayMemory, count: number): string[] {
  return Array.from({ length: count }, (_, index) => Buffer.from(memory.bytes.subarray(index * DESTINATION_STRIDE, index * DESTINATION_STRIDE + 16)).toString('hex'));
}

function remaining(stream: StdinStream): string {
  let text = '';
  for (let byte = stream.readByte(); byte >= 0; byte = stream.readByte()) text += String.fromCharCode(byte);
  return text;
}

function describeCase(testCase: GoldenCase): string {
  return `${JSON.stringify(testCase.format)} on ${JSON.stringify(testCase.input)}`;
}

describe('scanFormat against glibc 2.36 goldens', () => {
  it(`has the checked-in goldens (${golden.length} cases)`, () => {
    expect(golden.length).toBeGreaterThan(900);
  });

  it('gives glibc\'s result, stores and unread input for input that has all arrived', () => {
    const failures: string[] = [];
    for (const testCase of golden) {
      const { memory, args } = setUp(testCase);
      const stream = new StdinStream();
      stream.append(latin1Bytes(testCase.input));
      stream.close();
      const outcome = scanFormat(latin1Bytes(testCase.format), stream, args);
      const got = { result: outcome.kind === 'done' ? outcome.count : outcome.kind, destinations: destinationsOf(memory, testCase.destinations.length), rest: remaining(stream) };
      const expected = { result: testCase.result, destinations: testCase.destinations, rest: testCase.rest };
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${describeCase(testCase)}: got ${JSON.stringify(got)}, glibc ${JSON.stringify(expected)}`);
    }
    expect(failures.slice(0, 40)).toEqual([]);
  });

  it('gives the same answer when the input arrives one byte at a time (restartable, nothing changed while waiting)', () => {
    const failures: string[] = [];
    for (const testCase of golden) {
      const { memory, args } = setUp(testCase);
      const stream = new StdinStream();
      const format = latin1Bytes(testCase.format);
      let outcome: ScanOutcome = scanFormat(format, stream, args);
      let fed = 0;
      for (; outcome.kind === 'needs-input'; fed++) {
        if (memory.bytes.subarray(0, DESTINATION_STRIDE * 8).some((byte) => byte !== 0x23)) failures.push(`${describeCase(testCase)}: memory written while waiting`);
        if (fed < testCase.input.length) stream.append(latin1Bytes(testCase.input[fed]));
        else stream.close();
        outcome = scanFormat(format, stream, new ValueArgumentReader(testCase.destinations.map((_, index) => DESTINATION_BASE + index * DESTINATION_STRIDE), memory));
      }
      if (fed < testCase.input.length) stream.append(latin1Bytes(testCase.input.slice(fed)));
      stream.close();
      const got = { result: outcome.kind === 'done' ? outcome.count : outcome.kind, destinations: destinationsOf(memory, testCase.destinations.length), rest: remaining(stream) };
      const expected = { result: testCase.result, destinations: testCase.destinations, rest: testCase.rest };
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${describeCase(testCase)}: got ${JSON.stringify(got)}, glibc ${JSON.stringify(expected)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });

  it('reads a guest C string the same way for sscanf', () => {
    const failures: string[] = [];
    for (const testCase of golden) {
      if (testCase.input.includes('\0')) continue;
      const { memory, args } = setUp(testCase);
      const input = new StringInput().reset(memory, DESTINATION_BASE + DESTINATION_STRIDE * 8);
      const outcome = scanFormat(latin1Bytes(testCase.format), input, args, 'sscanf');
      const got = { result: outcome.kind === 'done' ? outcome.count : outcome.kind, destinations: destinationsOf(memory, testCase.destinations.length) };
      const expected = { result: testCase.result, destinations: testCase.destinations };
      if (JSON.stringify(got) !== JSON.stringify(expected)) failures.push(`${describeCase(testCase)}: got ${JSON.stringify(got)}, glibc ${JSON.stringify(expected)}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
