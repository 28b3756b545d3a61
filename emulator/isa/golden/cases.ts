/**
 * The instruction cases of the golden file: seeded random operands and edge
 * cases for every row of the non-memory classes, each as GNU source text and
 * as the operands the assembler would hand to the ISA table. The expected
 * words come from GNU `as` (scripts/isa-golden.ts), never from this file.
 */
import { CONDITIONS, type Operand, type Shift, type ShiftType } from '../types';
import { seededFractions as random } from '../../testing/random';

export interface GoldenCase {
  /** One line of GNU `as` source (unified syntax). */
  source: string;
  /** The mnemonic as written (with condition and S), for parseMnemonic. */
  mnemonic: string;
  operands: Operand[];
  /** Where the instruction sits (its index among accepted cases, times 4). */
  address: number;
  /** An 'address' operand written as `.+offset`: its value is address + offset. */
  relative?: { operand: number; offset: number };
  /** Hex word `as` emitted, and objdump's text for it. */
  word?: string;
  objdump?: string;
  /** The error or warning `as` reported (in `.syntax unified`). */
  error?: string;
  /** The word `as` emits in `.syntax divided` (its default) for a line unified syntax rejects. */
  dividedWord?: string;
  warning?: string;
}


const REGISTER_NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'sp', 'lr', 'pc'];

export function generateCases(seed = 0x5eed): GoldenCase[] {
  const next = random(seed);
  const integer = (limit: number): number => Math.floor(next() * limit);
  const pick = <T>(items: readonly T[]): T => items[integer(items.length)];
  const cases: GoldenCase[] = [];

  const register = (n: number): Operand => ({ kind: 'register', register: n });
  const immediate = (value: number): Operand => ({ kind: 'immediate', value });
  const anyRegister = (): number => (next() < 0.06 ? 15 : integer(15));
  const lowRegister = (): number => integer(13);
  const condition = (): string => (next() < 0.5 ? '' : pick(CONDITIONS));
  const number = (value: number): string => (value < 0 ? `#${value}` : `#0x${value.toString(16)}`);
  const shiftText = (shift: Shift): string =>
    shift.type === 'rrx' ? 'rrx' : shift.register !== undefined ? `${shift.type} ${REGISTER_NAMES[shift.register]}` : `${shift.type} #${shift.amount}`;
  const operandText = (operand: Operand): string => {
    switch (operand.kind) {
      case 'register':
        return REGISTER_NAMES[operand.register];
      case 'immediate':
        return operand.relocation ? `#:${operand.relocation}:0x${(operand.value >>> 0).toString(16)}` : number(operand.value);
      case 'shift':
        return shiftText(operand.shift);
      case 'statusRegister':
        return operand.fields ? `${operand.name}_${operand.fields}` : operand.name;
      default:
        return '?';
    }
  };
  const add = (mnemonic: string, operands: Operand[], relative?: { operand: number; offset: number }): void => {
    const texts = operands.map((operand, index) =>
      relative && index === relative.operand ? `.${relative.offset < 0 ? '-' : '+'}${Math.abs(relative.offset)}` : operandText(operand),
    );
    const source = texts.length ? `${mnemonic} ${texts.join(', ')}` : mnemonic;
    const item: GoldenCase = { source, mnemonic, operands, address: 0 };
    if (relative) item.relative = relative;
    cases.push(item);
  };

  // Constants: encodable, their inverses and negations, 16-bit, and raw random words.
  const constant = (): number => {
    const encodable = (): number => {
      const byte = integer(256);
      const rotation = integer(16) * 2;
      return rotation === 0 ? byte : ((byte >>> rotation) | (byte << (32 - rotation))) >>> 0;
    };
    switch (integer(7)) {
      case 0: return encodable();
      case 1: return ~encodable() >>> 0;
      case 2: return -encodable() | 0;
      case 3: return integer(0x10000);
      case 4: return (integer(0x10000) * 0x10000 + integer(0x10000)) >>> 0;
      case 5: return pick([0, 1, 0xff, 0x100, 0x101, 0x3fc, 0xff000000, 0xf000000f, 0x80000000, 0xffffffff, -1, -256, -257, 0xffff, 0x10000]);
      default: return integer(256);
    }
  };
  const shiftByImmediate = (): Shift => {
    const type = pick<ShiftType>(['lsl', 'lsr', 'asr', 'ror', 'rrx']);
    if (type === 'rrx') return { type };
    const amount = next() < 0.2 ? pick([0, 1, 31, 32, 33]) : 1 + integer(31);
    return { type, amount };
  };

  // ---- Data processing
  const operations = ['and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'rsc', 'tst', 'teq', 'cmp', 'cmn', 'orr', 'mov', 'bic', 'mvn'];
  for (const name of operations) {
    const test = ['tst', 'teq', 'cmp', 'cmn'].includes(name);
    const move = name === 'mov' || name === 'mvn';
    for (let round = 0; round < 60; round++) {
      const flags = !test && next() < 0.3 ? 's' : test && next() < 0.05 ? 's' : '';
      const mnemonic = `${name}${flags}${condition()}`;
      const lead: Operand[] = test ? [register(anyRegister())] : move ? [register(anyRegister())] : [register(anyRegister()), register(anyRegister())];
      const shorthand = !test && !move && next() < 0.1;
      if (shorthand) lead.pop();
      const form = round % 3;
      if (form === 0) add(mnemonic, [...lead, immediate(constant())]);
      else if (form === 1) {
        const operands = [...lead, register(anyRegister())];
        if (next() < 0.75) operands.push({ kind: 'shift', shift: shiftByImmediate() });
        add(mnemonic, operands);
      } else {
        add(mnemonic, [...lead, register(anyRegister()), { kind: 'shift', shift: { type: pick<ShiftType>(['lsl', 'lsr', 'asr', 'ror']), register: anyRegister() } }]);
      }
    }
  }
  // `add rd, pc, #n` reads n as a signed offset in GNU `as`.
  for (const value of [4, 0x3fc, 0x40000000, 0x80000000, 0xff000000, 0xf000000f, -4, -0x101, 0x101, 0x7f000000, 0x7fffffe3, 0x7ffffff7]) {
    add(`add${condition()}`, [register(lowRegister()), register(15), immediate(value)]);
    add(pick(['sub', 'adds', 'adc']), [register(lowRegister()), register(15), immediate(value)]);
  }
  add('add', [register(15), immediate(0xff000000)]);
  add('movvc', [register(15), immediate(0xa429)]);
  // Divided-syntax spellings of S plus condition.
  add('addeqs', [register(0), register(1), immediate(1)]);
  add('movnes', [register(2), register(3)]);
  add('cmpeqs', [register(0), register(1)]);

  // ---- Shift mnemonics
  for (const name of ['lsl', 'lsr', 'asr', 'ror']) {
    for (const amount of [0, 1, 2, 16, 31, 32, 33, -1]) {
      add(`${name}${next() < 0.3 ? 's' : ''}${condition()}`, [register(lowRegister()), register(lowRegister()), immediate(amount)]);
    }
    add(name, [register(lowRegister()), immediate(1 + integer(31))]);
    for (let round = 0; round < 4; round++) {
      add(`${name}${next() < 0.4 ? 's' : ''}${condition()}`, [register(anyRegister()), register(anyRegister()), register(anyRegister())]);
    }
    add(name, [register(lowRegister()), register(lowRegister())]);
  }
  for (let round = 0; round < 6; round++) add(`rrx${next() < 0.5 ? 's' : ''}${condition()}`, [register(anyRegister()), register(anyRegister())]);

  // ---- Pre-UAL aliases
  for (let round = 0; round < 4; round++) {
    add(`neg${next() < 0.5 ? 's' : ''}${condition()}`, [register(anyRegister()), register(anyRegister())]);
    add(`cpy${condition()}`, [register(anyRegister()), register(anyRegister())]);
  }

  // ---- MOVW, MOVT
  for (const name of ['movw', 'movt']) {
    for (let round = 0; round < 10; round++) add(`${name}${condition()}`, [register(anyRegister()), immediate(integer(0x10000))]);
    for (const value of [0, 0xffff, 0x10000, -1]) add(name, [register(lowRegister()), immediate(value)]);
    const word = (integer(0x10000) * 0x10000 + integer(0x10000)) >>> 0;
    add(name, [register(lowRegister()), { kind: 'immediate', value: word, relocation: name === 'movw' ? 'lower16' : 'upper16' }]);
  }

  // ---- ADR
  for (const offset of [0, 8, 12, 0x100, 0x101, 0x400, 0x1000, 0x1008, 0x4000, -4, -8, -12, -0x100, -0x104, -0x1000, -0x1008]) {
    add(`adr${condition()}`, [register(anyRegister()), { kind: 'address', value: 0 }], { operand: 1, offset });
  }

  // ---- Multiply
  for (const name of ['mul', 'mla', 'mls']) {
    for (let round = 0; round < 12; round++) {
      const flags = name !== 'mls' && next() < 0.3 ? 's' : '';
      const operands = [register(anyRegister()), register(anyRegister()), register(anyRegister())];
      if (name !== 'mul') operands.push(register(anyRegister()));
      add(`${name}${flags}${condition()}`, operands);
    }
  }
  add('mul', [register(3), register(4)]);
  add('muls', [register(5), register(6)]);
  add('mlss', [register(0), register(1), register(2), register(3)]);
  for (const name of ['umull', 'umlal', 'smull', 'smlal']) {
    for (let round = 0; round < 8; round++) {
      add(`${name}${next() < 0.3 ? 's' : ''}${condition()}`, [register(anyRegister()), register(anyRegister()), register(anyRegister()), register(anyRegister())]);
    }
    add(name, [register(4), register(4), register(1), register(2)]);
  }
  for (const stem of ['smul', 'smla', 'smlal']) {
    for (const halves of ['bb', 'bt', 'tb', 'tt']) {
      for (let round = 0; round < 3; round++) {
        const operands = [register(anyRegister()), register(anyRegister()), register(anyRegister())];
        if (stem !== 'smul') operands.push(register(anyRegister()));
        add(`${stem}${halves}${condition()}`, operands);
      }
    }
  }
  for (const name of ['smulwb', 'smulwt', 'smlawb', 'smlawt']) {
    for (let round = 0; round < 3; round++) {
      const operands = [register(anyRegister()), register(anyRegister()), register(anyRegister())];
      if (name.startsWith('smla')) operands.push(register(anyRegister()));
      add(`${name}${condition()}`, operands);
    }
  }
  for (let round = 0; round < 6; round++) {
    add(`umaal${condition()}`, [register(anyRegister()), register(anyRegister()), register(anyRegister()), register(anyRegister())]);
  }
  add('umaals', [register(0), register(1), register(2), register(3)]);
  for (const name of ['sdiv', 'udiv']) {
    for (let round = 0; round < 6; round++) add(`${name}${condition()}`, [register(anyRegister()), register(anyRegister()), register(anyRegister())]);
    add(name, [register(1), register(2)]);
    add(`${name}s`, [register(1), register(2), register(3)]);
  }

  // ---- Miscellaneous
  for (const name of ['clz', 'rbit', 'rev', 'rev16', 'revsh']) {
    for (let round = 0; round < 5; round++) add(`${name}${condition()}`, [register(anyRegister()), register(anyRegister())]);
  }
  for (const name of ['sxtb', 'sxth', 'uxtb', 'uxth', 'sxtab', 'sxtah', 'uxtab', 'uxtah']) {
    const count = name.length === 5 ? 3 : 2;
    for (let round = 0; round < 7; round++) {
      const operands: Operand[] = [];
      for (let index = 0; index < count; index++) operands.push(register(anyRegister()));
      const rotation = pick([-1, 0, 8, 16, 24, 4]);
      if (rotation >= 0) operands.push({ kind: 'shift', shift: { type: 'ror', amount: rotation } });
      add(`${name}${condition()}`, operands);
    }
  }
  const bitField = (): [number, number] => {
    if (next() < 0.15) return [pick([-1, 0, 31, 32]), pick([0, 1, 32, 33])];
    const lsb = integer(32);
    const width = 1 + integer(next() < 0.85 ? 32 - lsb : 32);
    return [lsb, width];
  };
  for (const name of ['ubfx', 'sbfx', 'bfi']) {
    for (let round = 0; round < 12; round++) {
      const [lsb, width] = bitField();
      add(`${name}${condition()}`, [register(anyRegister()), register(anyRegister()), immediate(lsb), immediate(width)]);
    }
  }
  for (const name of ['ssat', 'usat']) {
    for (let round = 0; round < 10; round++) {
      const operands: Operand[] = [register(anyRegister()), immediate(pick([0, 1, 8, 16, 31, 32, 33, integer(32)])), register(anyRegister())];
      const shift = pick<Shift | undefined>([undefined, { type: 'lsl', amount: integer(33) }, { type: 'asr', amount: integer(34) }]);
      if (shift) operands.push({ kind: 'shift', shift });
      add(`${name}${condition()}`, operands);
    }
  }
  for (let round = 0; round < 10; round++) {
    const [lsb, width] = bitField();
    add(`bfc${condition()}`, [register(anyRegister()), immediate(lsb), immediate(width)]);
  }

  // ---- Branches
  const branchOffset = (): number => {
    switch (integer(4)) {
      case 0: return (integer(0x200) - 0x100) * 4;
      case 1: return (integer(0x1000000) - 0x800000) * 4;
      case 2: return pick([0, 4, 8, -4, -8, 0x2000000, 0x2000004, -0x1fffff8, -0x2000000, -0x2000004, 0x3fffff8, 2, 6, -2]);
      default: return (integer(0x2000) - 0x1000) * 4;
    }
  };
  for (const name of ['b', 'bl']) {
    for (let round = 0; round < 24; round++) {
      add(`${name}${condition()}`, [{ kind: 'address', value: 0 }], { operand: 0, offset: branchOffset() });
    }
  }
  for (let round = 0; round < 12; round++) {
    const offset = next() < 0.5 ? branchOffset() : (integer(0x1000) - 0x800) * 2;
    add(next() < 0.9 ? 'blx' : 'blxeq', [{ kind: 'address', value: 0 }], { operand: 0, offset });
  }
  for (const name of ['bx', 'blx']) {
    for (let round = 0; round < 8; round++) add(`${name}${condition()}`, [register(anyRegister())]);
    add(name, [register(15)]);
  }

  // ---- System
  for (let round = 0; round < 8; round++) add(`${pick(['svc', 'swi'])}${condition()}`, [immediate(next() < 0.5 ? integer(256) : integer(0x1000000))]);
  add('svc', [immediate(0x1000000)]);
  add('svc', [immediate(-1)]);
  for (const name of ['nop', 'yield', 'wfe', 'wfi', 'sev']) {
    add(name, []);
    add(`${name}${pick(CONDITIONS.slice(0, 14))}`, []);
  }
  const status = (name: 'apsr' | 'cpsr' | 'spsr', fields: string): Operand => ({ kind: 'statusRegister', name, fields });
  for (const name of ['apsr', 'cpsr', 'spsr'] as const) {
    add(`mrs${condition()}`, [register(lowRegister()), status(name, '')]);
  }
  add('mrs', [register(15), status('apsr', '')]);
  const destinations: Operand[] = [
    status('apsr', 'nzcvq'), status('apsr', 'g'), status('apsr', 'nzcvqg'), status('apsr', ''),
    status('cpsr', 'f'), status('cpsr', 'c'), status('cpsr', 'fc'), status('cpsr', 'fsxc'), status('cpsr', 'sf'),
    status('cpsr', 'x'), status('cpsr', ''), status('spsr', 'fsxc'), status('spsr', ''), status('cpsr', 'ff'),
  ];
  for (const destination of destinations) {
    add(`msr${condition()}`, [destination, register(anyRegister())]);
  }
  for (const value of [0xf0000000, 0x80000000, 0x101, 1, 0x000f0000]) {
    add('msr', [pick(destinations.slice(0, 9)), immediate(value)]);
  }
  for (const value of [0, 5, 0x1234, 0xffff, 0x10000]) {
    add('bkpt', [immediate(value)]);
    add('udf', [immediate(value)]);
  }
  add('bkpt', []);
  add('udf', []);
  add('bkptne', []);
  add('udfle', [immediate(1024)]);
  add('udfne', []);
  for (const name of ['dmb', 'dsb', 'isb']) {
    add(name, []);
    for (const option of [15, 14, 11, 10, 3, 7, 0, 4, 16]) add(name, [immediate(option)]);
  }
  for (const option of [0, 1, 15, 16]) add(`dbg${condition()}`, [immediate(option)]);
  add('clrex', []);
  add('clrexeq', []);
  add('ssbb', []);
  add('pssbb', []);
  return cases;
}
