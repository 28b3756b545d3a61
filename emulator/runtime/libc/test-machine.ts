/**
 * A tiny machine for exercising the built-ins without the CPU: registers, one
 * flat memory (data at 0x20000, heap at 0x30000, stack below 0x80000), stdin,
 * a stdout collector and the simple heap. Used by the tests; also handy for
 * host-side experiments.
 */
import { LibcContext, type BuiltinOutcome } from './context.js';
import { ArrayMemory, latin1Bytes, latin1Text, SP, LR, writeInteger, writeInteger64 } from './memory.js';
import { findBuiltin } from './registry.js';
import { SimpleHeap } from './simple-heap.js';
import { StdinStream } from './stdin.js';

export const DATA_BASE = 0x20000;
export const HEAP_BASE = 0x30000;
export const HEAP_LIMIT = 0x40000;
export const STACK_TOP = 0x80000;
export const MEMORY_BASE = 0x10000;

/** An argument for call(): a 32-bit number, a 64-bit bigint, or a string (placed in memory; its address is passed). */
export type CallArgument = number | bigint | string;

export class TestMachine {
  readonly registers = new Uint32Array(16);
  readonly memory = new ArrayMemory(MEMORY_BASE, STACK_TOP - MEMORY_BASE);
  readonly stdin = new StdinStream();
  readonly heap = new SimpleHeap(HEAP_BASE, HEAP_LIMIT);
  private output: number[] = [];
  private nextData = DATA_BASE;
  readonly context: LibcContext;

  constructor() {
    this.context = new LibcContext({
      registers: this.registers,
      memory: this.memory,
      stdin: this.stdin,
      stdout: { write: (bytes) => this.output.push(...bytes) },
      heap: this.heap,
      clock: () => 1_700_000_000,
    });
  }

  /** Places a NUL-terminated string in data memory; returns its address. */
  string(text: string): number {
    const address = this.nextData;
    this.memory.load(address, text + '\0');
    this.nextData += text.length + 1 + ((4 - ((text.length + 1) & 3)) & 3);
    return address;
  }

  /** Reserves zeroed data memory; returns its address. */
  reserve(size: number): number {
    const address = this.nextData;
    this.nextData += (size + 7) & ~7;
    return address;
  }

  /** Lays out arguments as the AAPCS says (as gcc does for a call) and runs the built-in `name`. */
  call(name: string, ...args: CallArgument[]): BuiltinOutcome {
    this.setArguments(args);
    const entry = findBuiltin(name);
    if (!entry) throw new Error(`no built-in ${name}`);
    return entry.call(this.context);
  }

  /** Registers r0-r3 and the stack for `args`; sp ends 8-byte aligned at the first stack argument. */
  setArguments(args: CallArgument[]): void {
    const values = args.map((value) => (typeof value === 'string' ? this.string(value) : value));
    let register = 0;
    const stack: { offset: number; value: number | bigint }[] = [];
    let stackOffset = 0;
    for (const value of values) {
      if (typeof value === 'bigint') {
        if (register < 4) register = (register + 1) & ~1;
        if (register <= 2) {
          this.registers[register++] = Number(BigInt.asUintN(32, value));
          this.registers[register++] = Number(BigInt.asUintN(32, value >> 32n));
          continue;
        }
        register = 4;
        stackOffset = (stackOffset + 7) & ~7;
        stack.push({ offset: stackOffset, value });
        stackOffset += 8;
      } else if (register < 4) this.registers[register++] = value >>> 0;
      else {
        stack.push({ offset: stackOffset, value });
        stackOffset += 4;
      }
    }
    const sp = (STACK_TOP - 0x100 - ((stackOffset + 7) & ~7)) >>> 0;
    this.registers[SP] = sp;
    this.registers[LR] = 0x10abc;
    for (const { offset, value } of stack) {
      if (typeof value === 'bigint') writeInteger64(this.memory, sp + offset, value);
      else writeInteger(this.memory, sp + offset, value, 4);
    }
  }

  /** Everything written to stdout so far, then cleared. */
  takeOutput(): string {
    const text = latin1Text(Uint8Array.from(this.output));
    this.output = [];
    return text;
  }

  readString(address: number): string {
    let text = '';
    for (let byte = this.memory.readByte(address); byte > 0; byte = this.memory.readByte(++address)) text += String.fromCharCode(byte);
    return text;
  }

  readWord(address: number): number {
    const bytes = this.memory.bytes;
    const offset = address - MEMORY_BASE;
    return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
  }

  get r0(): number {
    return this.registers[0];
  }

  type(text: string): void {
    this.stdin.append(latin1Bytes(text));
  }
}
