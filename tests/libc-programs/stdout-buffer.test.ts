import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { latin1Bytes, latin1Text } from '../../emulator/runtime/libc/memory.js';
import { StdoutBuffer } from '../../emulator/runtime/libc/stdout-buffer.js';
import { compileAndRun } from './glibc.js';
import { generateStdoutCases, markerPositions, stdoutProgram, type StdoutCase } from './stdout-cases.js';
import { GNU_GCC, hasTool, missingTools, QEMU_ARM } from '../tools.js';

const golden = JSON.parse(readFileSync(new URL('golden/stdout.json', import.meta.url), 'utf8')) as ReturnType<typeof markerPositions>[];

/** Replays a case through StdoutBuffer: fputs and putchar buffered, write(1) straight to the pipe, exit flushes. */
function replay(testCase: StdoutCase): string {
  const pipe: string[] = [];
  const stdout = new StdoutBuffer((bytes) => pipe.push(latin1Text(bytes)), testCase.mode);
  for (const operation of testCase.operations) {
    if (operation[0] === 's') stdout.write(latin1Bytes(operation[1]));
    else if (operation[0] === 'c') stdout.write(Uint8Array.of(operation[1]));
    else pipe.push(operation[1]);
  }
  stdout.flush();
  return pipe.join('');
}

describe('StdoutBuffer flushes when glibc does', () => {
  const cases = generateStdoutCases();

  it(`matches ${golden.length} recorded glibc runs (full and line buffering)`, () => {
    expect(cases.length).toBe(golden.length);
    cases.forEach((testCase, index) => expect(markerPositions(replay(testCase)), `case ${index} (${testCase.mode})`).toEqual(golden[index]));
  });

  it('loses what is buffered on a crash, and flushes a line-buffered prompt before waiting for input', () => {
    const pipe: string[] = [];
    const full = new StdoutBuffer((bytes) => pipe.push(latin1Text(bytes)), 'full');
    full.write(latin1Bytes('hello\n'));
    expect(latin1Text(full.discard())).toBe('hello\n');
    expect(pipe).toEqual([]);
    const line = new StdoutBuffer((bytes) => pipe.push(latin1Text(bytes)), 'line');
    line.write(latin1Bytes('Enter a number: '));
    expect(line.pending).toBe(16);
    line.beforeInputWait();
    expect(pipe).toEqual(['Enter a number: ']);
    const none = new StdoutBuffer((bytes) => pipe.push(latin1Text(bytes)), 'none');
    none.write(latin1Bytes('x'));
    expect(pipe.at(-1)).toBe('x');
  });
});

describe.skipIf(!hasTool(GNU_GCC) || !hasTool(QEMU_ARM))('stdout goldens still match glibc (live)' + missingTools(GNU_GCC, QEMU_ARM), () => {
  it('first four cases', () => {
    generateStdoutCases().slice(0, 4).forEach((testCase, index) => expect(markerPositions(compileAndRun(stdoutProgram(testCase)).stdout.toString('latin1'))).toEqual(golden[index]));
  });
});
