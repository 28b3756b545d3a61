/**
 * Code generation for the data-processing class: the sixteen ALU operations
 * with every operand-2 form (rotated immediate, register shifted by an
 * immediate or a register), the shift mnemonics (LSL LSR ASR ROR RRX, which
 * are MOV with a shifted register), MOVW/MOVT and ADR. The shifter carry-out
 * follows the ARM pseudocode for every kind and amount.
 */
import type { Instruction, Operand, Shift } from '../isa/types';
import { constant, logicalFlags, type EmitContext, type Emitted } from './codegen-context';

const LOGICAL = new Set(['and', 'eor', 'orr', 'bic', 'mov', 'mvn', 'tst', 'teq', 'orn']);
const COMPARE = new Set(['tst', 'teq', 'cmp', 'cmn']);
const SINGLE_SOURCE = new Set(['mov', 'mvn']);
const SHIFT_MNEMONICS = new Set(['lsl', 'lsr', 'asr', 'ror', 'rrx']);
export const DATA_PROCESSING_MNEMONICS = new Set([
  'and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'rsc', 'tst', 'teq', 'cmp', 'cmn', 'orr', 'mov', 'bic', 'mvn',
  'lsl', 'lsr', 'asr', 'ror', 'rrx', 'movw', 'movt', 'adr',
]);

const SHIFT_KIND: Record<string, number> = { lsl: 0, lsr: 1, asr: 2, ror: 3 };

interface ShiftedOperand {
  /** Statements computing `x` (and `y`, the carry-out, when wanted). */
  setup: string;
  /** Carry-out expression, or undefined when C is unchanged. */
  carry: string | undefined;
}

/** Emits `x = <shifted value>` and, when `wantCarry`, `y = <carry-out>`. */
function shiftedRegister(context: EmitContext, register: number, shift: Shift | undefined, wantCarry: boolean): ShiftedOperand {
  const source = context.read(register);
  if (!shift) return { setup: `x = ${source};`, carry: undefined };
  if (shift.register !== undefined && shift.type !== 'rrx') {
    const amount = context.read(shift.register);
    // A register-shifted register reads PC as address + 12 (UNPREDICTABLE; qemu-arm does this).
    const value = register === 15 ? constant(context.address + 12) : source;
    context.useFlags();
    return { setup: `x = H.shiftByRegister(${SHIFT_KIND[shift.type]}, ${value}, ${amount}, c); y = H.state.carry;`, carry: wantCarry ? 'y' : undefined };
  }
  const amount = shift.amount ?? 0;
  // ror #0 is RRX in the encoding.
  const type = shift.type === 'ror' && amount % 32 === 0 ? 'rrx' : shift.type;
  let value: string;
  let carry: string | undefined;
  switch (type) {
    case 'lsl':
      if (amount === 0) return { setup: `x = ${source};`, carry: undefined };
      value = `${source} << ${amount}`;
      carry = `(${source} >>> ${32 - amount}) & 1`;
      break;
    case 'lsr':
      value = amount >= 32 || amount === 0 ? '0' : `(${source} >>> ${amount}) | 0`;
      carry = amount >= 32 || amount === 0 ? `${source} >>> 31` : `(${source} >>> ${amount - 1}) & 1`;
      break;
    case 'asr':
      value = amount >= 32 || amount === 0 ? `${source} >> 31` : `${source} >> ${amount}`;
      carry = amount >= 32 || amount === 0 ? `${source} >>> 31` : `(${source} >>> ${amount - 1}) & 1`;
      break;
    case 'ror':
      value = `(${source} >>> ${amount % 32}) | (${source} << ${32 - (amount % 32)})`;
      carry = `(${source} >>> ${(amount % 32) - 1}) & 1`;
      break;
    case 'rrx':
      context.useFlags();
      value = `(c << 31) | (${source} >>> 1)`;
      carry = `${source} & 1`;
      break;
    default:
      return { setup: `x = ${source};`, carry: undefined };
  }
  if (!wantCarry) return { setup: `x = ${value};`, carry: undefined };
  return { setup: `y = ${carry}; x = ${value};`, carry: 'y' };
}

/** Operand 2 starting at `operands[index]`. */
function operand2(context: EmitContext, operands: readonly Operand[], index: number, wantCarry: boolean): ShiftedOperand | undefined {
  const operand = operands[index];
  if (!operand) return undefined;
  if (operand.kind === 'immediate') {
    const value = operand.value | 0;
    // The carry-out of a rotated immediate is its bit 31 when the rotation is non-zero.
    const rotation = (context.word >>> 8) & 0xf;
    const carry = wantCarry && rotation !== 0 && (context.word & 0x02000000) !== 0 ? String(value >>> 31) : undefined;
    return { setup: `x = ${constant(value)};`, carry };
  }
  if (operand.kind === 'register') {
    const next = operands[index + 1];
    return shiftedRegister(context, operand.register, next?.kind === 'shift' ? next.shift : undefined, wantCarry);
  }
  return undefined;
}

function registerOf(operand: Operand | undefined): number | undefined {
  return operand?.kind === 'register' ? operand.register : undefined;
}

function arithmetic(mnemonic: string, setFlags: boolean, context: EmitContext): string {
  // `a` holds Rn, `x` operand 2.
  const [left, right] = mnemonic === 'rsb' || mnemonic === 'rsc' ? ['x', 'a'] : ['a', 'x'];
  const base = mnemonic === 'rsb' ? 'sub' : mnemonic === 'rsc' ? 'sbc' : mnemonic === 'cmp' ? 'sub' : mnemonic === 'cmn' ? 'add' : mnemonic;
  if (base === 'adc' || base === 'sbc') context.useFlags();
  if (!setFlags) {
    switch (base) {
      case 'add': return `t = (${left} + ${right}) | 0;`;
      case 'sub': return `t = (${left} - ${right}) | 0;`;
      case 'adc': return `t = (${left} + ${right} + c) | 0;`;
      default: return `t = (${left} - ${right} - (c ^ 1)) | 0;`;
    }
  }
  context.useFlags();
  const nz = 'n = t >>> 31; z = t === 0 ? 1 : 0;';
  switch (base) {
    case 'add':
      return `s = (${left} >>> 0) + (${right} >>> 0); t = s | 0; ${nz} c = s > 4294967295 ? 1 : 0; v = ((${left} ^ t) & (${right} ^ t)) >>> 31;`;
    case 'adc':
      return `s = (${left} >>> 0) + (${right} >>> 0) + c; t = s | 0; ${nz} c = s > 4294967295 ? 1 : 0; v = ((${left} ^ t) & (${right} ^ t)) >>> 31;`;
    case 'sub':
      return `s = (${left} >>> 0) - (${right} >>> 0); t = s | 0; ${nz} c = s >= 0 ? 1 : 0; v = ((${left} ^ ${right}) & (${left} ^ t)) >>> 31;`;
    default:
      return `s = (${left} >>> 0) + ((~${right}) >>> 0) + c; t = s | 0; ${nz} c = s > 4294967295 ? 1 : 0; v = ((${left} ^ ${right}) & (${left} ^ t)) >>> 31;`;
  }
}

function logical(mnemonic: string): string {
  switch (mnemonic) {
    case 'and': case 'tst': return 't = a & x;';
    case 'eor': case 'teq': return 't = a ^ x;';
    case 'orr': return 't = a | x;';
    case 'orn': return 't = a | ~x;';
    case 'bic': return 't = a & ~x;';
    case 'mvn': return 't = ~x;';
    default: return 't = x;';
  }
}

/** Writes `t` to Rd, or branches when Rd is PC. */
function writeResult(context: EmitContext, destination: number, setFlags: boolean): { code: string; endsBlock: boolean } {
  if (destination !== 15) return { code: context.write(destination, 't'), endsBlock: false };
  if (setFlags) {
    return { code: context.raise('unpredictable', 'an S-suffixed data-processing instruction writing PC returns from an exception, which user mode cannot do'), endsBlock: true };
  }
  return { code: context.branchExchange('t'), endsBlock: true };
}

export function emitDataProcessing(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands, setFlags } = instruction;
  if (mnemonic === 'movw' || mnemonic === 'movt' || mnemonic === 'adr') return emitMoveWide(instruction, context);
  if (SHIFT_MNEMONICS.has(mnemonic)) return emitShiftMnemonic(instruction, context);
  const compare = COMPARE.has(mnemonic);
  const single = SINGLE_SOURCE.has(mnemonic);
  const destination = compare ? undefined : registerOf(operands[0]);
  const first = compare ? registerOf(operands[0]) : single ? undefined : registerOf(operands[1]);
  const operandIndex = compare ? 1 : single ? 1 : 2;
  if ((!compare && destination === undefined) || (!single && first === undefined)) return undefined;
  const isLogical = LOGICAL.has(mnemonic);
  const flags = setFlags || compare;
  const source = operand2(context, operands, operandIndex, flags && isLogical);
  if (!source) return undefined;
  let code = source.setup;
  if (first !== undefined) code += ` a = ${context.read(first)};`;
  if (isLogical) {
    code += ' ' + logical(mnemonic);
    if (flags) {
      context.useFlags();
      code += ' ' + logicalFlags(source.carry);
    }
  } else {
    code += ' ' + arithmetic(mnemonic, flags, context);
  }
  if (destination === undefined) return { code, endsBlock: false };
  const result = writeResult(context, destination, setFlags);
  return { code: code + ' ' + result.code, endsBlock: result.endsBlock };
}

/** `lsl rd, rm, #n` / `lsl rd, rm, rs` / `rrx rd, rm`: MOV with a shifted register. */
function emitShiftMnemonic(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands, setFlags } = instruction;
  const destination = registerOf(operands[0]);
  const source = registerOf(operands[1]);
  if (destination === undefined || source === undefined) return undefined;
  const amount = operands[2];
  let shift: Shift;
  if (mnemonic === 'rrx') shift = { type: 'rrx' };
  else if (amount?.kind === 'register') shift = { type: mnemonic as Shift['type'], register: amount.register };
  else if (amount?.kind === 'immediate') shift = { type: mnemonic as Shift['type'], amount: amount.value };
  else if (amount?.kind === 'shift') shift = amount.shift;
  else return undefined;
  const shifted = shiftedRegister(context, source, shift, setFlags);
  let code = shifted.setup + ' t = x;';
  if (setFlags) {
    context.useFlags();
    code += ' ' + logicalFlags(shifted.carry);
  }
  const result = writeResult(context, destination, setFlags);
  return { code: code + ' ' + result.code, endsBlock: result.endsBlock };
}

function emitMoveWide(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const destination = registerOf(instruction.operands[0]);
  const value = instruction.operands[1];
  if (destination === undefined || destination === 15 || !value) return undefined;
  if (instruction.mnemonic === 'adr') {
    if (value.kind !== 'address' && value.kind !== 'immediate') return undefined;
    return { code: context.write(destination, constant(value.value)), endsBlock: false };
  }
  if (value.kind !== 'immediate') return undefined;
  const immediate = value.value & 0xffff;
  if (instruction.mnemonic === 'movw') return { code: context.write(destination, String(immediate)), endsBlock: false };
  return { code: context.write(destination, `(${context.read(destination)} & 0xffff) | ${constant(immediate << 16)}`), endsBlock: false };
}
