/**
 * Out-of-line helpers the compiled blocks call for the rarer operations:
 * shifts by a register (with the shifter carry-out), 64-bit multiplies
 * without BigInt, division, bit reversal. Results that do not fit in one
 * return value go through the module-level `state` object, so nothing is
 * allocated per call.
 */

export const SHIFT_LSL = 0;
export const SHIFT_LSR = 1;
export const SHIFT_ASR = 2;
export const SHIFT_ROR = 3;

export const state = { carry: 0, high: 0 };

/**
 * Shift `value` by the bottom byte of a register, as the ARM barrel shifter
 * does for register-specified shifts; `carryIn` is returned as the carry when
 * the amount is 0. The carry-out lands in `state.carry`.
 */
export function shiftByRegister(kind: number, value: number, amountRegister: number, carryIn: number): number {
  const amount = amountRegister & 0xff;
  if (amount === 0) {
    state.carry = carryIn;
    return value | 0;
  }
  switch (kind) {
    case SHIFT_LSL:
      if (amount < 32) {
        state.carry = (value >>> (32 - amount)) & 1;
        return value << amount;
      }
      state.carry = amount === 32 ? value & 1 : 0;
      return 0;
    case SHIFT_LSR:
      if (amount < 32) {
        state.carry = (value >>> (amount - 1)) & 1;
        return (value >>> amount) | 0;
      }
      state.carry = amount === 32 ? value >>> 31 : 0;
      return 0;
    case SHIFT_ASR:
      if (amount < 32) {
        state.carry = (value >> (amount - 1)) & 1;
        return value >> amount;
      }
      state.carry = value >>> 31;
      return value >> 31;
    default: {
      const rotate = amount & 31;
      if (rotate === 0) {
        state.carry = value >>> 31;
        return value | 0;
      }
      const result = (value >>> rotate) | (value << (32 - rotate));
      state.carry = result >>> 31;
      return result;
    }
  }
}

/** Unsigned 32x32->64 multiply: returns the low word, `state.high` the high word. */
export function multiplyUnsigned(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const low = a0 * b0;
  const middle1 = a1 * b0;
  const middle2 = a0 * b1;
  const high = a1 * b1;
  // Sum of the middle terms and the carry out of the low half, all exact in doubles (< 2^53).
  const cross = (low >>> 16) + (middle1 & 0xffff) + (middle2 & 0xffff);
  state.high = (high + (middle1 >>> 16) + (middle2 >>> 16) + Math.floor(cross / 65536)) | 0;
  return ((cross << 16) | (low & 0xffff)) | 0;
}

/** Signed 32x32->64 multiply: returns the low word, `state.high` the high word. */
export function multiplySigned(a: number, b: number): number {
  const low = multiplyUnsigned(a, b);
  let high = state.high;
  if (a < 0) high = (high - b) | 0;
  if (b < 0) high = (high - a) | 0;
  state.high = high;
  return low;
}

/** Adds a 64-bit accumulator (high:low) to a 64-bit product (state.high:productLow); returns low, high in state.high. */
export function add64(productLow: number, accumulatorLow: number, accumulatorHigh: number): number {
  const sum = (productLow >>> 0) + (accumulatorLow >>> 0);
  state.high = (state.high + accumulatorHigh + (sum > 0xffffffff ? 1 : 0)) | 0;
  return sum | 0;
}

/** SDIV: rounds toward zero; division by zero gives 0 (ARMv7-A, as qemu-arm). */
export function divideSigned(a: number, b: number): number {
  if (b === 0) return 0;
  if (a === -0x80000000 && b === -1) return a;
  return (a / b) | 0;
}

export function divideUnsigned(a: number, b: number): number {
  if (b === 0) return 0;
  return ((a >>> 0) / (b >>> 0)) | 0;
}

export function reverseBits(value: number): number {
  let x = value;
  x = ((x >>> 1) & 0x55555555) | ((x & 0x55555555) << 1);
  x = ((x >>> 2) & 0x33333333) | ((x & 0x33333333) << 2);
  x = ((x >>> 4) & 0x0f0f0f0f) | ((x & 0x0f0f0f0f) << 4);
  x = ((x >>> 8) & 0x00ff00ff) | ((x & 0x00ff00ff) << 8);
  return (x >>> 16) | (x << 16);
}

export function reverseBytes(value: number): number {
  return ((value & 0xff) << 24) | ((value & 0xff00) << 8) | ((value >>> 8) & 0xff00) | (value >>> 24);
}
