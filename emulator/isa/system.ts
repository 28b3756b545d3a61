/**
 * System rows: SVC (SWI), the hints NOP YIELD WFE WFI SEV, MRS and MSR on the
 * status registers, BKPT, UDF and the barriers DMB DSB ISB.
 */
import type { InstructionRow, Operand } from './types';
import {
  cannotBeConditional,
  checkRange,
  conditionBits,
  decodeModifiedImmediate,
  encodeModifiedImmediate,
  encoded,
  failure,
  immediateOperand,
  instruction,
  isImmediate,
  isRegister,
  pcNotAllowed,
  registerAt,
  registerOperand,
  unencodableConstant,
} from './operands';

function immediateOrAddress(operand: Operand | undefined): boolean {
  return operand !== undefined && (operand.kind === 'immediate' || operand.kind === 'address');
}

function valueOf(operand: Operand | undefined): number {
  return operand !== undefined && (operand.kind === 'immediate' || operand.kind === 'address') ? operand.value : 0;
}

const svcRow: InstructionRow = {
  id: 'svc',
  class: 'system',
  mnemonics: ['svc', 'swi'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'svc{<c>} #<imm24>',
  doc: 'Supervisor call: ask the operating system for a service (Linux EABI: the number in r7, arguments in r0-r6).',
  bits: 0x0f00_0000,
  mask: 0x0f00_0000,
  accepts(instruction) {
    return instruction.operands.length === 1 && immediateOrAddress(instruction.operands[0]);
  },
  encode(instruction) {
    const value = checkRange(valueOf(instruction.operands[0]), 0, 0xff_ffff, 0, 'svc number');
    if (typeof value !== 'number') return value;
    return encoded(conditionBits(instruction.condition) | 0x0f00_0000 | value);
  },
  decode(word) {
    return instruction('svc', word, false, [immediateOperand(word & 0xff_ffff)]);
  },
};

const HINTS = [
  { name: 'nop', doc: 'No operation.' },
  { name: 'yield', doc: 'Hint that this thread could yield to another (does nothing in user programs).' },
  { name: 'wfe', doc: 'Wait for event (a hint; continues at once under emulation).' },
  { name: 'wfi', doc: 'Wait for interrupt (a hint; continues at once under emulation).' },
  { name: 'sev', doc: 'Send event to other processors (a hint).' },
] as const;

function hintRow(number: number): InstructionRow {
  const { name, doc } = HINTS[number];
  return {
    id: name,
    class: 'system',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name}{<c>}`,
    doc,
    bits: 0x0320_f000 | number,
    mask: 0x0fff_ffff,
    // A hint is MSR-immediate with an empty field mask: the hint row wins.
    priority: 1,
    accepts(instruction) {
      return instruction.operands.length === 0;
    },
    encode(instruction) {
      return encoded(conditionBits(instruction.condition) | 0x0320_f000 | number);
    },
    decode(word) {
      return instruction(name, word, false, []);
    },
  };
}

const dbgRow: InstructionRow = {
  id: 'dbg',
  class: 'system',
  mnemonics: ['dbg'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'dbg{<c>} #<option>',
  doc: 'Debug hint with a 4-bit option (does nothing in user programs).',
  bits: 0x0320_f0f0,
  mask: 0x0fff_fff0,
  priority: 1,
  accepts(instruction) {
    return instruction.operands.length === 1 && isImmediate(instruction.operands[0]);
  },
  encode(instruction) {
    const option = checkRange(valueOf(instruction.operands[0]), 0, 15, 0, 'dbg option');
    if (typeof option !== 'number') return option;
    return encoded(conditionBits(instruction.condition) | 0x0320_f0f0 | option);
  },
  decode(word) {
    return instruction('dbg', word, false, [immediateOperand(word & 15)]);
  },
};

const clrexRow: InstructionRow = {
  id: 'clrex',
  class: 'system',
  mnemonics: ['clrex'],
  allowsSetFlags: false,
  conditional: false,
  syntax: 'clrex',
  doc: 'Clear the local exclusive monitor (pairs with ldrex/strex).',
  bits: 0x057f_f01f,
  mask: 0x0fff_ffff,
  accepts(instruction) {
    return instruction.operands.length === 0;
  },
  encode() {
    return encoded(0xf57f_f01f);
  },
  decode(word) {
    return instruction('clrex', word, false, []);
  },
};

// ---------------------------------------------------------------------------
// Status registers

function statusOperand(operand: Operand | undefined): operand is Extract<Operand, { kind: 'statusRegister' }> {
  return operand !== undefined && operand.kind === 'statusRegister';
}

const mrsRow: InstructionRow = {
  id: 'mrs',
  class: 'system',
  mnemonics: ['mrs'],
  allowsSetFlags: false,
  conditional: true,
  syntax: 'mrs{<c>} <Rd>, apsr',
  doc: 'Move the status register (flags N Z C V Q and GE) into Rd.',
  bits: 0x010f_0000,
  mask: 0x0fbf_0fff,
  accepts(instruction) {
    const [destination, source] = instruction.operands;
    return instruction.operands.length === 2 && isRegister(destination) && statusOperand(source);
  },
  encode(instruction) {
    const source = instruction.operands[1];
    if (!statusOperand(source)) return failure('expected apsr, cpsr or spsr', 1);
    if (source.fields !== '') {
      return failure(`mrs reads the whole register, not the fields '${source.fields}'`, 1, 'write `mrs r0, apsr`');
    }
    const rd = registerAt(instruction, 0);
    if (rd === 15) return pcNotAllowed(0);
    return encoded(conditionBits(instruction.condition) | 0x010f_0000 | (source.name === 'spsr' ? 1 << 22 : 0) | (rd << 12));
  },
  decode(word) {
    const source: Operand = { kind: 'statusRegister', name: word & (1 << 22) ? 'spsr' : 'cpsr', fields: '' };
    return instruction('mrs', word, false, [registerOperand((word >>> 12) & 15), source]);
  },
};

const FIELD_BITS: Record<string, number> = { c: 1, x: 2, s: 4, f: 8 };
const APSR_FIELDS: Record<string, number> = { nzcvq: 8, g: 4, nzcvqg: 12, gnzcvq: 12 };

const APSR_WITHOUT_FIELDS = {
  message: 'writing apsr without naming the fields is deprecated',
  hint: 'write `msr apsr_nzcvq, rN` (flags) or `msr apsr_nzcvqg, rN` (flags and GE bits)',
};

/** The 4-bit field mask (c x s f in bits 0..3) of an MSR destination, or the error. */
function fieldMask(operand: Extract<Operand, { kind: 'statusRegister' }>): number | undefined {
  const fields = operand.fields.toLowerCase();
  if (operand.name === 'apsr') return fields === '' ? 8 : APSR_FIELDS[fields];
  if (fields === '') return 9; // cpsr / spsr alone: the control and flags fields, as GNU `as` picks
  if (fields === 'nzcvq') return 8;
  if (fields === 'g') return 4;
  if (fields === 'nzcvqg') return 12;
  let mask = 0;
  for (const letter of fields) {
    const bit = FIELD_BITS[letter];
    if (bit === undefined || mask & bit) return undefined;
    mask |= bit;
  }
  return mask;
}

const FIELD_NAMES = ['', 'c', 'x', 'xc', 's', 'sc', 'sx', 'sxc', 'f', 'fc', 'fx', 'fxc', 'fs', 'fsc', 'fsx', 'fsxc'];

function msrRow(immediate: boolean): InstructionRow {
  const bits = immediate ? 0x0320_f000 : 0x0120_f000;
  return {
    id: immediate ? 'msr-immediate' : 'msr-register',
    class: 'system',
    mnemonics: ['msr'],
    allowsSetFlags: false,
    conditional: true,
    syntax: immediate ? 'msr{<c>} apsr_<fields>, #<const>' : 'msr{<c>} apsr_<fields>, <Rn>',
    doc: 'Write the named fields of the status register (apsr_nzcvq: the flags; apsr_g: the GE bits).',
    bits,
    mask: immediate ? 0x0fb0_f000 : 0x0fb0_fff0,
    // An empty field mask writes nothing: unpredictable for the register form, and for the
    // immediate form it is the hint space (NOP, YIELD, ...), where unknown hints show as .word.
    owns: (word) => (word & 0x000f_0000) !== 0,
    accepts(instruction) {
      const [destination, source] = instruction.operands;
      return (
        instruction.operands.length === 2 &&
        statusOperand(destination) &&
        (immediate ? isImmediate(source) : isRegister(source))
      );
    },
    encode(instruction) {
      const destination = instruction.operands[0];
      if (!statusOperand(destination)) return failure('expected a status register such as apsr_nzcvq', 0);
      const mask = fieldMask(destination);
      if (mask === undefined || mask === 0) {
        return failure(
          `'${destination.name}_${destination.fields}' names no valid status-register fields`,
          0,
          'use apsr_nzcvq, apsr_g, apsr_nzcvqg, or cpsr_ with the letters f, s, x, c',
        );
      }
      const warning = destination.name === 'apsr' && destination.fields === '' ? APSR_WITHOUT_FIELDS : undefined;
      let operand2: number;
      if (immediate) {
        const value = instruction.operands[1].kind === 'immediate' ? instruction.operands[1].value >>> 0 : 0;
        const field = encodeModifiedImmediate(value);
        if (field === undefined) return unencodableConstant(value, 1);
        operand2 = field;
      } else {
        operand2 = registerAt(instruction, 1);
      }
      return encoded(
        conditionBits(instruction.condition) | bits | (destination.name === 'spsr' ? 1 << 22 : 0) | (mask << 16) | operand2,
        warning,
      );
    },
    decode(word) {
      const destination: Operand = {
        kind: 'statusRegister',
        name: word & (1 << 22) ? 'spsr' : 'cpsr',
        fields: FIELD_NAMES[(word >>> 16) & 15],
      };
      const source = immediate ? immediateOperand(decodeModifiedImmediate(word & 0xfff)) : registerOperand(word & 15);
      return instruction('msr', word, false, [destination, source]);
    },
  };
}

// ---------------------------------------------------------------------------
// BKPT, UDF

function trapRow(name: 'bkpt' | 'udf'): InstructionRow {
  const bits = name === 'bkpt' ? 0x0120_0070 : 0x07f0_00f0;
  return {
    id: name,
    class: 'system',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: true,
    syntax: `${name} {#<imm16>}`,
    doc: name === 'bkpt' ? 'Breakpoint: stop here (the debugger takes over).' : 'Permanently undefined: raise an undefined-instruction fault.',
    bits,
    mask: 0x0ff0_00f0,
    // BKPT is defined only with AL (objdump shows others as UNDEFINED, and `as` refuses them).
    // A conditional UDF is what `as` emits for `udfle #n`: it decodes as written, so that
    // disassembly reassembles to the same word (objdump calls it UNDEFINED).
    owns: name === 'bkpt' ? (word) => word >>> 28 === 0xe : undefined,
    accepts(instruction) {
      const { operands } = instruction;
      return operands.length === 0 || (operands.length === 1 && immediateOrAddress(operands[0]));
    },
    encode(instruction) {
      // GNU `as` refuses a conditional BKPT but emits a conditional UDF (objdump calls it UNDEFINED).
      if (name === 'bkpt' && instruction.condition !== 'al') return cannotBeConditional(name);
      const value = checkRange(valueOf(instruction.operands[0]), 0, 0xffff, 0, `${name} number`);
      if (typeof value !== 'number') return value;
      return encoded(conditionBits(instruction.condition) | bits | ((value & 0xfff0) << 4) | (value & 15));
    },
    decode(word) {
      return instruction(name, word, false, [immediateOperand(((word >>> 4) & 0xfff0) | (word & 15))]);
    },
  };
}

// ---------------------------------------------------------------------------
// Barriers

/**
 * Barrier option names GNU `as -march=armv7ve` accepts (`dmb ish`), with
 * their 4-bit values. The assembler maps a name to `#value`.
 */
export const BARRIER_OPTIONS: Readonly<Record<string, number>> = {
  sy: 15, st: 14, ish: 11, ishst: 10, nsh: 7, nshst: 6, un: 7, unst: 6, osh: 3, oshst: 2, sh: 11, shst: 10,
};

/** The name objdump prints for each option value of DMB/DSB; other values print as `#n`. */
export const BARRIER_OPTION_NAMES: Readonly<Record<number, string>> = {
  15: 'sy', 14: 'st', 13: 'ld', 11: 'ish', 10: 'ishst', 9: 'ishld', 7: 'un', 6: 'unst', 5: 'nshld', 3: 'osh', 2: 'oshst', 1: 'oshld',
};

/** SSBB and PSSBB are DSB with options 0 and 4; objdump names them. */
function speculationBarrierRow(name: 'ssbb' | 'pssbb'): InstructionRow {
  const bits = name === 'ssbb' ? 0x057f_f040 : 0x057f_f044;
  return {
    id: name,
    class: 'system',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: false,
    syntax: name,
    doc: name === 'ssbb' ? 'Speculative store bypass barrier.' : 'Physical speculative store bypass barrier.',
    bits,
    mask: 0x0fff_ffff,
    priority: 1,
    accepts(instruction) {
      return instruction.operands.length === 0;
    },
    encode() {
      return encoded(0xf000_0000 | bits);
    },
    decode(word) {
      return instruction(name, word, false, []);
    },
  };
}

function barrierRow(name: 'dmb' | 'dsb' | 'isb'): InstructionRow {
  const bits = name === 'dsb' ? 0x057f_f040 : name === 'dmb' ? 0x057f_f050 : 0x057f_f060;
  return {
    id: name,
    class: 'system',
    mnemonics: [name],
    allowsSetFlags: false,
    conditional: false,
    syntax: `${name} {#<option>}`,
    doc:
      name === 'isb'
        ? 'Instruction synchronization barrier: refetch the instructions that follow.'
        : `Data ${name === 'dmb' ? 'memory' : 'synchronization'} barrier: order memory accesses before and after it.`,
    bits,
    mask: 0x0fff_fff0,
    accepts(instruction) {
      const { operands } = instruction;
      return operands.length === 0 || (operands.length === 1 && isImmediate(operands[0]));
    },
    encode(instruction) {
      const option = instruction.operands.length === 0 ? 15 : checkRange(valueOf(instruction.operands[0]), 0, 15, 0, `${name} option`);
      if (typeof option !== 'number') return option;
      return encoded(0xf000_0000 | bits | option);
    },
    /** Option `sy` (15) decodes with no operand; any other option as an immediate (see BARRIER_OPTION_NAMES). */
    decode(word) {
      const option = word & 15;
      return instruction(name, word, false, option === 15 ? [] : [immediateOperand(option)]);
    },
  };
}

export const systemRows: InstructionRow[] = [
  svcRow,
  ...HINTS.map((_, number) => hintRow(number)),
  dbgRow,
  clrexRow,
  mrsRow,
  msrRow(false),
  msrRow(true),
  trapRow('bkpt'),
  trapRow('udf'),
  barrierRow('dmb'),
  barrierRow('dsb'),
  barrierRow('isb'),
  speculationBarrierRow('ssbb'),
  speculationBarrierRow('pssbb'),
];

