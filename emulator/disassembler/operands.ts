/**
 * Operand text as objdump prints it (and, with `style.assembler`, as GNU
 * `as` reads it back): registers, immediates with objdump's hex comment,
 * shifts, memory operands with their PC-relative targets, register lists,
 * status registers and branch targets.
 */
import type { Instruction, MemoryOffset, Operand, Shift } from '../isa/types';
import type { SymbolLookup } from './types';

export const REGISTER_NAMES: readonly string[] = [
  'r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'sl', 'fp', 'ip', 'sp', 'lr', 'pc',
];

/** objdump's name for a register number (`sl`, `fp`, `ip`, `sp`, `lr`, `pc` for 10..15). */
export function registerName(register: number): string {
  return REGISTER_NAMES[register & 15];
}

export const SP = 13;
export const PC = 15;

/** The halfword, signed and dual loads/stores ("extra" load/store encodings), which objdump prints differently with pc as base. */
const EXTRA_LOAD_STORE = new Set(['ldrh', 'strh', 'ldrsb', 'ldrsh', 'ldrd', 'strd', 'ldrht', 'strht', 'ldrsbt', 'ldrsht']);

/** Hex without leading zeros, as objdump prints addresses. */
export function hex(value: number): string {
  return (value >>> 0).toString(16);
}

/** `0x` and eight hex digits, as objdump prints `.word` and SVC numbers. */
export function hex8(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

/** An address as objdump prints a branch target or a PC-relative comment. */
export function formatAddress(address: number, symbolAt?: SymbolLookup): string {
  const name = symbolAt?.(address >>> 0);
  return name === undefined ? '0x' + hex(address) : `${hex(address)} <${name}>`;
}

/** objdump's "value in comment" rule: numbers outside -16..32 get `@ 0x...`. */
export function valueComment(value: number): string {
  const signed = value | 0;
  return signed > 32 || signed < -16 ? '\t@ 0x' + hex(signed) : '';
}

export interface Style {
  assembler: boolean;
  address: number;
  symbolAt?: SymbolLookup;
}

export function formatShift(shift: Shift): string {
  if (shift.type === 'rrx') return 'rrx';
  if (shift.register !== undefined) return `${shift.type} ${registerName(shift.register)}`;
  return `${shift.type} #${shift.amount ?? 0}`;
}

/** A shift that objdump leaves out: `lsl #0` (and `ror #0` on an extend). */
export function isNoShift(shift: Shift): boolean {
  return (shift.type === 'lsl' || shift.type === 'ror') && shift.register === undefined && (shift.amount ?? 0) === 0;
}

function formatOffset(offset: MemoryOffset): string {
  if (offset.kind === 'immediate') {
    const magnitude = Math.abs(offset.value);
    return `#${offset.subtract || offset.value < 0 ? '-' : ''}${magnitude}`;
  }
  let text = (offset.subtract ? '-' : '') + registerName(offset.register);
  if (offset.shift && !isNoShift(offset.shift)) text += ', ' + formatShift(offset.shift);
  return text;
}

function signedOffset(offset: MemoryOffset | undefined): number {
  if (!offset || offset.kind !== 'immediate') return 0;
  const magnitude = Math.abs(offset.value);
  return offset.subtract || offset.value < 0 ? -magnitude : magnitude;
}

/** A memory operand and its comment (the PC-relative target, or objdump's offset comment). */
function formatMemory(operand: Extract<Operand, { kind: 'memory' }>, style: Style, extra: boolean): { text: string; comment: string } {
  const base = registerName(operand.base);
  const offset = operand.offset;
  if (extra && operand.base === PC && !style.assembler && (!offset || offset.kind === 'immediate')) {
    // objdump: `[pc, #off]` (never `!`) with the target, or `[pc], #off` without a comment.
    const value = signedOffset(offset);
    const written = offset ? formatOffset(offset) : '#0';
    if (operand.indexing === 'post') return { text: `[pc], ${written}`, comment: '' };
    const text = value === 0 && !(offset && (offset.subtract || offset.value < 0)) ? '[pc]' : `[pc, ${written}]`;
    return { text, comment: '\t@ ' + formatAddress((style.address + 8 + value) >>> 0, style.symbolAt) };
  }
  let text: string;
  if (operand.indexing === 'post') {
    text = `[${base}], ${offset ? formatOffset(offset) : '#0'}`;
  } else {
    const written = offset && !(operand.indexing === 'offset' && offset.kind === 'immediate' && offset.value === 0 && !offset.subtract);
    text = written || operand.indexing === 'pre' ? `[${base}, ${offset ? formatOffset(offset) : '#0'}]` : `[${base}]`;
    if (operand.indexing === 'pre') text += '!';
  }
  if (style.assembler || (offset && offset.kind === 'register')) return { text, comment: '' };
  const value = signedOffset(offset);
  if (operand.base === PC) {
    const target = (style.address + 8 + (operand.indexing === 'post' ? 0 : value)) >>> 0;
    return { text, comment: '\t@ ' + formatAddress(target, style.symbolAt) };
  }
  return { text, comment: valueComment(value) };
}

function formatRegisterList(mask: number, userMode: boolean | undefined): string {
  const names: string[] = [];
  for (let register = 0; register < 16; register++) if (mask & (1 << register)) names.push(registerName(register));
  return `{${names.join(', ')}}${userMode ? '^' : ''}`;
}

/** PSR field letters in objdump's order (f s x c) from `nzcvq`/`g`/`fsxc` spellings. */
function psrMask(fields: string): string {
  let text = fields.toLowerCase();
  let f = false;
  let s = false;
  if (text.includes('nzcvq')) {
    f = true;
    text = text.replace('nzcvq', '');
  }
  if (text.includes('g')) {
    s = true;
    text = text.replace('g', '');
  }
  f ||= text.includes('f');
  s ||= text.includes('s');
  return (f ? 'f' : '') + (s ? 's' : '') + (text.includes('x') ? 'x' : '') + (text.includes('c') ? 'c' : '');
}

function formatStatusRegister(operand: Extract<Operand, { kind: 'statusRegister' }>, isMsr: boolean, style: Style): string {
  const name = operand.name === 'spsr' ? 'spsr' : 'cpsr';
  if (!isMsr) return style.assembler ? (name === 'spsr' ? 'spsr' : 'apsr') : name.toUpperCase();
  const mask = psrMask(operand.fields);
  if (style.assembler) {
    if (name === 'cpsr' && mask === 'f') return 'apsr_nzcvq';
    if (name === 'cpsr' && mask === 's') return 'apsr_g';
    if (name === 'cpsr' && mask === 'fs') return 'apsr_nzcvqg';
    return `${name}_${mask}`;
  }
  return `${name.toUpperCase()}_${mask}`;
}

/** Text of one operand; `comment` collects objdump's trailing `@ ...` note. */
export function formatOperand(operand: Operand, instruction: Instruction, style: Style, comment: { text: string }): string {
  switch (operand.kind) {
    case 'register':
      return registerName(operand.register) + (operand.writeback ? '!' : '');
    case 'immediate':
      if (!style.assembler) comment.text = valueComment(operand.value);
      return `#${operand.value | 0}`;
    case 'shift':
      return formatShift(operand.shift);
    case 'memory': {
      const memory = formatMemory(operand, style, EXTRA_LOAD_STORE.has(instruction.mnemonic));
      comment.text = memory.comment;
      return memory.text;
    }
    case 'registerList':
      return formatRegisterList(operand.mask, operand.userMode);
    case 'address': {
      if (style.assembler) {
        const distance = ((operand.value >>> 0) - (style.address >>> 0)) | 0;
        return distance < 0 ? `.-${-distance}` : `.+${distance}`;
      }
      return formatAddress(operand.value, style.symbolAt);
    }
    case 'literal':
      return `=0x${hex(operand.value)}`;
    case 'statusRegister':
      return formatStatusRegister(operand, instruction.mnemonic === 'msr', style);
  }
}
