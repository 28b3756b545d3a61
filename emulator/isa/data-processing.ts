/**
 * Data-processing rows: the 16 ALU opcodes in their three operand forms
 * (rotated immediate, register shifted by immediate, register shifted by
 * register) and the shift mnemonics LSL LSR ASR ROR RRX (which are MOV with a
 * shifted register). MOVW, MOVT and ADR (same class) live in move-wide.ts.
 */
import type { Instruction, InstructionRow, Operand, ShiftType } from './types';
import {
  PC_UNPREDICTABLE,
  conditionBits,
  decodeImmediateShift,
  decodeModifiedImmediate,
  encodeImmediateShift,
  encodeModifiedImmediate,
  encoded,
  failure,
  immediateAt,
  immediateOperand,
  instruction,
  isImmediate,
  isImmediateShift,
  isRegister,
  isRegisterShift,
  registerAt,
  registerOperand,
  setFlagsBit,
  shiftCode,
  shiftTypeOf,
  unencodableConstant,
} from './operands';

/** The 16 opcodes, indexed by their 4-bit opcode field. */
const OPERATIONS = [
  'and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'rsc',
  'tst', 'teq', 'cmp', 'cmn', 'orr', 'mov', 'bic', 'mvn',
] as const;

const DOCS: Record<(typeof OPERATIONS)[number], string> = {
  and: 'Bitwise AND: Rd = Rn & operand2.',
  eor: 'Bitwise exclusive OR: Rd = Rn ^ operand2.',
  sub: 'Subtract: Rd = Rn - operand2.',
  rsb: 'Reverse subtract: Rd = operand2 - Rn.',
  add: 'Add: Rd = Rn + operand2.',
  adc: 'Add with carry: Rd = Rn + operand2 + C.',
  sbc: 'Subtract with carry: Rd = Rn - operand2 - NOT C.',
  rsc: 'Reverse subtract with carry: Rd = operand2 - Rn - NOT C.',
  tst: 'Test bits: set N and Z (and C from the shifter) from Rn & operand2.',
  teq: 'Test equivalence: set N and Z (and C from the shifter) from Rn ^ operand2.',
  cmp: 'Compare: set the flags from Rn - operand2.',
  cmn: 'Compare negative: set the flags from Rn + operand2.',
  orr: 'Bitwise OR: Rd = Rn | operand2.',
  mov: 'Move: Rd = operand2.',
  bic: 'Bit clear: Rd = Rn & ~operand2.',
  mvn: 'Move NOT: Rd = ~operand2.',
};

/**
 * When a constant has no rotated encoding, GNU `as` tries the partner opcode
 * with the inverted (~) or negated (-) constant.
 */
const SUBSTITUTES: Partial<Record<number, { opcode: number; negate: boolean }>> = {
  0x0: { opcode: 0xe, negate: false }, // and <-> bic
  0xe: { opcode: 0x0, negate: false },
  0x2: { opcode: 0x4, negate: true }, // sub <-> add
  0x4: { opcode: 0x2, negate: true },
  0x5: { opcode: 0x6, negate: false }, // adc <-> sbc
  0x6: { opcode: 0x5, negate: false },
  0xa: { opcode: 0xb, negate: true }, // cmp <-> cmn
  0xb: { opcode: 0xa, negate: true },
  0xd: { opcode: 0xf, negate: false }, // mov <-> mvn
  0xf: { opcode: 0xd, negate: false },
};

const SHIFT_MNEMONICS: readonly string[] = ['lsl', 'lsr', 'asr', 'ror', 'rrx'];
const TEST_DEPRECATED = { message: 'the S suffix on a comparison is deprecated', hint: 'comparisons always set the flags; drop the S' };

type Shape = 'test' | 'move' | 'arithmetic';

function shapeOf(opcode: number): Shape {
  return opcode >= 8 && opcode <= 11 ? 'test' : opcode === 13 || opcode === 15 ? 'move' : 'arithmetic';
}

/**
 * Where the operands of a written instruction sit: Rd and Rn register
 * numbers (-1 when the form has none) and the index of operand2. Accepts the
 * two-operand shorthand `add r0, #1` (= `add r0, r0, #1`).
 */
interface Layout {
  destination: number;
  first: number;
  operand2: number;
}

function layoutOf(shape: Shape, operands: readonly Operand[]): Layout | undefined {
  if (!isRegister(operands[0])) return undefined;
  if (shape === 'test' || shape === 'move') {
    const register = operands[0].register;
    return shape === 'test'
      ? { destination: -1, first: register, operand2: 1 }
      : { destination: register, first: -1, operand2: 1 };
  }
  const destination = operands[0].register;
  const second = operands[1];
  // `add r0, r1, <op2>` or the shorthand `add r0, <op2>` (Rn = Rd).
  if (isRegister(second) && operands.length >= 3 && !isShift(operands[2])) {
    return { destination, first: second.register, operand2: 2 };
  }
  return { destination, first: destination, operand2: 1 };
}

function isShift(operand: Operand | undefined): boolean {
  return operand !== undefined && operand.kind === 'shift';
}

/** Operand2 forms: an immediate, a register optionally shifted by an immediate, or shifted by a register. */
type Form = 'immediate' | 'register' | 'register-shifted';

function matchesForm(form: Form, operands: readonly Operand[], at: number): boolean {
  const count = operands.length - at;
  if (form === 'immediate') return count === 1 && isImmediate(operands[at]);
  if (!isRegister(operands[at])) return false;
  if (form === 'register') return count === 1 || (count === 2 && isImmediateShift(operands[at + 1]));
  return count === 2 && isRegisterShift(operands[at + 1]);
}

/**
 * The shift mnemonics as MOV operands: `lsl r0, r1, #2` is `mov r0, r1, lsl #2`,
 * `lsl r0, #2` is `lsl r0, r0, #2`, `lsl r0, r1, r2` shifts by a register.
 * Returns [Rd, Rm, amount-or-Rs operand] or undefined when the shape is wrong.
 */
function shiftOperands(mnemonic: string, operands: readonly Operand[]): [number, number, Operand | undefined] | undefined {
  if (!isRegister(operands[0])) return undefined;
  const destination = operands[0].register;
  if (mnemonic === 'rrx') {
    return operands.length === 2 && isRegister(operands[1]) ? [destination, operands[1].register, undefined] : undefined;
  }
  if (operands.length === 2 && (isImmediate(operands[1]) || isRegister(operands[1]))) {
    return [destination, destination, operands[1]];
  }
  if (operands.length === 3 && isRegister(operands[1]) && (isImmediate(operands[2]) || isRegister(operands[2]))) {
    return [destination, operands[1].register, operands[2]];
  }
  return undefined;
}

function acceptsShiftMnemonic(form: Form, instruction: Instruction): boolean {
  const parts = shiftOperands(instruction.mnemonic, instruction.operands);
  if (!parts) return false;
  const amount = parts[2];
  if (form === 'register') return amount === undefined || amount.kind === 'immediate';
  return form === 'register-shifted' && amount !== undefined && amount.kind === 'register';
}

function header(opcode: number, instruction: Instruction, destination: number, first: number): number {
  const shape = shapeOf(opcode);
  const setFlags = shape === 'test' || instruction.setFlags;
  return (
    conditionBits(instruction.condition) |
    (opcode << 21) |
    (setFlags ? 1 << 20 : 0) |
    ((first < 0 ? 0 : first) << 16) |
    ((destination < 0 ? 0 : destination) << 12)
  );
}

function encodeImmediateForm(opcode: number, instruction: Instruction): ReturnType<InstructionRow['encode']> {
  const layout = layoutOf(shapeOf(opcode), instruction.operands);
  if (!layout) return failure('invalid operands', 0);
  const value = immediateAt(instruction, layout.operand2);
  const warning = shapeOf(opcode) === 'test' && instruction.setFlags ? TEST_DEPRECATED : undefined;
  if (opcode === 4 && !instruction.setFlags && layout.first === 15) return encodePcRelativeAdd(instruction, layout.destination, value);
  const field = encodeModifiedImmediate(value);
  if (field !== undefined) {
    return encoded(header(opcode, instruction, layout.destination, layout.first) | 0x0200_0000 | field, warning);
  }
  const substitute = SUBSTITUTES[opcode];
  if (substitute) {
    const other = substitute.negate ? -value >>> 0 : ~value >>> 0;
    const otherField = encodeModifiedImmediate(other);
    if (otherField !== undefined) {
      return encoded(header(substitute.opcode, instruction, layout.destination, layout.first) | 0x0200_0000 | otherField, warning);
    }
  }
  // `mov rd, #0..0xffff` falls back to MOVW, as GNU `as -march=armv7-a` does (even for pc).
  if (opcode === 13 && !instruction.setFlags && value <= 0xffff) {
    return encoded(conditionBits(instruction.condition) | 0x0300_0000 | ((value & 0xf000) << 4) | (layout.destination << 12) | (value & 0xfff));
  }
  return unencodableConstant(value, layout.operand2, layout.destination < 0 ? undefined : layout.destination);
}

/**
 * `add rd, pc, #n` is an ADR in GNU `as`: n is read as a signed offset. A
 * non-negative n that encodes stays an ADD; otherwise (0xff000000 included)
 * it becomes `sub rd, pc, #-n`, with no other fallback.
 */
function encodePcRelativeAdd(instruction: Instruction, destination: number, value: number): ReturnType<InstructionRow['encode']> {
  const offset = value | 0;
  const direct = offset >= 0 ? encodeModifiedImmediate(offset) : undefined;
  if (direct !== undefined) return encoded(header(4, instruction, destination, 15) | 0x0200_0000 | direct);
  const negated = encodeModifiedImmediate(-offset >>> 0);
  if (negated === undefined) return unencodableConstant(value, instruction.operands.length - 1, destination);
  return encoded(header(2, instruction, destination, 15) | 0x0200_0000 | negated);
}

function encodeShiftedRegister(
  opcode: number,
  instruction: Instruction,
  destination: number,
  first: number,
  rm: number,
  shiftType: ShiftType,
  shiftAmountOrRegister: Operand | undefined,
  shiftIndex: number,
): ReturnType<InstructionRow['encode']> {
  const base = header(opcode, instruction, destination, first) | rm;
  const warning = shapeOf(opcode) === 'test' && instruction.setFlags ? TEST_DEPRECATED : undefined;
  if (shiftAmountOrRegister !== undefined && shiftAmountOrRegister.kind === 'register') {
    const rs = shiftAmountOrRegister.register;
    const unpredictable = destination === 15 || first === 15 || rm === 15 || rs === 15;
    return encoded(base | (rs << 8) | (shiftCode(shiftType) << 5) | 0x10, unpredictable ? PC_UNPREDICTABLE : warning);
  }
  const amount = shiftAmountOrRegister !== undefined && shiftAmountOrRegister.kind === 'immediate' ? shiftAmountOrRegister.value : 0;
  const bits = encodeImmediateShift(shiftType, amount, shiftIndex);
  if (typeof bits !== 'number') return bits;
  return encoded(base | bits, warning);
}

function encodeRegisterForm(opcode: number, instruction: Instruction): ReturnType<InstructionRow['encode']> {
  const { operands } = instruction;
  if (SHIFT_MNEMONICS.includes(instruction.mnemonic)) {
    const parts = shiftOperands(instruction.mnemonic, operands);
    if (!parts) return failure('invalid operands', 0);
    // GNU `as` does not warn about pc in the shift mnemonics (`lsl r0, pc, r1`), only in `mov r0, pc, lsl r1`.
    const result = encodeShiftedRegister(13, instruction, parts[0], -1, parts[1], instruction.mnemonic as ShiftType, parts[2], operands.length - 1);
    return result.ok && result.warning === PC_UNPREDICTABLE ? encoded(result.word) : result;
  }
  const layout = layoutOf(shapeOf(opcode), operands);
  if (!layout) return failure('invalid operands', 0);
  const rm = registerAt(instruction, layout.operand2);
  const shift = operands[layout.operand2 + 1];
  if (shift === undefined || shift.kind !== 'shift') {
    return encodeShiftedRegister(opcode, instruction, layout.destination, layout.first, rm, 'lsl', undefined, layout.operand2);
  }
  const { type, amount, register } = shift.shift;
  const amountOperand: Operand | undefined =
    register !== undefined && type !== 'rrx' ? registerOperand(register) : { kind: 'immediate', value: amount ?? 0 };
  return encodeShiftedRegister(opcode, instruction, layout.destination, layout.first, rm, type, amountOperand, layout.operand2 + 1);
}

/** Operands of a decoded word: [Rd?, Rn?] by shape. */
function leadingOperands(shape: Shape, word: number): Operand[] {
  const rd = registerOperand((word >>> 12) & 15);
  const rn = registerOperand((word >>> 16) & 15);
  return shape === 'test' ? [rn] : shape === 'move' ? [rd] : [rd, rn];
}

export function decodeImmediateForm(opcode: number, word: number): Instruction {
  const shape = shapeOf(opcode);
  const operands = leadingOperands(shape, word);
  operands.push(immediateOperand(decodeModifiedImmediate(word & 0xfff)));
  return instruction(OPERATIONS[opcode], word, shape !== 'test' && setFlagsBit(word), operands);
}

function decodeRegisterForm(opcode: number, word: number): Instruction {
  const shape = shapeOf(opcode);
  const setFlags = shape !== 'test' && setFlagsBit(word);
  const rm = registerOperand(word & 15);
  const shift = decodeImmediateShift((word >>> 5) & 3, (word >>> 7) & 31);
  if (opcode === 13 && shift !== undefined) {
    // objdump shows mov-with-shift as the shift mnemonic: `lsl r0, r1, #2`, `rrx r0, r1`.
    const operands: Operand[] = [registerOperand((word >>> 12) & 15), rm];
    if (shift.type !== 'rrx') operands.push(immediateOperand(shift.amount ?? 0));
    return instruction(shift.type, word, setFlags, operands);
  }
  const operands = leadingOperands(shape, word);
  operands.push(rm);
  if (shift !== undefined) operands.push({ kind: 'shift', shift });
  return instruction(OPERATIONS[opcode], word, setFlags, operands);
}

function decodeRegisterShiftedForm(opcode: number, word: number): Instruction {
  const shape = shapeOf(opcode);
  const setFlags = shape !== 'test' && setFlagsBit(word);
  const rm = registerOperand(word & 15);
  const rs = (word >>> 8) & 15;
  const type = shiftTypeOf((word >>> 5) & 3);
  if (opcode === 13) {
    return instruction(type, word, setFlags, [registerOperand((word >>> 12) & 15), rm, registerOperand(rs)]);
  }
  const operands = leadingOperands(shape, word);
  operands.push(rm, { kind: 'shift', shift: { type, register: rs } });
  return instruction(OPERATIONS[opcode], word, setFlags, operands);
}

function syntaxOf(opcode: number, form: Form): string {
  const name = OPERATIONS[opcode];
  const shape = shapeOf(opcode);
  const lead = shape === 'test' ? `${name}{<c>} <Rn>, ` : shape === 'move' ? `${name}{s}{<c>} <Rd>, ` : `${name}{s}{<c>} <Rd>, <Rn>, `;
  if (form === 'immediate') return `${lead}#<const>`;
  if (form === 'register') return `${lead}<Rm>{, <shift> #<n>}`;
  return `${lead}<Rm>, <shift> <Rs>`;
}

function twoRegisters(operands: readonly Operand[]): boolean {
  return operands.length === 2 && isRegister(operands[0]) && isRegister(operands[1]);
}

function dataProcessingRow(opcode: number, form: Form): InstructionRow {
  const name = OPERATIONS[opcode];
  const shape = shapeOf(opcode);
  const mnemonics: string[] = [name];
  if (opcode === 13 && form === 'register') mnemonics.push('lsl', 'lsr', 'asr', 'ror', 'rrx');
  if (opcode === 13 && form === 'register-shifted') mnemonics.push('lsl', 'lsr', 'asr', 'ror');
  // Pre-UAL aliases GNU `as` still accepts: `neg rd, rm` = `rsb rd, rm, #0`, `cpy rd, rm` = `mov rd, rm`.
  if (opcode === 3 && form === 'immediate') mnemonics.push('neg');
  if (opcode === 13 && form === 'register') mnemonics.push('cpy');
  const testBit = shape === 'test' ? 0x0010_0000 : 0;
  const formBits = form === 'immediate' ? 0x0200_0000 : form === 'register' ? 0 : 0x10;
  const formMask = form === 'immediate' ? 0x0e00_0000 : form === 'register' ? 0x0e00_0010 : 0x0e00_0090;
  const doc =
    opcode === 13 && form !== 'immediate'
      ? 'Move a register, optionally shifted (LSL, LSR, ASR, ROR, RRX are this form): Rd = shift(Rm).'
      : DOCS[name];
  return {
    id: `${name}-${form}`,
    class: 'data-processing',
    mnemonics,
    allowsSetFlags: true,
    conditional: true,
    syntax: syntaxOf(opcode, form),
    doc,
    bits: formBits | (opcode << 21) | testBit,
    mask: formMask | 0x01e0_0000 | testBit,
    accepts(instruction) {
      if (instruction.mnemonic === 'neg' || instruction.mnemonic === 'cpy') return twoRegisters(instruction.operands);
      if (instruction.mnemonic !== name) return acceptsShiftMnemonic(form, instruction);
      const layout = layoutOf(shape, instruction.operands);
      return layout !== undefined && matchesForm(form, instruction.operands, layout.operand2);
    },
    encode(instruction) {
      if (instruction.mnemonic === 'neg') {
        return encodeImmediateForm(opcode, { ...instruction, operands: [...instruction.operands, immediateOperand(0)] });
      }
      return form === 'immediate' ? encodeImmediateForm(opcode, instruction) : encodeRegisterForm(opcode, instruction);
    },
    decode(word) {
      if (form === 'immediate') return decodeImmediateForm(opcode, word);
      return form === 'register' ? decodeRegisterForm(opcode, word) : decodeRegisterShiftedForm(opcode, word);
    },
  };
}

function buildRows(): InstructionRow[] {
  const rows: InstructionRow[] = [];
  for (let opcode = 0; opcode < 16; opcode++) {
    rows.push(dataProcessingRow(opcode, 'immediate'), dataProcessingRow(opcode, 'register'), dataProcessingRow(opcode, 'register-shifted'));
  }
  return rows;
}

export const dataProcessingRows: InstructionRow[] = buildRows();

/** For tests and the disassembler: the opcode names in field order. */
export const DATA_PROCESSING_OPERATIONS: readonly string[] = OPERATIONS;
