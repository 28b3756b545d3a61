/**
 * Seeded load/store test cases: each one an Instruction (as the assembler
 * would build it) and the GNU `as` source text that spells it. The golden
 * file (load-store-goldens.json) records what GNU `as` and objdump make of
 * each text; load-store-goldens.ts regenerates it.
 *
 * Label operands are written `. + 8 + d` so their encoding depends only on
 * the distance d, whatever address the line lands at.
 */
import { CONDITIONS, type Condition, type Instruction, type MemoryOffset, type Operand, type Shift, type ShiftType } from './types';
import { seededFractions as random } from '../testing/random';

export interface LoadStoreCase {
  text: string;
  instruction: Instruction;
}

/** Address the test encodes label cases at (any address works: only the distance matters). */
export const CASE_ADDRESS = 0x0001_0000;


const NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

export function registerText(register: number): string {
  return NAMES[register & 15];
}

function offsetText(offset: MemoryOffset): string {
  if (offset.kind === 'immediate') {
    const negative = offset.subtract || offset.value < 0 || Object.is(offset.value, -0);
    return `#${negative ? '-' : ''}${Math.abs(offset.value)}`;
  }
  let text = `${offset.subtract ? '-' : ''}${registerText(offset.register)}`;
  if (offset.shift) text += `, ${shiftText(offset.shift)}`;
  return text;
}

function shiftText(shift: Shift): string {
  if (shift.type === 'rrx') return 'rrx';
  if (shift.register !== undefined) return `${shift.type} ${registerText(shift.register)}`;
  return `${shift.type} #${shift.amount ?? 0}`;
}

export function operandText(operand: Operand): string {
  switch (operand.kind) {
    case 'register':
      return registerText(operand.register) + (operand.writeback ? '!' : '');
    case 'memory': {
      const base = registerText(operand.base);
      if (operand.indexing === 'post') return `[${base}]` + (operand.offset ? `, ${offsetText(operand.offset)}` : '');
      const inner = operand.offset ? `[${base}, ${offsetText(operand.offset)}]` : `[${base}]`;
      return inner + (operand.indexing === 'pre' ? '!' : '');
    }
    case 'registerList': {
      const names: string[] = [];
      for (let register = 0; register < 16; register++) if (operand.mask & (1 << register)) names.push(registerText(register));
      return `{${names.join(', ')}}${operand.userMode ? '^' : ''}`;
    }
    case 'address': {
      const distance = (operand.value - CASE_ADDRESS - 8) | 0;
      return `. + 8 ${distance < 0 ? '-' : '+'} ${Math.abs(distance)}`;
    }
    default:
      return '?';
  }
}

/** GNU unified-syntax text of an instruction. */
export function instructionText(instruction: Instruction): string {
  const condition = instruction.condition === 'al' ? '' : instruction.condition;
  return `${instruction.mnemonic}${condition} ${instruction.operands.map(operandText).join(', ')}`;
}

function make(mnemonic: string, condition: Condition, operands: Operand[]): LoadStoreCase {
  const instruction: Instruction = { mnemonic, condition, setFlags: false, operands };
  return { text: instructionText(instruction), instruction };
}

/** Seeded cases for every load/store form, edges first, then random operands. */
export function loadStoreCases(seed = 2026, perForm = 24): LoadStoreCase[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const chance = (probability: number): boolean => next() < probability;
  const register = (): number => (chance(0.1) ? pick([13, 14, 15]) : Math.floor(next() * 13));
  const condition = (): Condition => (chance(0.7) ? 'al' : pick(CONDITIONS));
  const cases: LoadStoreCase[] = [];

  const immediateOffset = (limit: number): MemoryOffset | undefined => {
    const roll = next();
    if (roll < 0.1) return undefined;
    if (roll < 0.15) return { kind: 'immediate', value: 0, subtract: true };
    const magnitude = chance(0.15) ? pick([0, 1, limit, limit + 1]) : Math.floor(next() * (limit + 1));
    return { kind: 'immediate', value: chance(0.4) ? -magnitude : magnitude, subtract: false };
  };
  const registerOffset = (shifts: boolean): MemoryOffset => {
    const offset: MemoryOffset = { kind: 'register', register: register(), subtract: chance(0.3) };
    if (shifts && chance(0.7)) {
      const type: ShiftType = pick(['lsl', 'lsr', 'asr', 'ror', 'rrx'] as const);
      if (type === 'rrx') offset.shift = { type };
      else {
        const amount = chance(0.2) ? pick([0, 1, 31, 32]) : 1 + Math.floor(next() * 31);
        offset.shift = { type, amount };
      }
    }
    return offset;
  };
  const indexing = (): 'offset' | 'pre' | 'post' => pick(['offset', 'offset', 'pre', 'post'] as const);
  const memory = (limit: number, registerOffsets: boolean, shifts: boolean, post = false): Operand => {
    const offset = registerOffsets ? registerOffset(shifts) : immediateOffset(limit);
    const mode = post ? (chance(0.2) ? pick(['offset', 'pre'] as const) : 'post') : indexing();
    if (post && mode !== 'post' && chance(0.5)) return { kind: 'memory', base: register(), indexing: mode };
    if (post && mode !== 'post' && offset?.kind === 'immediate' && chance(0.7)) {
      return { kind: 'memory', base: register(), offset: { ...offset, value: 0 }, indexing: mode };
    }
    if (!offset) return { kind: 'memory', base: register(), indexing: mode === 'post' ? 'offset' : mode };
    return { kind: 'memory', base: register(), offset, indexing: mode };
  };
  const label = (limit: number): Operand => {
    const distance = chance(0.2) ? pick([0, -limit, limit, limit + 1, -limit - 1]) : Math.floor((next() * 2 - 1) * (limit + 64));
    return { kind: 'address', value: CASE_ADDRESS + 8 + distance };
  };

  for (const mnemonic of ['ldr', 'str', 'ldrb', 'strb']) {
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(4095, false, false)]));
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(4095, true, true)]));
    for (let i = 0; i < perForm / 4; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, label(4095)]));
  }
  for (const mnemonic of ['ldrt', 'strt', 'ldrbt', 'strbt']) {
    for (let i = 0; i < perForm / 2; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(4095, false, false, true)]));
    for (let i = 0; i < perForm / 2; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(4095, true, true, true)]));
  }
  for (const mnemonic of ['ldrh', 'strh', 'ldrsb', 'ldrsh']) {
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(255, false, false)]));
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(255, true, chance(0.1))]));
    for (let i = 0; i < perForm / 4; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, label(255)]));
  }
  for (const mnemonic of ['ldrht', 'strht', 'ldrsbt', 'ldrsht']) {
    for (let i = 0; i < perForm / 3; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(255, false, false, true)]));
    for (let i = 0; i < perForm / 3; i++) cases.push(make(mnemonic, condition(), [{ kind: 'register', register: register() }, memory(255, true, false, true)]));
  }
  for (const mnemonic of ['ldrd', 'strd']) {
    const pair = (): Operand[] => {
      const first = chance(0.85) ? 2 * Math.floor(next() * 7) : register();
      const registers: Operand[] = [{ kind: 'register', register: first }];
      if (chance(0.6)) registers.push({ kind: 'register', register: chance(0.9) ? (first + 1) & 15 : register() });
      return registers;
    };
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [...pair(), memory(255, false, false)]));
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [...pair(), memory(255, true, false)]));
    for (let i = 0; i < perForm / 4; i++) cases.push(make(mnemonic, condition(), [...pair(), label(255)]));
  }

  for (const mnemonic of ['pld', 'pldw', 'pli']) {
    const preload = (registerOffsets: boolean): Operand => {
      const operand = memory(4095, registerOffsets, true);
      return chance(0.85) && operand.kind === 'memory' ? { ...operand, indexing: 'offset' } : operand;
    };
    for (let i = 0; i < perForm / 2; i++) cases.push(make(mnemonic, 'al', [preload(false)]));
    for (let i = 0; i < perForm / 2; i++) cases.push(make(mnemonic, 'al', [preload(true)]));
    for (let i = 0; i < perForm / 4; i++) cases.push(make(mnemonic, 'al', [label(4095)]));
  }

  const bare = (): Operand => {
    const base = register();
    const roll = next();
    if (roll < 0.8) return { kind: 'memory', base, indexing: 'offset' };
    if (roll < 0.9) return { kind: 'memory', base, offset: { kind: 'immediate', value: chance(0.7) ? 0 : 4, subtract: false }, indexing: 'offset' };
    return { kind: 'memory', base, indexing: 'pre' };
  };
  const reg = (value = register()): Operand => ({ kind: 'register', register: value });
  for (const size of ['', 'b', 'h', 'd']) {
    for (let i = 0; i < perForm / 2; i++) {
      const data = size === 'd' ? (chance(0.85) ? 2 * Math.floor(next() * 7) : register()) : register();
      const pair = size === 'd' && chance(0.5) ? [reg(data), reg(chance(0.9) ? (data + 1) & 15 : register())] : [reg(data)];
      cases.push(make(`ldrex${size}`, condition(), [...pair, bare()]));
      cases.push(make(`strex${size}`, condition(), [reg(), ...pair, bare()]));
    }
  }
  for (const mnemonic of ['swp', 'swpb']) {
    for (let i = 0; i < perForm / 2; i++) cases.push(make(mnemonic, condition(), [reg(), reg(), bare()]));
  }

  const list = (): number => {
    const roll = next();
    if (roll < 0.25) return 1 << Math.floor(next() * 16);
    return Math.floor(next() * 0x10000) || 0x10;
  };
  const blockNames = ['ldm', 'ldmia', 'ldmfd', 'ldmib', 'ldmed', 'ldmda', 'ldmfa', 'ldmdb', 'ldmea', 'stm', 'stmia', 'stmea', 'stmib', 'stmfa', 'stmda', 'stmed', 'stmdb', 'stmfd'];
  for (const mnemonic of blockNames) {
    for (let i = 0; i < perForm / 2; i++) {
      const base: Operand = { kind: 'register', register: chance(0.3) ? 13 : register(), writeback: chance(0.5) };
      const registers: Operand = { kind: 'registerList', mask: list(), userMode: chance(0.1) };
      cases.push(make(mnemonic, condition(), [base, registers]));
    }
  }
  for (const mnemonic of ['push', 'pop']) {
    for (let register = 0; register < 16; register++) cases.push(make(mnemonic, 'al', [{ kind: 'registerList', mask: 1 << register }]));
    for (let i = 0; i < perForm; i++) cases.push(make(mnemonic, condition(), [{ kind: 'registerList', mask: list() }]));
  }
  return cases;
}
