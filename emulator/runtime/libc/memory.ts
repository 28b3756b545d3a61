/**
 * The narrow view of the machine the built-in C library works through: a
 * register file and a byte-addressed guest memory. The runtime adapts its
 * memory bus to `LibcMemory`; a failed access is reported as a value (-1 or
 * false), never thrown, and the library turns it into a `LibcFault`.
 */

/** r0..r15 as the CPU keeps them. Values are read with `>>> 0` / `| 0`, so either array kind works. */
export type RegisterFile = Uint32Array | Int32Array;

export const SP = 13;
export const LR = 14;
export const PC = 15;

export interface LibcMemory {
  /** The byte at `address` (0..255), or -1 when it cannot be read. */
  readByte(address: number): number;
  /** Stores the low 8 bits of `value`; false when the address cannot be written. */
  writeByte(address: number, value: number): boolean;
}

/** A guest memory access the library could not make (a C program would crash with SIGSEGV here). */
export interface LibcFault {
  address: number;
  access: 'read' | 'write';
  /** Plain words, e.g. 'strlen read address 0x00000000, which is not readable memory'. */
  message: string;
}

export function hex32(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

export function memoryFault(functionName: string, access: 'read' | 'write', address: number): LibcFault {
  const verb = access === 'read' ? 'read' : 'wrote to';
  return {
    address: address >>> 0,
    access,
    message: `${functionName} ${verb} address ${hex32(address)}, which is not ${access === 'read' ? 'readable' : 'writable'} memory`,
  };
}

/** Reads a little-endian 32-bit word; returns null when any byte is unreadable. */
export function readWord(memory: LibcMemory, address: number): number | null {
  const b0 = memory.readByte(address >>> 0);
  const b1 = memory.readByte((address + 1) >>> 0);
  const b2 = memory.readByte((address + 2) >>> 0);
  const b3 = memory.readByte((address + 3) >>> 0);
  if ((b0 | b1 | b2 | b3) < 0) return null;
  return (b0 | (b1 << 8) | (b2 << 16) | (b3 << 24)) >>> 0;
}

/** Writes `size` little-endian bytes of `value` (1, 2 or 4); false when any byte is refused. */
export function writeInteger(memory: LibcMemory, address: number, value: number, size: number): boolean {
  for (let index = 0; index < size; index++) {
    if (!memory.writeByte((address + index) >>> 0, (value >>> (8 * index)) & 0xff)) return false;
  }
  return true;
}

/** Writes a 64-bit little-endian value; false when any byte is refused. */
export function writeInteger64(memory: LibcMemory, address: number, value: bigint): boolean {
  const low = Number(BigInt.asUintN(32, value));
  const high = Number(BigInt.asUintN(32, value >> 32n));
  return writeInteger(memory, address, low, 4) && writeInteger(memory, (address + 4) >>> 0, high, 4);
}

/**
 * The length of the NUL-terminated string at `address`, looking at no more
 * than `limit` bytes; -1 when a byte before the terminator is unreadable.
 * Returns `limit` when no terminator was found within it.
 */
export function stringLength(memory: LibcMemory, address: number, limit = 0x7fffffff): number {
  for (let length = 0; length < limit; length++) {
    const byte = memory.readByte((address + length) >>> 0);
    if (byte <= 0) return byte < 0 ? -1 : length;
  }
  return limit;
}

/** A flat, writable memory over a byte array at a base address: for tests and for host-side use. */
export class ArrayMemory implements LibcMemory {
  readonly bytes: Uint8Array;
  readonly base: number;

  constructor(base: number, size: number) {
    this.base = base >>> 0;
    this.bytes = new Uint8Array(size);
  }

  readByte(address: number): number {
    const offset = (address >>> 0) - this.base;
    return offset >= 0 && offset < this.bytes.length ? this.bytes[offset] : -1;
  }

  writeByte(address: number, value: number): boolean {
    const offset = (address >>> 0) - this.base;
    if (offset < 0 || offset >= this.bytes.length) return false;
    this.bytes[offset] = value & 0xff;
    return true;
  }

  /** Copies `data` in at `address` (test set-up); false when it does not fit. */
  load(address: number, data: Uint8Array | string): boolean {
    const bytes = typeof data === 'string' ? latin1Bytes(data) : data;
    const offset = (address >>> 0) - this.base;
    if (offset < 0 || offset + bytes.length > this.bytes.length) return false;
    this.bytes.set(bytes, offset);
    return true;
  }
}

/** One byte per character (codes above 255 keep their low 8 bits): C strings in tests and goldens. */
export function latin1Bytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index) & 0xff;
  return bytes;
}

export function latin1Text(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length; index++) text += String.fromCharCode(bytes[index]);
  return text;
}
