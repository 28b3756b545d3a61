/**
 * Instruction text, two ways:
 *
 * - `formatInstruction`: exactly what `arm-linux-gnueabihf-objdump -d` prints
 *   after the bytes (mnemonic, a tab, operands, and objdump's `@` comments).
 * - `formatForAssembler`: text GNU `as` (and Sherwood's assembler) reassemble
 *   to the same word. It differs from objdump's text only where objdump's is
 *   not valid input: see ALIASES.md beside this file for the full list.
 *
 * Both read the `Instruction` the table's row decoded; nothing here decodes
 * bits, except `formatDecoded`, which also looks at the word for the two
 * details an `Instruction` cannot carry (a non-canonical rotation of a
 * modified immediate, and single-register STMDB/LDMIA on sp).
 */
import { BARRIER_OPTION_NAMES } from '../isa/system';
import type { Instruction, Operand } from '../isa/types';
import { PC, SP, type Style, formatOperand, hex8, isNoShift, registerName } from './operands';
import type { SymbolLookup } from './types';

export { REGISTER_NAMES, formatAddress, hex, hex8, registerName } from './operands';

/** Base mnemonics of the 16 data-processing operations (the ones with a rotated immediate form). */
const DATA_PROCESSING = new Set([
  'and', 'eor', 'sub', 'rsb', 'add', 'adc', 'sbc', 'rsc', 'tst', 'teq', 'cmp', 'cmn', 'orr', 'mov', 'bic', 'mvn',
]);

/** LDM/STM spellings -> addressing mode (the stack names resolved as GNU `as` resolves them). */
const BLOCK_MODES: Record<string, { load: boolean; mode: 'ia' | 'ib' | 'da' | 'db' }> = {
  ldm: { load: true, mode: 'ia' }, ldmia: { load: true, mode: 'ia' }, ldmfd: { load: true, mode: 'ia' },
  ldmib: { load: true, mode: 'ib' }, ldmed: { load: true, mode: 'ib' },
  ldmda: { load: true, mode: 'da' }, ldmfa: { load: true, mode: 'da' },
  ldmdb: { load: true, mode: 'db' }, ldmea: { load: true, mode: 'db' },
  stm: { load: false, mode: 'ia' }, stmia: { load: false, mode: 'ia' }, stmea: { load: false, mode: 'ia' },
  stmib: { load: false, mode: 'ib' }, stmfa: { load: false, mode: 'ib' },
  stmda: { load: false, mode: 'da' }, stmed: { load: false, mode: 'da' },
  stmdb: { load: false, mode: 'db' }, stmfd: { load: false, mode: 'db' },
};

const DUAL = new Set(['ldrd', 'strd']);

/** The mnemonic with S and condition where objdump puts them (unified syntax: `addseq`, `ldrbeq`, `pushne`). */
function fullMnemonic(base: string, instruction: Instruction): string {
  return base + (instruction.setFlags ? 's' : '') + (instruction.condition === 'al' ? '' : instruction.condition);
}

/** Converts the shapes a decoder may use for PC-relative forms into what objdump prints. */
function normalizePcRelative(instruction: Instruction, address: number): Instruction {
  const operands = instruction.operands;
  const last = operands[operands.length - 1];
  if (!last || last.kind !== 'address') return instruction;
  const distance = ((last.value >>> 0) - ((address + 8) >>> 0)) | 0;
  if (instruction.mnemonic === 'adr') {
    const mnemonic = distance < 0 ? 'sub' : 'add';
    return { ...instruction, mnemonic, operands: [operands[0], { kind: 'register', register: PC }, { kind: 'immediate', value: Math.abs(distance) }] };
  }
  if (/^(ldr|str)/.test(instruction.mnemonic)) {
    const memory: Operand = {
      kind: 'memory', base: PC, indexing: 'offset',
      offset: { kind: 'immediate', value: Math.abs(distance), subtract: distance < 0 },
    };
    return { ...instruction, operands: [...operands.slice(0, -1), memory] };
  }
  return instruction;
}

/**
 * The mnemonic and operands objdump shows for an instruction, plus any
 * parenthesised note it adds: shift aliases of MOV, `nop` for `mov r0, r0`,
 * `push`/`pop`, the LDM/STM spelling it prefers, single-register LDRD/STRD.
 */
function objdumpForm(instruction: Instruction, style: Style, word: number | undefined): { mnemonic: string; operands: Operand[]; note: string } {
  let mnemonic = instruction.mnemonic;
  let operands = instruction.operands;
  let note = '';
  const cond = instruction.condition === 'al' ? '' : instruction.condition;

  if (mnemonic === 'mov' && operands.length === 3 && operands[2].kind === 'shift') {
    const shift = operands[2].shift;
    if (isNoShift(shift) && shift.type === 'lsl') operands = operands.slice(0, 2);
    else {
      mnemonic = shift.type;
      if (shift.type === 'rrx') operands = operands.slice(0, 2);
      else if (shift.register !== undefined) operands = [operands[0], operands[1], { kind: 'register', register: shift.register }];
      else operands = [operands[0], operands[1], { kind: 'immediate', value: shift.amount ?? 0 }];
    }
  }
  if (mnemonic === 'mov' && operands.length === 2 && !instruction.setFlags && cond === ''
    && operands[0].kind === 'register' && operands[0].register === 0 && operands[1].kind === 'register' && operands[1].register === 0) {
    if (!style.assembler) return { mnemonic: 'nop', operands: [], note: '\t\t\t@ (mov r0, r0)' };
  }
  if (mnemonic === 'nop' && operands.length === 0 && !style.assembler) note = '\t{0}';

  const block = BLOCK_MODES[mnemonic];
  if (block && operands.length === 2 && operands[0].kind === 'register' && operands[1].kind === 'registerList') {
    const base = operands[0];
    const list = operands[1];
    const count = bitCount(list.mask);
    const stackWriteback = base.register === SP && base.writeback === true && !list.userMode;
    if (stackWriteback && count > 1 && ((block.load && block.mode === 'ia') || (!block.load && block.mode === 'db'))) {
      return { mnemonic: block.load ? 'pop' : 'push', operands: [list], note: '' };
    }
    if (stackWriteback && count === 1 && block.load && block.mode === 'ia') mnemonic = 'ldmfd';
    else if (stackWriteback && count === 1 && !block.load && block.mode === 'db') mnemonic = 'stmfd';
    else if (block.mode === 'ia') mnemonic = block.load ? 'ldm' : base.writeback || list.userMode ? 'stmia' : 'stm';
    else mnemonic = (block.load ? 'ldm' : 'stm') + block.mode;
  }

  if ((mnemonic === 'push' || mnemonic === 'pop') && operands.length === 1 && operands[0].kind === 'registerList') {
    const list = operands[0];
    const multiple = word !== undefined && (word & 0x0e000000) === 0x08000000;
    if (bitCount(list.mask) === 1 && !list.userMode) {
      const register = registerName(31 - Math.clz32(list.mask));
      if (multiple) {
        mnemonic = mnemonic === 'push' ? 'stmfd' : 'ldmfd';
        operands = [{ kind: 'register', register: SP, writeback: true }, list];
      } else if (!style.assembler) {
        note = mnemonic === 'push'
          ? `\t\t@ (str${cond} ${register}, [sp, #-4]!)`
          : `\t\t@ (ldr${cond} ${register}, [sp], #4)`;
      }
    }
  }

  if (DUAL.has(mnemonic)) {
    const registers = operands.filter((operand) => operand.kind === 'register').length;
    const memory = operands.find((operand) => operand.kind === 'memory' || operand.kind === 'address');
    const first = operands[0];
    if (memory && first && first.kind === 'register') {
      operands = style.assembler || registers < 1
        ? [first, { kind: 'register', register: (first.register + 1) & 15 }, memory]
        : [first, memory];
    }
  }

  if (mnemonic === 'sxtb' || mnemonic === 'sxth' || mnemonic === 'uxtb' || mnemonic === 'uxth'
    || mnemonic === 'sxtab' || mnemonic === 'sxtah' || mnemonic === 'uxtab' || mnemonic === 'uxtah') {
    const last = operands[operands.length - 1];
    if (last && last.kind === 'shift' && last.shift.register === undefined && (last.shift.amount ?? 0) === 0) operands = operands.slice(0, -1);
  } else if (operands.length > 0) {
    const last = operands[operands.length - 1];
    if (last.kind === 'shift' && isNoShift(last.shift) && last.shift.type === 'lsl') operands = operands.slice(0, -1);
  }
  return { mnemonic, operands, note };
}

function bitCount(mask: number): number {
  let value = mask & 0xffff;
  let count = 0;
  while (value) {
    value &= value - 1;
    count++;
  }
  return count;
}

/** A rotated immediate printed as `#imm8, rot` when `as` would not pick that rotation (objdump's rule). */
function explicitRotation(word: number): string | undefined {
  const rotate = (word >>> 7) & 0x1e;
  const immediate = word & 0xff;
  const value = rotate === 0 ? immediate : ((immediate >>> rotate) | (immediate << (32 - rotate))) >>> 0;
  for (let turn = 0; turn < 32; turn += 2) {
    const back = turn === 0 ? value : ((value << turn) | (value >>> (32 - turn))) >>> 0;
    if (back <= 0xff) return turn === rotate ? undefined : `#${immediate}, ${rotate}`;
  }
  return undefined;
}

/** A barrier's option as objdump names it (`dmb\tish`, `isb\tsy`, `dmb\t#12`); for the assembler, `#n` (none for `sy`). */
function barrierOption(mnemonic: string, operands: readonly Operand[], style: Style): string {
  const operand = operands[0];
  const option = operand && operand.kind === 'immediate' ? operand.value & 15 : 15;
  if (style.assembler) return option === 15 ? '' : `\t#${option}`;
  const name = mnemonic === 'isb' ? (option === 15 ? 'sy' : undefined) : BARRIER_OPTION_NAMES[option];
  return '\t' + (name ?? `#${option}`);
}

/** objdump's `(invalid: lsb:msb)` for a BFI/BFC whose msb is below its lsb. */
function invalidBitField(operands: readonly Operand[]): string | undefined {
  const width = operands[operands.length - 1];
  const lsb = operands[operands.length - 2];
  if (!width || !lsb || width.kind !== 'immediate' || lsb.kind !== 'immediate' || width.value > 0) return undefined;
  const registers = operands.slice(0, -2).map((operand) => (operand.kind === 'register' ? registerName(operand.register) : '')).join(', ');
  return `${registers}, (invalid: ${lsb.value}:${lsb.value + width.value - 1})`;
}

function render(instruction: Instruction, style: Style, word: number | undefined): string {
  const normalized = normalizePcRelative(instruction, style.address);
  const form = objdumpForm(normalized, style, word);
  const mnemonic = fullMnemonic(form.mnemonic, instruction);
  if (instruction.mnemonic === 'svc' || instruction.mnemonic === 'swi' || instruction.mnemonic === 'bkpt') {
    const operand = form.operands[0];
    const value = operand && operand.kind === 'immediate' ? operand.value >>> 0 : 0;
    const digits = instruction.mnemonic === 'bkpt' ? '0x' + value.toString(16).padStart(4, '0') : hex8(value);
    const name = instruction.mnemonic === 'bkpt' ? 'bkpt' : fullMnemonic('svc', instruction);
    return style.assembler ? `${name}\t#0x${value.toString(16)}` : `${name}\t${digits}`;
  }
  if (form.mnemonic === 'dmb' || form.mnemonic === 'dsb' || form.mnemonic === 'isb') return mnemonic + barrierOption(form.mnemonic, form.operands, style);
  if (form.operands.length === 0) return mnemonic + form.note;
  if (!style.assembler && (form.mnemonic === 'bfi' || form.mnemonic === 'bfc')) {
    const invalid = invalidBitField(form.operands);
    if (invalid !== undefined) return `${mnemonic}\t${invalid}`;
  }
  const comment = { text: '' };
  let text = mnemonic + '\t';
  for (let index = 0; index < form.operands.length; index++) {
    if (index > 0) text += ', ';
    text += formatOperand(form.operands[index], instruction, style, comment);
  }
  if (word !== undefined && (DATA_PROCESSING.has(instruction.mnemonic) || instruction.mnemonic === 'msr') && (word & 0x0e000000) === 0x02000000) {
    const last = form.operands[form.operands.length - 1];
    const rotated = last && last.kind === 'immediate' ? explicitRotation(word) : undefined;
    if (rotated !== undefined) {
      text = text.slice(0, text.lastIndexOf('#')) + rotated;
    }
  }
  return text + (style.assembler ? '' : comment.text + form.note);
}

/**
 * objdump's text for an instruction at `address`. `symbolAt` names branch and
 * PC-relative targets (`10054 <main+0x8>`); without it they print as `0x10054`.
 */
export function formatInstruction(instruction: Instruction, address: number, symbolAt?: SymbolLookup): string {
  return render(instruction, { assembler: false, address: address >>> 0, symbolAt }, undefined);
}

/** objdump's text, using the encoded word for the details an Instruction does not carry. */
export function formatDecoded(instruction: Instruction, word: number, address: number, symbolAt?: SymbolLookup): string {
  return render(instruction, { assembler: false, address: address >>> 0, symbolAt }, word >>> 0);
}

/**
 * Text that GNU `as -march=armv7ve` and Sherwood's assembler turn back into
 * the same word when placed at `address`. Branch and BLX targets are written
 * relative to the instruction (`b .+16`, `bl .-8`), so no label is needed;
 * `@` comments are left out; `mov r0, r0` stays `mov` (GNU `nop` is the
 * architectural NOP); LDRD/STRD name both registers. Given the `word`, a
 * rotated immediate that `as` would encode with another rotation is written
 * as GNU's explicit `#imm8, rotation` (assembled code never has one).
 */
export function formatForAssembler(instruction: Instruction, address: number, word?: number): string {
  return render(instruction, { assembler: true, address: address >>> 0 }, word === undefined ? undefined : word >>> 0);
}
