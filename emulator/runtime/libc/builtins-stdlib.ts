/**
 * <stdlib.h>, <time.h> and run-time helper built-ins: malloc free calloc
 * realloc exit abort atoi atol strtol abs labs rand srand time, and the EABI
 * division helpers gcc calls on cores without a divide instruction.
 */
import { RETURNED, type BuiltinOutcome, type LibcContext } from './context.js';
import { memoryFault, writeInteger } from './memory.js';
import { abs, atoi, isFault, memmove, memset, strlen, strtol, type LibcResult } from './strings.js';

/** Turns a string-function result into r0 or a fault. */
export function finish(context: LibcContext, result: LibcResult): BuiltinOutcome {
  return isFault(result) ? { kind: 'fault', fault: result } : context.returnValue(result);
}

function heapError(message: string): BuiltinOutcome {
  return { kind: 'signal', signal: 'SIGABRT', status: 134, message };
}

export function malloc(context: LibcContext): BuiltinOutcome {
  return context.returnValue(context.heap.allocate(context.argument(0), context.returnAddress));
}

export function free(context: LibcContext): BuiltinOutcome {
  const address = context.argument(0);
  if (address === 0) return RETURNED;
  const problem = context.heap.release(address, context.returnAddress);
  return problem === null ? RETURNED : heapError(problem);
}

export function calloc(context: LibcContext): BuiltinOutcome {
  const count = context.argument(0);
  const size = context.argument(1);
  const total = count * size;
  if (total > 0xffffffff) return context.returnValue(0);
  const address = context.heap.allocate(total, context.returnAddress);
  if (address === 0) return context.returnValue(0);
  const cleared = memset(context.memory, address, 0, total);
  return isFault(cleared) ? { kind: 'fault', fault: cleared } : context.returnValue(address);
}

/** realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL; on failure p is left as it was. */
export function realloc(context: LibcContext): BuiltinOutcome {
  const address = context.argument(0);
  const size = context.argument(1);
  const site = context.returnAddress;
  if (address === 0) return context.returnValue(context.heap.allocate(size, site));
  const oldSize = context.heap.sizeOf(address);
  if (oldSize < 0) return heapError(`realloc(0x${address.toString(16)}): this address is not a block from malloc, calloc or realloc (or it was already freed)`);
  if (size === 0) {
    const problem = context.heap.release(address, site);
    return problem === null ? context.returnValue(0) : heapError(problem);
  }
  const moved = context.heap.allocate(size, site);
  if (moved === 0) return context.returnValue(0);
  const copied = memmove(context.memory, moved, address, Math.min(oldSize, size), 'realloc');
  if (isFault(copied)) return { kind: 'fault', fault: copied };
  const problem = context.heap.release(address, site);
  return problem === null ? context.returnValue(moved) : heapError(problem);
}

/** strdup: a heap copy of the string, or NULL when the heap is full. */
export function strdup(context: LibcContext): BuiltinOutcome {
  const source = context.argument(0);
  const length = strlen(context.memory, source);
  if (isFault(length)) return { kind: 'fault', fault: memoryFault('strdup', 'read', length.address) };
  const copy = context.heap.allocate(length + 1, context.returnAddress);
  if (copy === 0) return context.returnValue(0);
  const copied = memmove(context.memory, copy, source, length + 1, 'strdup');
  return isFault(copied) ? { kind: 'fault', fault: copied } : context.returnValue(copy);
}

export function exit(context: LibcContext): BuiltinOutcome {
  return { kind: 'exit', code: context.argument(0) | 0 };
}

export function abort(): BuiltinOutcome {
  return { kind: 'signal', signal: 'SIGABRT', status: 134, message: 'abort() was called' };
}

export function atoiCall(context: LibcContext): BuiltinOutcome {
  return finish(context, atoi(context.memory, context.argument(0)));
}

const end = { address: 0 };

export function strtolCall(context: LibcContext): BuiltinOutcome {
  const address = context.argument(0);
  const endPointer = context.argument(1);
  const value = strtol(context.memory, address, context.argument(2) | 0, end);
  if (isFault(value)) return { kind: 'fault', fault: value };
  if (endPointer !== 0 && !writeInteger(context.memory, endPointer, end.address, 4)) return { kind: 'fault', fault: memoryFault('strtol', 'write', endPointer) };
  return context.returnValue(value);
}

export function absCall(context: LibcContext): BuiltinOutcome {
  return context.returnValue(abs(context.argument(0) | 0));
}

export function rand(context: LibcContext): BuiltinOutcome {
  return context.returnValue(context.random.next());
}

export function srand(context: LibcContext): BuiltinOutcome {
  context.random.seed(context.argument(0));
  return RETURNED;
}

/** time(t): seconds since the epoch, also stored at t when t is not NULL. */
export function time(context: LibcContext): BuiltinOutcome {
  const now = context.clock() >>> 0;
  const target = context.argument(0);
  if (target !== 0 && !writeInteger(context.memory, target, now, 4)) return { kind: 'fault', fault: memoryFault('time', 'write', target) };
  return context.returnValue(now);
}

function divisionByZero(): BuiltinOutcome {
  return { kind: 'signal', signal: 'SIGFPE', status: 136, message: 'integer division by zero' };
}

/** __aeabi_idiv / __aeabi_idivmod: r0 = r0 / r1 (truncated), r1 = remainder. */
export function signedDivide(context: LibcContext): BuiltinOutcome {
  const dividend = context.argument(0) | 0;
  const divisor = context.argument(1) | 0;
  if (divisor === 0) return divisionByZero();
  const quotient = divisor === -1 ? -dividend | 0 : (dividend / divisor) | 0;
  context.registers[1] = (dividend - Math.imul(quotient, divisor)) | 0;
  return context.returnValue(quotient);
}

/** __aeabi_uidiv / __aeabi_uidivmod: r0 = r0 / r1 unsigned, r1 = remainder. */
export function unsignedDivide(context: LibcContext): BuiltinOutcome {
  const dividend = context.argument(0);
  const divisor = context.argument(1);
  if (divisor === 0) return divisionByZero();
  const quotient = Math.floor(dividend / divisor) >>> 0;
  context.registers[1] = (dividend - quotient * divisor) >>> 0;
  return context.returnValue(quotient);
}

function pair(context: LibcContext, low: number): bigint {
  return (BigInt(context.registers[low + 1] >>> 0) << 32n) | BigInt(context.registers[low] >>> 0);
}

function setPair(context: LibcContext, low: number, value: bigint): void {
  context.registers[low] = Number(BigInt.asUintN(32, value));
  context.registers[low + 1] = Number(BigInt.asUintN(32, value >> 32n));
}

/** __aeabi_ldivmod: r0:r1 / r2:r3 signed; quotient in r0:r1, remainder in r2:r3. */
export function signedDivide64(context: LibcContext): BuiltinOutcome {
  const dividend = BigInt.asIntN(64, pair(context, 0));
  const divisor = BigInt.asIntN(64, pair(context, 2));
  if (divisor === 0n) return divisionByZero();
  const quotient = BigInt.asIntN(64, dividend / divisor);
  setPair(context, 2, dividend - quotient * divisor);
  setPair(context, 0, quotient);
  return RETURNED;
}

/** __aeabi_uldivmod: r0:r1 / r2:r3 unsigned; quotient in r0:r1, remainder in r2:r3. */
export function unsignedDivide64(context: LibcContext): BuiltinOutcome {
  const dividend = pair(context, 0);
  const divisor = pair(context, 2);
  if (divisor === 0n) return divisionByZero();
  setPair(context, 2, dividend % divisor);
  setPair(context, 0, dividend / divisor);
  return RETURNED;
}
