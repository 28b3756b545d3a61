/**
 * Code generation for branches, multiplies and divides, the miscellaneous
 * class (CLZ, RBIT, REV*, extends, bit fields) and system instructions
 * (SVC, MRS/MSR on APSR, NOP and hints).
 */
import type { Instruction, Operand } from '../isa/types';
import { BLOCK_DIAGNOSTIC, BLOCK_TRAP, constant, type EmitContext, type Emitted } from './codegen-context';
import { CALL_CAPACITY, CALL_FRAME_WORDS } from './interfaces';

export const OTHER_MNEMONICS = new Set([
  'b', 'bl', 'bx', 'blx',
  'mul', 'mla', 'mls', 'umull', 'umlal', 'smull', 'smlal', 'sdiv', 'udiv',
  'clz', 'rbit', 'rev', 'rev16', 'revsh',
  'sxtb', 'sxth', 'uxtb', 'uxth', 'sxtab', 'sxtah', 'uxtab', 'uxtah',
  'ubfx', 'sbfx', 'bfi', 'bfc',
  'svc', 'swi', 'nop', 'yield', 'wfe', 'wfi', 'sev', 'mrs', 'msr', 'udf', 'bkpt',
]);

const registerOf = (operand: Operand | undefined): number | undefined => (operand?.kind === 'register' ? operand.register : undefined);
const valueOf = (operand: Operand | undefined): number | undefined =>
  operand?.kind === 'immediate' || operand?.kind === 'address' ? operand.value : undefined;

function registers(operands: readonly Operand[], count: number): number[] | undefined {
  const list: number[] = [];
  for (let index = 0; index < count; index++) {
    const register = registerOf(operands[index]);
    if (register === undefined || register === 15) return undefined;
    list.push(register);
  }
  return list;
}

/** The registers of a calleeSavedWritten mask, ascending. */
export function savedRegisters(mask: number): number[] {
  const registers: number[] = [];
  for (let register = 4; register <= 11; register++) if ((mask & (1 << register)) !== 0) registers.push(register);
  return registers;
}

/** The mask of a register list. */
const maskOf = (registers: readonly number[]): number => registers.reduce((mask, register) => mask | (1 << register), 0);

/**
 * The AAPCS check at a `bl`/`blx` at the context's address (after LR and the CPU's call stack are
 * written): the frame is saved inline; a misaligned sp reports once per site. Sets `P` to 1 when the
 * checker asks to pause. Empty without a checker.
 */
export function callCheck(context: EmitContext): string {
  const checker = context.checker;
  if (checker === undefined) return '';
  const pc = constant(context.address);
  const capacity = Math.min(checker.capacity, CALL_CAPACITY);
  if (!checker.judgesCallAt(context.address >>> 0)) return `{ const D = cpu.callDepth - 1; if (D < ${capacity}) KJ[D] = 0; }`;
  const sp = context.read(13);
  const saves = context.savedRegisters.map((register) => `KF[B + ${register - 4}] = ${context.read(register)};`).join(' ');
  const seen = (context.address >>> 2) & 4095;
  // The calling function's own frame (one level out) tells where it was entered and with which sp.
  const entry = `D > 0 && D <= ${capacity}`;
  return (
    `{ const D = cpu.callDepth - 1; if (D < ${capacity}) { const B = D * ${CALL_FRAME_WORDS}; ${saves} KJ[D] = 1; } ` +
    `if ((${sp} & 7) !== 0 && KS[${seen}] !== ${pc}) P = K.misalignedCall(D, ${pc}, ${sp}, ${entry} ? CSP[D - 1] : 0, ${entry} ? CRA[D - 1] - 4 : 0); }`
  );
}

/**
 * The AAPCS check at a return (a branch to the CPU's `returnTop`, before the call stack pops): sp
 * and the frame saved at the call are compared inline; only a difference calls the checker. Sets
 * `P` to 1 when the checker asks to pause. Empty without a checker.
 */
export function returnCheck(context: EmitContext): string {
  const checker = context.checker;
  if (checker === undefined) return '';
  const sp = context.read(13);
  const compare = context.savedRegisters.map((register) => ` || KF[B + ${register - 4}] !== ${context.read(register)}`).join('');
  // Registers the program never changes are passed as they are (equal to the call's by construction).
  const values = [4, 5, 6, 7, 8, 9, 10, 11].map((register) => (context.savedRegisters.includes(register) ? context.read(register) : '0')).join(', ');
  return (
    `{ const D = cpu.callDepth - 1; if (D >= 0 && D < ${Math.min(checker.capacity, CALL_CAPACITY)} && KJ[D] !== 0) { const B = D * ${CALL_FRAME_WORDS}; ` +
    `if (CSP[D] !== ${sp}${compare}) P = K.returnMismatch(D, ${constant(context.address)}, ${maskOf(context.savedRegisters)}, ${sp}, CSP[D], CRA[D] - 4, ${values}); } }`
  );
}

/** Locals the checks use (declared once per compiled function that has a checker): the checker's arrays and the CPU's call stack. */
export const CHECKER_LOCALS =
  'K = cpu.checker, KF = K === undefined ? null : K.frames, KJ = K === undefined ? null : K.judged, KS = K === undefined ? null : K.misalignedSeen, CSP = cpu.callStackPointers, CRA = cpu.callReturns';

/** Code for a call: link, the CPU's call stack, the AAPCS check, and a pause the check may ask for (then the jump). */
function callCode(context: EmitContext, target: string): string {
  const link = `${context.write(14, constant(context.address + 4))} cpu.pushCall(${constant(context.address + 4)}, ${target}, ${context.read(13)});`;
  const check = callCheck(context);
  if (check === '') return link;
  // A computed target is checked (Thumb, alignment) by the branch that follows; a pause waits for a good one.
  const pause = target === 't' ? 'P !== 0 && (t & 3) === 0' : 'P !== 0';
  return `${link} { let P = 0; ${check} if (${pause}) ${context.jump(target, BLOCK_DIAGNOSTIC)} }`;
}

export function emitOther(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  switch (mnemonic) {
    case 'b':
    case 'bl': {
      const target = valueOf(operands[0]);
      if (target === undefined) return undefined;
      const link = mnemonic === 'bl' ? callCode(context, constant(target)) + ' ' : '';
      return { code: link + context.jumpConstant(target >>> 0), endsBlock: true };
    }
    case 'bx':
    case 'blx': {
      const register = registerOf(operands[0]);
      if (register === undefined) {
        if (mnemonic === 'blx' && valueOf(operands[0]) !== undefined) {
          return { code: context.raise('thumb', 'BLX to a label switches to Thumb state, which is not supported', constant(valueOf(operands[0]) ?? 0)), endsBlock: true };
        }
        return undefined;
      }
      let code = `t = ${context.read(register)};`;
      if (mnemonic === 'blx') code += ' ' + callCode(context, 't');
      return { code: code + ' ' + context.branchExchange('t'), endsBlock: true };
    }
    case 'svc':
    case 'swi': {
      const immediate = valueOf(operands[0]) ?? context.word & 0xffffff;
      return { code: `cpu.trapImmediate = ${immediate & 0xffffff}; ${context.jump(constant(context.address + 4), BLOCK_TRAP)}`, endsBlock: true };
    }
    case 'nop': case 'yield': case 'wfe': case 'wfi': case 'sev':
      return { code: '', endsBlock: false };
    case 'udf':
      return { code: context.raise('undefined', 'UDF: a permanently undefined instruction'), endsBlock: true };
    case 'bkpt':
      return { code: context.raise('undefined', 'BKPT: a breakpoint instruction (use the debugger\'s breakpoints instead)'), endsBlock: true };
    case 'mrs': {
      const destination = registerOf(operands[0]);
      if (destination === undefined || destination === 15) return undefined;
      context.useFlags();
      // User-mode CPSR as qemu-arm reports it: NZCV in bits 31..28, mode bits 0x10.
      return { code: context.write(destination, '(n << 31) | (z << 30) | (c << 29) | (v << 28) | (cpu.q << 27) | 0x10'), endsBlock: false };
    }
    case 'msr':
      return emitMoveToStatus(operands, context);
    default:
      return emitArithmetic(instruction, context);
  }
}

function emitMoveToStatus(operands: readonly Operand[], context: EmitContext): Emitted | undefined {
  const field = operands[0];
  if (field?.kind !== 'statusRegister') return undefined;
  const source = operands[1];
  let value: string;
  if (source?.kind === 'register') value = context.read(source.register);
  else if (source?.kind === 'immediate') value = constant(source.value);
  else return undefined;
  // Only the flags byte is writable from user mode; `apsr_g` alone changes nothing we model.
  const writesFlags = field.fields === '' || /[fn]/.test(field.fields) || field.name === 'apsr' && field.fields === '';
  if (!writesFlags) return { code: '', endsBlock: false };
  context.useFlags();
  return { code: `t = ${value}; n = t >>> 31; z = (t >>> 30) & 1; c = (t >>> 29) & 1; v = (t >>> 28) & 1; cpu.q = (t >>> 27) & 1;`, endsBlock: false };
}

function emitArithmetic(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands, setFlags } = instruction;
  const nz = (value: string): string => {
    if (!setFlags) return '';
    context.useFlags();
    return ` n = ${value} >>> 31; z = ${value} === 0 ? 1 : 0;`;
  };
  switch (mnemonic) {
    case 'mul': {
      const list = registers(operands, 3);
      if (!list) return undefined;
      const [d, n, m] = list;
      return { code: `t = Math.imul(${context.read(n)}, ${context.read(m)});${nz('t')} ${context.write(d, 't')}`, endsBlock: false };
    }
    case 'mla':
    case 'mls': {
      const list = registers(operands, 4);
      if (!list) return undefined;
      const [d, n, m, a] = list;
      const op = mnemonic === 'mla' ? '+' : '-';
      return { code: `t = (${context.read(a)} ${op} Math.imul(${context.read(n)}, ${context.read(m)})) | 0;${nz('t')} ${context.write(d, 't')}`, endsBlock: false };
    }
    case 'umull': case 'smull': case 'umlal': case 'smlal': {
      const list = registers(operands, 4);
      if (!list) return undefined;
      const [low, high, n, m] = list;
      const signed = mnemonic[0] === 's';
      let code = `t = H.${signed ? 'multiplySigned' : 'multiplyUnsigned'}(${context.read(n)}, ${context.read(m)});`;
      if (mnemonic.endsWith('lal')) code += ` t = H.add64(t, ${context.read(low)}, ${context.read(high)});`;
      code += ' x = H.state.high;';
      if (setFlags) {
        context.useFlags();
        code += ' n = x >>> 31; z = (t | x) === 0 ? 1 : 0;';
      }
      return { code: `${code} ${context.write(low, 't')} ${context.write(high, 'x')}`, endsBlock: false };
    }
    case 'sdiv': case 'udiv': {
      const list = registers(operands, 3);
      if (!list) return undefined;
      const [d, n, m] = list;
      const helper = mnemonic === 'sdiv' ? 'divideSigned' : 'divideUnsigned';
      return { code: context.write(d, `H.${helper}(${context.read(n)}, ${context.read(m)})`), endsBlock: false };
    }
    case 'clz': case 'rbit': case 'rev': case 'rev16': case 'revsh': {
      const list = registers(operands, 2);
      if (!list) return undefined;
      const [d, m] = list;
      const source = context.read(m);
      const expression =
        mnemonic === 'clz' ? `Math.clz32(${source})`
        : mnemonic === 'rbit' ? `H.reverseBits(${source})`
        : mnemonic === 'rev' ? `H.reverseBytes(${source})`
        : mnemonic === 'rev16' ? `((${source} & 0x00ff00ff) << 8) | ((${source} >>> 8) & 0x00ff00ff)`
        : `(((${source} & 0xff) << 24) >> 16) | ((${source} >>> 8) & 0xff)`;
      return { code: context.write(d, expression), endsBlock: false };
    }
    case 'sxtb': case 'sxth': case 'uxtb': case 'uxth':
    case 'sxtab': case 'sxtah': case 'uxtab': case 'uxtah':
      return emitExtend(instruction, context);
    case 'ubfx': case 'sbfx': case 'bfi': case 'bfc':
      return emitBitField(instruction, context);
  }
  return undefined;
}

function emitExtend(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const accumulate = mnemonic.length === 5;
  const list = registers(operands, accumulate ? 3 : 2);
  if (!list) return undefined;
  const rotateOperand = operands[accumulate ? 3 : 2];
  const rotation = rotateOperand?.kind === 'shift' ? rotateOperand.shift.amount ?? 0 : rotateOperand?.kind === 'immediate' ? rotateOperand.value : 0;
  const source = context.read(list[list.length - 1]);
  const rotated = rotation ? `((${source} >>> ${rotation}) | (${source} << ${32 - rotation}))` : source;
  const kind = mnemonic.slice(0, 3) + mnemonic[mnemonic.length - 1];
  const extended =
    kind === 'sxtb' ? `((${rotated} << 24) >> 24)`
    : kind === 'sxth' ? `((${rotated} << 16) >> 16)`
    : kind === 'uxtb' ? `(${rotated} & 0xff)`
    : `(${rotated} & 0xffff)`;
  const value = accumulate ? `(${context.read(list[1])} + ${extended}) | 0` : extended;
  return { code: context.write(list[0], value), endsBlock: false };
}

function emitBitField(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const clear = mnemonic === 'bfc';
  const list = registers(operands, clear ? 1 : 2);
  const lsb = valueOf(operands[clear ? 1 : 2]);
  const width = valueOf(operands[clear ? 2 : 3]);
  if (!list || lsb === undefined || width === undefined || width < 1 || lsb < 0 || lsb + width > 32) return undefined;
  const d = list[0];
  if (mnemonic === 'ubfx' || mnemonic === 'sbfx') {
    const left = 32 - lsb - width;
    const op = mnemonic === 'ubfx' ? '>>>' : '>>';
    return { code: context.write(d, `((${context.read(list[1])} << ${left}) ${op} ${32 - width}) | 0`), endsBlock: false };
  }
  const fieldMask = width === 32 ? -1 : ((1 << width) - 1) << lsb;
  if (clear) return { code: context.write(d, `${context.read(d)} & ${constant(~fieldMask)}`), endsBlock: false };
  const inserted = `((${context.read(list[1])} << ${lsb}) & ${constant(fieldMask)})`;
  return { code: context.write(d, `(${context.read(d)} & ${constant(~fieldMask)}) | ${inserted}`), endsBlock: false };
}
