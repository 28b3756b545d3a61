/**
 * Code generation for loads and stores: LDR/STR and their byte, halfword,
 * signed and doubleword forms with every addressing mode, and LDM/STM/PUSH/POP.
 *
 * Semantics follow ARMv7 Linux user mode as qemu-arm runs it: unaligned
 * LDR/STR/LDRH/STRH are allowed; LDRD/STRD/LDM/STM need a word-aligned
 * address (else an alignment fault). A load into PC interworks (odd -> Thumb
 * fault). With writeback to a base that is also loaded, the loaded value wins;
 * a stored base is its value before the instruction (as qemu-arm).
 */
import type { Instruction, MemoryOffset, Operand } from '../isa/types';
import { constant, type EmitContext, type Emitted } from './codegen-context';

const SINGLE: Record<string, { size: 1 | 2 | 4; load: boolean; signed?: boolean }> = {
  ldr: { size: 4, load: true },
  ldrb: { size: 1, load: true },
  ldrh: { size: 2, load: true },
  ldrsb: { size: 1, load: true, signed: true },
  ldrsh: { size: 2, load: true, signed: true },
  str: { size: 4, load: false },
  strb: { size: 1, load: false },
  strh: { size: 2, load: false },
  ldrt: { size: 4, load: true },
  ldrbt: { size: 1, load: true },
  strt: { size: 4, load: false },
  strbt: { size: 1, load: false },
};

/** Block mnemonics -> [load, increment, before]. */
const MULTIPLE: Record<string, [boolean, boolean, boolean]> = {
  ldm: [true, true, false], ldmia: [true, true, false], ldmfd: [true, true, false],
  ldmib: [true, true, true], ldmed: [true, true, true],
  ldmda: [true, false, false], ldmfa: [true, false, false],
  ldmdb: [true, false, true], ldmea: [true, false, true],
  stm: [false, true, false], stmia: [false, true, false], stmea: [false, true, false],
  stmib: [false, true, true], stmfa: [false, true, true],
  stmda: [false, false, false], stmed: [false, false, false],
  stmdb: [false, false, true], stmfd: [false, false, true],
  push: [false, false, true], pop: [true, true, false],
};

export const MEMORY_MNEMONICS = new Set([...Object.keys(SINGLE), ...Object.keys(MULTIPLE), 'ldrd', 'strd']);

function offsetExpression(context: EmitContext, offset: MemoryOffset | undefined): string | undefined {
  if (!offset) return undefined;
  if (offset.kind === 'immediate') {
    const value = offset.subtract ? -Math.abs(offset.value) : offset.value;
    return value === 0 && !offset.subtract ? undefined : constant(value);
  }
  let value = context.read(offset.register);
  const shift = offset.shift;
  if (shift && shift.register === undefined) {
    const amount = shift.amount ?? 0;
    const type = shift.type === 'ror' && amount % 32 === 0 ? 'rrx' : shift.type;
    switch (type) {
      case 'lsl': if (amount) value = `(${value} << ${amount})`; break;
      case 'lsr': value = amount === 0 || amount >= 32 ? '0' : `((${value} >>> ${amount}) | 0)`; break;
      case 'asr': value = `(${value} >> ${amount === 0 || amount >= 32 ? 31 : amount})`; break;
      case 'ror': value = `((${value} >>> ${amount % 32}) | (${value} << ${32 - (amount % 32)}))`; break;
      case 'rrx': context.useFlags(); value = `((c << 31) | (${value} >>> 1))`; break;
    }
  }
  return offset.subtract ? `-${value}` : value;
}

interface Addressing {
  /** Statements leaving the access address in `a`. */
  setup: string;
  /** Statement performing the base writeback (empty when none). */
  writeback: string;
  base: number;
}

function addressing(context: EmitContext, operand: Operand | undefined): Addressing | undefined {
  if (operand?.kind === 'address') return { setup: `a = ${constant(operand.value)};`, writeback: '', base: -1 };
  if (operand?.kind !== 'memory') return undefined;
  const base = context.read(operand.base);
  const offset = offsetExpression(context, operand.offset);
  const moved = offset === undefined ? base : `(${base} + ${offset}) | 0`;
  if (operand.indexing === 'offset') return { setup: `a = ${moved};`, writeback: '', base: operand.base };
  if (operand.base === 15) return undefined;
  if (operand.indexing === 'pre') return { setup: `a = ${moved};`, writeback: context.write(operand.base, 'a'), base: operand.base };
  return { setup: `a = ${base}; s = ${moved};`, writeback: context.write(operand.base, 's'), base: operand.base };
}

/**
 * In code compiled with a checker: the instruction's base register (its value before any
 * writeback, and its number) as two more arguments of each access, so the heap checker can see a
 * pointer into one block reach another (memory.ts passes them to the checker on its slow path; the
 * fast path ignores them). Empty without a checker, and for PC-relative accesses (literals never
 * lie in the heap).
 */
export function baseArguments(context: EmitContext, register: number): string {
  if (context.checker === undefined || register < 0 || register > 14) return '';
  return `, ${context.read(register)}, ${register}`;
}

const check = (context: EmitContext): string => `if (m.status !== 0) ${context.memoryFault()}`;
const storeCheck = (context: EmitContext): string => `if (m.status !== 0) { if (m.status === 1) ${context.memoryFault()} w = 1; }`;

function readCall(size: 1 | 2 | 4, signed: boolean | undefined, address: string, base: string): string {
  if (size === 4) return `m.read32(${address}${base})`;
  if (size === 2) return signed ? `(m.read16(${address}${base}) << 16) >> 16` : `m.read16(${address}${base})`;
  return signed ? `(m.read8(${address}${base}) << 24) >> 24` : `m.read8(${address}${base})`;
}

function writeCall(size: 1 | 2 | 4, address: string, value: string, base: string): string {
  return size === 4 ? `m.write32(${address}, ${value}${base});` : size === 2 ? `m.write16(${address}, ${value} & 0xffff${base});` : `m.write8(${address}, ${value} & 0xff${base});`;
}

export function emitMemory(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  if (mnemonic in MULTIPLE) return emitMultiple(instruction, context);
  if (mnemonic === 'ldrd' || mnemonic === 'strd') return emitDouble(instruction, context);
  const form = SINGLE[mnemonic];
  const target = operands[0];
  if (!form || target?.kind !== 'register') return undefined;
  const where = addressing(context, operands[1]);
  if (!where) return undefined;
  const rt = target.register;
  const base = baseArguments(context, where.base);
  if (form.load) {
    let code = `${where.setup} t = ${readCall(form.size, form.signed, 'a', base)}; ${check(context)} ${where.writeback}`;
    if (rt === 15) return { code: code + ' ' + context.branchExchange('t'), endsBlock: true };
    code += ' ' + context.write(rt, 't');
    return { code, endsBlock: false };
  }
  const value = rt === 15 ? constant(context.address + 8) : context.read(rt);
  const code = `${where.setup} t = ${value}; ${writeCall(form.size, 'a', 't', base)} ${storeCheck(context)} ${where.writeback}`;
  return { code, endsBlock: false, stores: true };
}

function emitDouble(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const first = operands[0];
  const secondOperand = operands[1];
  const hasSecond = secondOperand?.kind === 'register';
  if (first?.kind !== 'register') return undefined;
  const rt = first.register;
  const rt2 = hasSecond ? secondOperand.register : rt + 1;
  const where = addressing(context, operands[hasSecond ? 2 : 1]);
  if (!where || rt2 > 14 || rt === 15) return undefined;
  const aligned = `if ((a & 3) !== 0) ${context.raise('alignment', mnemonic, 'a')}`;
  const base = baseArguments(context, where.base);
  if (mnemonic === 'ldrd') {
    const code = `${where.setup} ${aligned} t = m.read32(a${base}); x = m.read32((a + 4) | 0${base}); ${check(context)} ${where.writeback} ${context.write(rt, 't')} ${context.write(rt2, 'x')}`;
    return { code, endsBlock: false };
  }
  const code = `${where.setup} ${aligned} t = ${context.read(rt)}; x = ${context.read(rt2)}; m.write32(a, t${base}); ${storeCheck(context)} m.write32((a + 4) | 0, x${base}); ${storeCheck(context)} ${where.writeback}`;
  return { code, endsBlock: false, stores: true };
}

function emitMultiple(instruction: Instruction, context: EmitContext): Emitted | undefined {
  const { mnemonic, operands } = instruction;
  const [load, increment, before] = MULTIPLE[mnemonic];
  let base = 13;
  let writeback = true;
  let list: Operand | undefined;
  if (mnemonic === 'push' || mnemonic === 'pop') {
    list = operands[0];
  } else {
    const baseOperand = operands[0];
    if (baseOperand?.kind !== 'register') return undefined;
    base = baseOperand.register;
    writeback = baseOperand.writeback === true;
    list = operands[1];
  }
  let mask: number;
  if (list?.kind === 'registerList') {
    if (list.userMode) return { code: context.raise('unpredictable', `${mnemonic} with ^ (user-mode registers) cannot run in user mode`), endsBlock: true };
    mask = list.mask & 0xffff;
  } else if (list?.kind === 'register') {
    mask = 1 << list.register;
  } else {
    return undefined;
  }
  if (mask === 0) return { code: context.raise('unpredictable', `${mnemonic} with an empty register list`), endsBlock: true };
  if (base === 15) return { code: context.raise('unpredictable', `${mnemonic} with PC as the base register`), endsBlock: true };
  const count = popcount(mask);
  const start = increment ? (before ? 4 : 0) : before ? -4 * count : -4 * count + 4;
  const final = increment ? 4 * count : -4 * count;
  const baseValue = baseArguments(context, base);
  let code = `a = (${context.read(base)} + ${start}) | 0; if ((a & 3) !== 0) ${context.raise('alignment', mnemonic, 'a')}`;
  let offset = 0;
  const assignments: string[] = [];
  let loadsPc = false;
  for (let register = 0; register < 16; register++) {
    if ((mask & (1 << register)) === 0) continue;
    const address = offset === 0 ? 'a' : `(a + ${offset}) | 0`;
    if (load) {
      if (register === 15) {
        code += ` t = m.read32(${address}${baseValue});`;
        loadsPc = true;
      } else {
        code += ` x${register} = m.read32(${address}${baseValue});`;
        assignments.push(context.write(register, `x${register}`));
      }
    } else {
      const value = register === 15 ? constant(context.address + 8) : context.read(register);
      code += ` m.write32(${address}, ${value}${baseValue});`;
    }
    offset += 4;
  }
  code += load ? ` ${check(context)}` : ` ${storeCheck(context)}`;
  if (writeback) code += ' ' + context.write(base, `(${context.read(base)} + ${final}) | 0`);
  code += ' ' + assignments.join(' ');
  if (loadsPc) return { code: code + ' ' + context.branchExchange('t'), endsBlock: true };
  return { code, endsBlock: false, stores: !load };
}

function popcount(mask: number): number {
  let count = 0;
  for (let bits = mask; bits !== 0; bits &= bits - 1) count++;
  return count;
}
