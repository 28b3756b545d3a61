/**
 * Miscellaneous media rows: bit counting and byte reversal (CLZ RBIT REV
 * REV16 REVSH), sign/zero extension with optional rotation (SXTB SXTH UXTB
 * UXTH and the accumulating SXTAB SXTAH UXTAB UXTAH) and bit fields (UBFX
 * SBFX BFI BFC) and saturation (SSAT USAT).
 */
import type { EncodeResult, Instruction, InstructionRow, Operand } from './types';
import {
  checkRange,
  conditionBits,
  encoded,
  failure,
  immediateOperand,
  instruction,
  isImmediate,
  isRegister,
  isShift,
  registerAt,
  registerOperand,
  rejectPc,
  signedImmediateAt,
} from './operands';

function registers(instruction: Instruction, count: number): boolean {
  const { operands } = instruction;
  if (operands.length !== count) return false;
  for (const operand of operands) if (!isRegister(operand)) return false;
  return true;
}

// ---------------------------------------------------------------------------
// CLZ RBIT REV REV16 REVSH: <op>{<c>} <Rd>, <Rm>

const UNARY_FORMS = [
  { name: 'clz', bits: 0x016f_0f10, pcAllowed: false, doc: 'Count leading zeros: Rd = number of zero bits above the highest set bit of Rm (32 for 0).' },
  { name: 'rbit', bits: 0x06ff_0f30, pcAllowed: true, doc: 'Reverse bits: bit i of Rd = bit 31-i of Rm.' },
  { name: 'rev', bits: 0x06bf_0f30, pcAllowed: false, doc: 'Reverse the byte order of a word (endianness swap).' },
  { name: 'rev16', bits: 0x06bf_0fb0, pcAllowed: false, doc: 'Reverse the byte order in each halfword.' },
  { name: 'revsh', bits: 0x06ff_0fb0, pcAllowed: false, doc: 'Reverse the bytes of the low halfword and sign-extend it to 32 bits.' },
] as const;

function unaryRow(form: (typeof UNARY_FORMS)[number]): InstructionRow {
  const { name, bits } = form;
  return {
    id: name,
    class: 'miscellaneous',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rd>, <Rm>`,
    doc: form.doc,
    bits,
    mask: 0x0fff_0ff0,
    accepts(instruction) {
      return registers(instruction, 2);
    },
    encode(instruction) {
      // GNU `as` rejects pc in CLZ and the REVs but (unlike the architecture) accepts it in RBIT.
      const rejected = form.pcAllowed ? undefined : rejectPc(instruction);
      if (rejected) return rejected;
      return encoded(conditionBits(instruction.condition) | bits | (registerAt(instruction, 0) << 12) | registerAt(instruction, 1));
    },
    decode(word) {
      return instruction(name, word, false, [registerOperand((word >>> 12) & 15), registerOperand(word & 15)]);
    },
  };
}

// ---------------------------------------------------------------------------
// Extends: sxtb{<c>} <Rd>, <Rm>{, ror #n}; sxtab{<c>} <Rd>, <Rn>, <Rm>{, ror #n}

const EXTEND_FORMS = [
  { name: 'sxtb', bits: 0x06a0_0070, doc: 'Sign-extend byte: Rd = the low byte of Rm (rotated) as a signed 32-bit value.' },
  { name: 'sxth', bits: 0x06b0_0070, doc: 'Sign-extend halfword: Rd = the low halfword of Rm (rotated) as a signed 32-bit value.' },
  { name: 'uxtb', bits: 0x06e0_0070, doc: 'Zero-extend byte: Rd = the low byte of Rm (rotated).' },
  { name: 'uxth', bits: 0x06f0_0070, doc: 'Zero-extend halfword: Rd = the low halfword of Rm (rotated).' },
] as const;

function rotationOperand(operand: Operand | undefined): boolean {
  return isShift(operand) && operand.shift.type === 'ror' && operand.shift.register === undefined;
}

function extendRow(form: (typeof EXTEND_FORMS)[number], accumulate: boolean): InstructionRow {
  const name = accumulate ? `${form.name.slice(0, 3)}a${form.name.slice(3)}` : form.name;
  const registerCount = accumulate ? 3 : 2;
  const what = form.name.endsWith('b') ? 'byte' : 'halfword';
  return {
    id: name,
    class: 'miscellaneous',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: accumulate ? `${name}{<c>} <Rd>, <Rn>, <Rm>{, ror #<0|8|16|24>}` : `${name}{<c>} <Rd>, <Rm>{, ror #<0|8|16|24>}`,
    doc: accumulate
      ? `${form.name.startsWith('s') ? 'Sign' : 'Zero'}-extend the low ${what} of Rm (rotated) and add Rn: Rd = Rn + extend(Rm).`
      : form.doc,
    bits: accumulate ? form.bits : form.bits | 0x000f_0000,
    mask: accumulate ? 0x0ff0_03f0 : 0x0fff_03f0,
    // SXTB is SXTAB with Rn = 1111: the more specific row wins.
    priority: accumulate ? 0 : 1,
    accepts(instruction) {
      const { operands } = instruction;
      if (operands.length === registerCount + 1 && !rotationOperand(operands[registerCount])) return false;
      if (operands.length !== registerCount && operands.length !== registerCount + 1) return false;
      for (let index = 0; index < registerCount; index++) if (!isRegister(operands[index])) return false;
      return true;
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      let rotation = 0;
      const shift = instruction.operands[registerCount];
      if (shift !== undefined && shift.kind === 'shift') {
        rotation = shift.shift.amount ?? 0;
        if (rotation !== 0 && rotation !== 8 && rotation !== 16 && rotation !== 24) {
          return failure(`rotation #${rotation} is not allowed`, registerCount, 'the rotation can only be ror #0, #8, #16 or #24');
        }
      }
      const rd = registerAt(instruction, 0);
      const rn = accumulate ? registerAt(instruction, 1) : 15;
      const rm = registerAt(instruction, registerCount - 1);
      return encoded(conditionBits(instruction.condition) | form.bits | (rn << 16) | (rd << 12) | ((rotation >>> 3) << 10) | rm);
    },
    decode(word) {
      const operands: Operand[] = [registerOperand((word >>> 12) & 15)];
      if (accumulate) operands.push(registerOperand((word >>> 16) & 15));
      operands.push(registerOperand(word & 15));
      const rotation = ((word >>> 10) & 3) * 8;
      if (rotation !== 0) operands.push({ kind: 'shift', shift: { type: 'ror', amount: rotation } });
      return instruction(name, word, false, operands);
    },
  };
}

// ---------------------------------------------------------------------------
// Bit fields

/** Check lsb (0..31), width (1..32) and that the field fits in 32 bits; returns [lsb, width] or the error. */
function bitField(instruction: Instruction, lsbIndex: number): [number, number] | EncodeResult {
  const lsb = checkRange(signedImmediateAt(instruction, lsbIndex), 0, 31, lsbIndex, 'bit-field lsb');
  if (typeof lsb !== 'number') return lsb;
  const width = checkRange(signedImmediateAt(instruction, lsbIndex + 1), 1, 32, lsbIndex + 1, 'bit-field width');
  if (typeof width !== 'number') return width;
  if (lsb + width > 32) {
    return failure(
      `the bit field (lsb ${lsb}, width ${width}) extends past bit 31`,
      lsbIndex + 1,
      'lsb + width must be at most 32',
    );
  }
  return [lsb, width];
}

function immediatesFrom(instruction: Instruction, registerCount: number): boolean {
  const { operands } = instruction;
  if (operands.length !== registerCount + 2) return false;
  for (let index = 0; index < registerCount; index++) if (!isRegister(operands[index])) return false;
  return isImmediate(operands[registerCount]) && isImmediate(operands[registerCount + 1]);
}

function extractRow(signed: boolean): InstructionRow {
  const name = signed ? 'sbfx' : 'ubfx';
  const bits = signed ? 0x07a0_0050 : 0x07e0_0050;
  return {
    id: name,
    class: 'miscellaneous',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rd>, <Rn>, #<lsb>, #<width>`,
    doc: signed
      ? 'Signed bit-field extract: Rd = bits lsb..lsb+width-1 of Rn, sign-extended.'
      : 'Unsigned bit-field extract: Rd = bits lsb..lsb+width-1 of Rn, zero-extended.',
    bits,
    mask: 0x0fe0_0070,
    // A field running past bit 31 is UNPREDICTABLE.
    owns: (word) => ((word >>> 7) & 31) + ((word >>> 16) & 31) <= 31,
    accepts(instruction) {
      return immediatesFrom(instruction, 2);
    },
    encode(instruction) {
      // GNU `as` accepts pc in UBFX/SBFX (though the result is unpredictable).
      const field = bitField(instruction, 2);
      if (!Array.isArray(field)) return field;
      const [lsb, width] = field;
      return encoded(
        conditionBits(instruction.condition) | bits | ((width - 1) << 16) | (registerAt(instruction, 0) << 12) | (lsb << 7) | registerAt(instruction, 1),
      );
    },
    decode(word) {
      return instruction(name, word, false, [
        registerOperand((word >>> 12) & 15),
        registerOperand(word & 15),
        immediateOperand((word >>> 7) & 31),
        immediateOperand(((word >>> 16) & 31) + 1),
      ]);
    },
  };
}

/** BFI Rd, Rn, #lsb, #width and BFC Rd, #lsb, #width (= BFI with Rn = 1111). */
function insertRow(clear: boolean): InstructionRow {
  const name = clear ? 'bfc' : 'bfi';
  const registerCount = clear ? 1 : 2;
  return {
    id: name,
    class: 'miscellaneous',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: clear ? 'bfc{<c>} <Rd>, #<lsb>, #<width>' : 'bfi{<c>} <Rd>, <Rn>, #<lsb>, #<width>',
    doc: clear
      ? 'Bit-field clear: zero bits lsb..lsb+width-1 of Rd.'
      : 'Bit-field insert: copy the low width bits of Rn into Rd at lsb, keeping the other bits.',
    bits: clear ? 0x07c0_001f : 0x07c0_0010,
    mask: clear ? 0x0fe0_007f : 0x0fe0_0070,
    priority: clear ? 1 : 0,
    // msb below lsb is UNPREDICTABLE: no field to insert.
    owns: (word) => ((word >>> 16) & 31) >= ((word >>> 7) & 31),
    accepts(instruction) {
      return immediatesFrom(instruction, registerCount);
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const field = bitField(instruction, registerCount);
      if (!Array.isArray(field)) return field;
      const [lsb, width] = field;
      const rn = clear ? 15 : registerAt(instruction, 1);
      return encoded(
        conditionBits(instruction.condition) | 0x07c0_0010 | ((lsb + width - 1) << 16) | (registerAt(instruction, 0) << 12) | (lsb << 7) | rn,
      );
    },
    decode(word) {
      const lsb = (word >>> 7) & 31;
      const width = ((word >>> 16) & 31) - lsb + 1;
      const operands: Operand[] = [registerOperand((word >>> 12) & 15)];
      if (!clear) operands.push(registerOperand(word & 15));
      operands.push(immediateOperand(lsb), { kind: 'immediate', value: width });
      return instruction(name, word, false, operands);
    },
  };
}

// ---------------------------------------------------------------------------
// Saturation: usat <Rd>, #<0..31>, <Rn>{, lsl #n | asr #n}; ssat takes #<1..32>

function saturateRow(signed: boolean): InstructionRow {
  const name = signed ? 'ssat' : 'usat';
  const bits = signed ? 0x06a0_0010 : 0x06e0_0010;
  const [low, high] = signed ? [1, 32] : [0, 31];
  return {
    id: name,
    class: 'miscellaneous',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>} <Rd>, #<${low}-${high}>, <Rn>{, lsl #<n> | asr #<n>}`,
    doc: signed
      ? 'Signed saturate: Rd = shift(Rn) clamped to a signed range of the given bit width (sets Q when clamped).'
      : 'Unsigned saturate: Rd = shift(Rn) clamped to 0 .. 2^width - 1 (sets Q when clamped).',
    bits,
    mask: 0x0fe0_0030,
    accepts(instruction) {
      const { operands } = instruction;
      if (operands.length !== 3 && operands.length !== 4) return false;
      if (!isRegister(operands[0]) || !isImmediate(operands[1]) || !isRegister(operands[2])) return false;
      const shift = operands[3];
      return shift === undefined || (isShift(shift) && shift.shift.register === undefined && (shift.shift.type === 'lsl' || shift.shift.type === 'asr'));
    },
    encode(instruction) {
      const rejected = rejectPc(instruction);
      if (rejected) return rejected;
      const width = checkRange(signedImmediateAt(instruction, 1), low, high, 1, `${name} bit position`);
      if (typeof width !== 'number') return width;
      const shift = instruction.operands[3];
      let shiftBits = 0;
      if (shift !== undefined && shift.kind === 'shift') {
        const amount = shift.shift.amount ?? 0;
        const arithmetic = shift.shift.type === 'asr';
        const checked = checkRange(amount, 0, arithmetic ? 32 : 31, 3, `${shift.shift.type} amount`);
        if (typeof checked !== 'number') return checked;
        // `asr #0` is no shift, as GNU `as` encodes it.
        shiftBits = checked === 0 ? 0 : ((checked & 31) << 7) | (arithmetic ? 0x40 : 0);
      }
      return encoded(
        conditionBits(instruction.condition) | bits | ((width - low) << 16) | (registerAt(instruction, 0) << 12) | shiftBits | registerAt(instruction, 2),
      );
    },
    decode(word) {
      const amount = (word >>> 7) & 31;
      const operands: Operand[] = [
        registerOperand((word >>> 12) & 15),
        immediateOperand(((word >>> 16) & 31) + low),
        registerOperand(word & 15),
      ];
      if (word & 0x40) operands.push({ kind: 'shift', shift: { type: 'asr', amount: amount === 0 ? 32 : amount } });
      else if (amount !== 0) operands.push({ kind: 'shift', shift: { type: 'lsl', amount } });
      return instruction(name, word, false, operands);
    },
  };
}

export const miscellaneousRows: InstructionRow[] = [
  ...UNARY_FORMS.map(unaryRow),
  ...EXTEND_FORMS.map((form) => extendRow(form, false)),
  ...EXTEND_FORMS.map((form) => extendRow(form, true)),
  extractRow(false),
  extractRow(true),
  insertRow(false),
  insertRow(true),
  saturateRow(true),
  saturateRow(false),
];
