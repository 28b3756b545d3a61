/**
 * Fetching a C function's arguments the way the AAPCS passes them: r0-r3, then
 * the stack at sp; a 64-bit value in an even/odd register pair (skipping r1 or
 * r3 when needed) or an 8-byte-aligned stack slot. Once an argument has gone to
 * the stack, every later one does too. Variadic arguments (printf's) follow the
 * same rules, doubles included, since variadic calls use the base standard.
 */
import { memoryFault, readWord, SP, type LibcFault, type LibcMemory, type RegisterFile } from './memory.js';

export interface ArgumentReader {
  /** The next argument as a signed 32-bit int. */
  int32(): number;
  /** The next argument as an unsigned 32-bit int. */
  uint32(): number;
  /** The next argument as a signed 64-bit value (long long). */
  int64(): bigint;
  /** The next argument as an unsigned 64-bit value. */
  uint64(): bigint;
  /** The next argument as an address. */
  pointer(): number;
  /** Guest memory, for reading the C strings and writing the results arguments point at. */
  readonly memory: LibcMemory;
  /** The first argument that could not be read (a stack slot outside memory), or null. */
  readonly fault: LibcFault | null;
}

/** Reads arguments from a register file and the stack; reset() makes it reusable without allocating. */
export class AapcsArgumentReader implements ArgumentReader {
  readonly registers: RegisterFile;
  readonly memory: LibcMemory;
  fault: LibcFault | null = null;
  private nextRegister = 0;
  private stackAddress = 0;
  private functionName = 'a C function';

  constructor(registers: RegisterFile, memory: LibcMemory) {
    this.registers = registers;
    this.memory = memory;
  }

  /** Starts reading at register `firstRegister` (0 = r0), with the stack arguments at the current sp. */
  reset(firstRegister: number, functionName = 'a C function'): this {
    this.nextRegister = firstRegister;
    this.stackAddress = this.registers[SP] >>> 0;
    this.fault = null;
    this.functionName = functionName;
    return this;
  }

  private stackWord(): number {
    const address = this.stackAddress;
    this.stackAddress = (address + 4) >>> 0;
    const word = readWord(this.memory, address);
    if (word === null) {
      if (this.fault === null) {
        this.fault = memoryFault(this.functionName, 'read', address);
        this.fault.message += ' (reading an argument from the stack)';
      }
      return 0;
    }
    return word;
  }

  uint32(): number {
    if (this.nextRegister < 4) return this.registers[this.nextRegister++] >>> 0;
    return this.stackWord();
  }

  int32(): number {
    return this.uint32() | 0;
  }

  pointer(): number {
    return this.uint32();
  }

  /** The two 32-bit halves of the next 64-bit argument, as [low, high] in `pair`. */
  private pair64(pair: Uint32Array): void {
    if (this.nextRegister < 4) {
      this.nextRegister = (this.nextRegister + 1) & ~1;
      if (this.nextRegister <= 2) {
        pair[0] = this.registers[this.nextRegister];
        pair[1] = this.registers[this.nextRegister + 1];
        this.nextRegister += 2;
        return;
      }
      this.nextRegister = 4;
    }
    this.stackAddress = ((this.stackAddress + 7) & ~7) >>> 0;
    pair[0] = this.stackWord();
    pair[1] = this.stackWord();
  }

  private readonly pair = new Uint32Array(2);

  uint64(): bigint {
    this.pair64(this.pair);
    return (BigInt(this.pair[1]) << 32n) | BigInt(this.pair[0]);
  }

  int64(): bigint {
    return BigInt.asIntN(64, this.uint64());
  }
}

/** Arguments given as a list of values (tests, host-side formatting). Numbers are 32-bit, bigints 64-bit. */
export class ValueArgumentReader implements ArgumentReader {
  readonly memory: LibcMemory;
  readonly fault: LibcFault | null = null;
  private readonly values: readonly (number | bigint)[];
  private index = 0;

  constructor(values: readonly (number | bigint)[], memory: LibcMemory) {
    this.values = values;
    this.memory = memory;
  }

  private next(): number | bigint {
    return this.index < this.values.length ? this.values[this.index++] : 0;
  }

  uint32(): number {
    const value = this.next();
    return typeof value === 'bigint' ? Number(BigInt.asUintN(32, value)) : value >>> 0;
  }

  int32(): number {
    return this.uint32() | 0;
  }

  pointer(): number {
    return this.uint32();
  }

  uint64(): bigint {
    const value = this.next();
    return BigInt.asUintN(64, typeof value === 'bigint' ? value : BigInt(Math.trunc(value)));
  }

  int64(): bigint {
    return BigInt.asIntN(64, this.uint64());
  }
}
