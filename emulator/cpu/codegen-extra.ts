/**
 * Code generation for the rows the other classes leave out: exclusive loads
 * and stores (the local monitor as qemu-arm keeps it: address and loaded
 * value, compared again by the store), SWP/SWPB, the unprivileged halfword
 * and signed-byte forms (user mode: plain post-indexed accesses), the signed
 * halfword multiplies, UMAAL, SSAT/USAT (setting Q), and hints and barriers
 * (no effect in a single-core user-mode machine).
 */
import type { Instruction, Operand } from '../isa/types';
import { constant, type EmitContext, type Emitted } from './codegen-context';
import { baseArguments, emitMemory } from './codegen-memory';

export const EXTRA_MNEMONICS = new Set([
  'ldrex', 'ldrexb', 'ldrexh', 'ldrexd', 'strex', 'strexb', 'strexh', 'strexd', 'clrex',
  'swp', 'swpb',
  'ldrht', 'strht', 'ldrsbt', 'ldrsht',
  'smulbb', 'smulbt', 'smultb', 'smultt', 'smlabb', 'smlabt', 'smlatb', 'smlatt',
  'smulwb', 'smulwt', 'smlawb', 'smlawt', 'smlalbb', 'smlalbt', 'smlaltb', 'smlaltt',
  'umaal', 'ssat', 'usat',
  'pld', 'pldw', 'pli', 'dbg', 'dmb', 'dsb', 'isb', 'ssbb', 'pssbb',
]);

/** User-mode equivalents of the unprivileged (…T) forms. */
const UNPRIVILEGED: Record<string, string> = { ldrht: 'ldrh', strht: 'strh', ldrsbt: 'ldrsb', ldrsht: 'ldrsh' };

const SIZES: Record<string, 1 | 2 | 4 | 8> = { '': 4, b: 1, h: 2, d: 8 };

const registerOf = (operand: Operand | undefined): number | undefined => (operand?.kind === 'register' ? operand.register : undefined);

/** Registers 0..14 from the first `count` operands, or undefined. */
function registers(operands: readonly Operand[], count: number): number[] | undefined {
  const list: number[] = [];
  for (let index = 0; index < count; index++) {
    const register = registerOf(operands[index]);
    if (register === undefined || register === 15) return undefined;
    list.push(register);
  }
  return list;
}

const check = (context: EmitContext): string => `if (m.status !== 0) ${context.memoryFault()}`;
const storeCheck = (context: EmitContext): string => `if (m.status !== 0) { if (m.status === 1) ${context.memoryFault()} w = 1; }`;

function read(size: 1 | 2 | 4, address: string, base: string): string {
  return size === 4 ? `(m.read32(${address}${base}) >>> 0)` : size === 2 ? `m.read16(${address}${base})` : `m.read8(${address}${base})`;
}

function write(size: 1 | 2 | 4, address: string, value: string, base: string): string {
  return size === 4 ? `m.write32(${address}, ${value}${base});` : size === 2 ? `m.write16(${address}, ${value} & 0xffff${base});` : `m.write8(${address}, ${value} & 0xff${base});`;
}

/** `a` = the base of a plain `[rn]` operand; `aligned` is the check an exclusive access needs. */
function exclusiveAddress(context: EmitContext, operand: Operand | undefined): string | undefined {
  if (operand?.kind !== 'memory' || operand.base === 15) return undefined;
  const offset = operand.offset;
  if (offset && !(offset.kind === 'immediate' && offset.value === 0)) return undefined;
  return `a = ${context.read(operand.base)};`;
}

/** The base-register arguments of an exclusive access's memory operand (baseArguments). */
const exclusiveBase = (context: EmitContext, operand: Operand | undefined): string => (operand?.kind === 'memory' ? baseArguments(context, operand.base) : '');

const aligned = (context: EmitContext, size: number, mnemonic: string): string => `if ((a & ${size - 1}) !== 0) ${context.raise('alignment', mnemonic, 'a')}`;

function emitExclusive(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const load = mnemonic.startsWith('ldrex');
  const size = SIZES[mnemonic.slice(5)];
  if (size === undefined) return undefined;
  if (load) {
    const rt = registerOf(operands[0]);
    if (rt === undefined || rt === 15) return undefined;
    if (size === 8) {
      const second = registerOf(operands[1]);
      const rt2 = second ?? rt + 1;
      const address = exclusiveAddress(context, operands[second === undefined ? 1 : 2]);
      const base = exclusiveBase(context, operands[second === undefined ? 1 : 2]);
      if (address === undefined || rt2 > 14) return undefined;
      return {
        code: `${address} ${aligned(context, 8, mnemonic)} t = m.read32(a${base}); x = m.read32((a + 4) | 0${base}); ${check(context)} cpu.exclusiveAddress = a; cpu.exclusiveLow = t >>> 0; cpu.exclusiveHigh = x >>> 0; ${context.write(rt, 't')} ${context.write(rt2, 'x')}`,
        endsBlock: false,
      };
    }
    const address = exclusiveAddress(context, operands[1]);
    if (address === undefined) return undefined;
    return { code: `${address} ${aligned(context, size, mnemonic)} t = ${read(size, 'a', exclusiveBase(context, operands[1]))}; ${check(context)} cpu.exclusiveAddress = a; cpu.exclusiveLow = t; ${context.write(rt, 't | 0')}`, endsBlock: false };
  }
  const rd = registerOf(operands[0]);
  const rt = registerOf(operands[1]);
  if (rd === undefined || rt === undefined || rd === 15 || rt === 15) return undefined;
  if (size === 8) {
    const second = registerOf(operands[2]);
    const rt2 = second ?? rt + 1;
    const address = exclusiveAddress(context, operands[second === undefined ? 2 : 3]);
    const base = exclusiveBase(context, operands[second === undefined ? 2 : 3]);
    if (address === undefined || rt2 > 14) return undefined;
    // Succeeds when the monitor holds this address and memory still holds the loaded value (qemu's compare-and-exchange).
    const code =
      `${address} s = 1; if (cpu.exclusiveAddress === a) { ${aligned(context, 8, mnemonic)} t = m.read32(a${base}) >>> 0; x = m.read32((a + 4) | 0${base}) >>> 0; ${check(context)} ` +
      `if (t === cpu.exclusiveLow && x === cpu.exclusiveHigh) { m.write32(a, ${context.read(rt)}${base}); ${storeCheck(context)} m.write32((a + 4) | 0, ${context.read(rt2)}${base}); ${storeCheck(context)} s = 0; } } ` +
      `cpu.exclusiveAddress = -1; ${context.write(rd, 's')}`;
    return { code, endsBlock: false, stores: true };
  }
  const address = exclusiveAddress(context, operands[2]);
  const base = exclusiveBase(context, operands[2]);
  if (address === undefined) return undefined;
  const code =
    `${address} s = 1; if (cpu.exclusiveAddress === a) { ${aligned(context, size, mnemonic)} t = ${read(size, 'a', base)}; ${check(context)} ` +
    `if (t === cpu.exclusiveLow) { ${write(size, 'a', context.read(rt), base)} ${storeCheck(context)} s = 0; } } ` +
    `cpu.exclusiveAddress = -1; ${context.write(rd, 's')}`;
  return { code, endsBlock: false, stores: true };
}

function emitSwap(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const list = registers(operands, 2);
  const operand = operands[2];
  if (!list || operand?.kind !== 'memory' || operand.base === 15) return undefined;
  const size = mnemonic === 'swp' ? 4 : 1;
  const [rt, rt2] = list;
  const check4 = size === 4 ? ` ${aligned(context, 4, mnemonic)}` : '';
  const base = baseArguments(context, operand.base);
  const code = `a = ${context.read(operand.base)};${check4} x = ${context.read(rt2)}; t = ${read(size, 'a', base)}; ${check(context)} ${write(size, 'a', 'x', base)} ${storeCheck(context)} ${context.write(rt, 't | 0')}`;
  return { code, endsBlock: false, stores: true };
}

/** The signed halfword of a register a multiply names with `b` (bottom) or `t` (top). */
const half = (register: string, which: string): string => (which === 't' ? `(${register} >> 16)` : `((${register} << 16) >> 16)`);

/** `t = sum` as a 32-bit result, setting Q when the sum (exact in a double) overflowed. */
const saturatingSum = (sum: string): string => `s = ${sum}; t = s | 0; if (t !== s) cpu.q = 1;`;

function emitHalfwordMultiply(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const x = mnemonic.at(-2) as string;
  const y = mnemonic.at(-1) as string;
  if (mnemonic.startsWith('smlal')) {
    const list = registers(operands, 4);
    if (!list) return undefined;
    const [low, high, n, m] = list;
    const code =
      `t = Math.imul(${half(context.read(n), x)}, ${half(context.read(m), y)}); s = (${context.read(low)} >>> 0) + (t >>> 0); ` +
      `x = (${context.read(high)} + (t >> 31) + (s > 4294967295 ? 1 : 0)) | 0; ${context.write(low, 's | 0')} ${context.write(high, 'x')}`;
    return { code, endsBlock: false };
  }
  const accumulate = mnemonic.startsWith('smla');
  const list = registers(operands, accumulate ? 4 : 3);
  if (!list) return undefined;
  const [d, n, m, a] = list;
  // SMULW/SMLAW: the top 32 bits of the 48-bit product of a word and a halfword.
  const product = mnemonic.startsWith('smulw') || mnemonic.startsWith('smlaw')
    ? `Math.floor((${context.read(n)} * ${half(context.read(m), y)}) / 65536)`
    : `Math.imul(${half(context.read(n), x)}, ${half(context.read(m), y)})`;
  if (!accumulate) return { code: `t = ${product} | 0; ${context.write(d, 't')}`, endsBlock: false };
  return { code: `${saturatingSum(`${product} + ${context.read(a)}`)} ${context.write(d, 't')}`, endsBlock: false };
}

function emitSaturate(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const d = registerOf(operands[0]);
  const bits = operands[1]?.kind === 'immediate' ? operands[1].value : undefined;
  const n = registerOf(operands[2]);
  if (d === undefined || d === 15 || n === undefined || n === 15 || bits === undefined) return undefined;
  const shiftOperand = operands[3];
  let value = context.read(n);
  if (shiftOperand?.kind === 'shift') {
    const { type, amount = 0 } = shiftOperand.shift;
    if (type === 'asr') value = `(${value} >> ${Math.min(amount, 31)})`;
    else if (type === 'lsl' && amount > 0) value = `(${value} << ${amount})`;
  }
  const signed = mnemonic === 'ssat';
  const high = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
  const low = signed ? -(2 ** (bits - 1)) : 0;
  return {
    code: `t = ${value}; if (t > ${high}) { t = ${constant(high)}; cpu.q = 1; } else if (t < ${constant(low)}) { t = ${constant(low)}; cpu.q = 1; } ${context.write(d, 't')}`,
    endsBlock: false,
  };
}

export function emitExtra(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  if (mnemonic.startsWith('ldrex') || mnemonic.startsWith('strex')) return emitExclusive(instruction, context);
  if (mnemonic === 'swp' || mnemonic === 'swpb') return emitSwap(instruction, context);
  const plain = UNPRIVILEGED[mnemonic];
  if (plain !== undefined) return emitMemory({ ...instruction, mnemonic: plain }, context);
  if (mnemonic === 'ssat' || mnemonic === 'usat') return emitSaturate(instruction, context);
  if (mnemonic === 'umaal') {
    const list = registers(operands, 4);
    if (!list) return undefined;
    const [low, high, n, m] = list;
    const code = `t = H.multiplyUnsigned(${context.read(n)}, ${context.read(m)}); t = H.add64(t, ${context.read(low)}, 0); t = H.add64(t, ${context.read(high)}, 0); x = H.state.high; ${context.write(low, 't')} ${context.write(high, 'x')}`;
    return { code, endsBlock: false };
  }
  if (mnemonic.startsWith('smul') || mnemonic.startsWith('smla')) return emitHalfwordMultiply(instruction, context);
  if (mnemonic === 'clrex') return { code: 'cpu.exclusiveAddress = -1;', endsBlock: false };
  // Hints and barriers: nothing to do on one core in user mode (PLD never faults).
  return { code: '', endsBlock: false };
}
