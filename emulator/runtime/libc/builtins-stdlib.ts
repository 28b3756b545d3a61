/**
 * <stdlib.h>, <time.h> and run-time helper built-ins: malloc free calloc
 * realloc exit abort atoi atol strtol abs labs rand srand time, and the EABI
 * division helpers gcc calls on cores without a divide instruction.
 */
import type { ReleaseProblem } from '../heap/types.js';
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

/** A free/realloc the heap refused: the checker reports it and the call does nothing (r0 = result), or glibc's abort. */
function refused(context: LibcContext, problem: ReleaseProblem | string, result: number | undefined): BuiltinOutcome {
  const monitor = context.heapMonitor;
  if (monitor && typeof problem !== 'string') {
    monitor.rejected(problem);
    return result === undefined ? RETURNED : context.returnValue(result);
  }
  return heapError(typeof problem === 'string' ? problem : problem.message);
}

/** Tells the checker about a fresh block (nothing when there is none or no checker). */
function handedOut(context: LibcContext, address: number, zeroed: boolean): number {
  if (address !== 0) context.heapMonitor?.allocated(address, zeroed);
  return address;
}

export function malloc(context: LibcContext): BuiltinOutcome {
  return context.returnValue(handedOut(context, context.heap.allocate(context.argument(0), context.returnAddress, context.callers()), false));
}

export function free(context: LibcContext): BuiltinOutcome {
  const address = context.argument(0);
  if (address === 0) return RETURNED;
  const heap = context.heap;
  const problem = heap.free ? heap.free(address, context.returnAddress, context.callers()) : heap.release(address, context.returnAddress);
  return problem === null ? RETURNED : refused(context, problem, undefined);
}

export function calloc(context: LibcContext): BuiltinOutcome {
  const count = context.argument(0);
  const size = context.argument(1);
  const total = count * size;
  const heap = context.heap;
  let address: number;
  if (heap.allocateArray) address = heap.allocateArray(count, size, context.returnAddress, context.callers());
  else address = total > 0xffffffff ? 0 : heap.allocate(total, context.returnAddress, context.callers());
  if (address === 0) return context.returnValue(0);
  const cleared = memset(context.memory, address, 0, total);
  if (isFault(cleared)) return { kind: 'fault', fault: cleared };
  return context.returnValue(handedOut(context, address, true));
}

/** realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL; on failure p is left as it was. */
export function realloc(context: LibcContext): BuiltinOutcome {
  const address = context.argument(0);
  const size = context.argument(1);
  const site = context.returnAddress;
  const heap = context.heap;
  if (heap.resize) return resizeBlock(context, address, size, site);
  if (address === 0) return context.returnValue(handedOut(context, heap.allocate(size, site, context.callers()), false));
  const oldSize = heap.sizeOf(address);
  if (oldSize < 0) return heapError(`realloc(0x${address.toString(16)}): this address is not a block from malloc, calloc or realloc (or it was already freed)`);
  if (size === 0) {
    const problem = heap.release(address, site);
    return problem === null ? context.returnValue(0) : heapError(problem);
  }
  const moved = heap.allocate(size, site, context.callers());
  if (moved === 0) return context.returnValue(0);
  const copied = memmove(context.memory, moved, address, Math.min(oldSize, size), 'realloc');
  if (isFault(copied)) return { kind: 'fault', fault: copied };
  const problem = heap.release(address, site);
  return problem === null ? context.returnValue(moved) : heapError(problem);
}

/** realloc through the heap's own resize (in place when the block or its buddy allows). */
function resizeBlock(context: LibcContext, address: number, size: number, site: number): BuiltinOutcome {
  const heap = context.heap;
  const oldSize = address === 0 ? 0 : heap.sizeOf(address);
  const outcome = (heap.resize as NonNullable<typeof heap.resize>)(address, size, site, context.callers());
  const monitor = context.heapMonitor;
  switch (outcome.kind) {
    case 'allocated':
      return context.returnValue(handedOut(context, outcome.address, false));
    case 'in-place':
      monitor?.resized(outcome.address, Math.min(oldSize, size));
      return context.returnValue(outcome.address);
    case 'moved': {
      monitor?.moved(outcome.from, outcome.address, outcome.copyLength);
      monitor?.beginInternal();
      const copied = memmove(context.memory, outcome.address, outcome.from, outcome.copyLength, 'realloc');
      monitor?.endInternal();
      return isFault(copied) ? { kind: 'fault', fault: copied } : context.returnValue(outcome.address);
    }
    case 'invalid':
      return refused(context, outcome.problem, 0);
    default:
      return context.returnValue(0);
  }
}

/** strdup: a heap copy of the string, or NULL when the heap is full. */
export function strdup(context: LibcContext): BuiltinOutcome {
  const source = context.argument(0);
  const length = strlen(context.memory, source);
  if (isFault(length)) return { kind: 'fault', fault: memoryFault('strdup', 'read', length.address) };
  const copy = handedOut(context, context.heap.allocate(length + 1, context.returnAddress, context.callers()), false);
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
