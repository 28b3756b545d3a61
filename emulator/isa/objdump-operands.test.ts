/**
 * Decoded operands against objdump: for every golden word, a minimal
 * objdump-style rendering of the decoded instruction must equal the text
 * `objdump -d` printed (comments and symbol names aside). This pins operand
 * order and values (umull's RdLo first, msr field letters, branch targets),
 * not the disassembler's formatting, which lives elsewhere.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GoldenCase } from './golden/cases';
import { BARRIER_OPTION_NAMES } from './system';
import { decodeWord } from './table';
import type { Instruction, Operand } from './types';

const golden = JSON.parse(readFileSync(new URL('./golden/a32.json', import.meta.url), 'utf8')) as { cases: GoldenCase[] };

const NAMES = ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'sl', 'fp', 'ip', 'sp', 'lr', 'pc'];

function immediateText(instruction: Instruction, value: number): string {
  switch (instruction.mnemonic) {
    case 'svc':
      return '0x' + value.toString(16).padStart(8, '0');
    case 'bkpt':
      return '0x' + value.toString(16).padStart(4, '0');
    case 'dmb':
    case 'dsb':
      return BARRIER_OPTION_NAMES[value] ?? `#${value}`;
    default:
      return `#${value | 0}`;
  }
}

function operandText(instruction: Instruction, operand: Operand): string {
  switch (operand.kind) {
    case 'register':
      return NAMES[operand.register];
    case 'immediate':
      return immediateText(instruction, operand.value);
    case 'shift': {
      const { type, amount, register } = operand.shift;
      if (type === 'rrx') return 'rrx';
      return register !== undefined ? `${type} ${NAMES[register]}` : `${type} #${amount}`;
    }
    case 'address':
      return operand.value.toString(16);
    case 'statusRegister':
      return operand.name.toUpperCase() + (operand.fields ? `_${operand.fields}` : '');
    default:
      return '?';
  }
}

function render(instruction: Instruction): string {
  const name = instruction.mnemonic + (instruction.setFlags ? 's' : '') + (instruction.condition === 'al' ? '' : instruction.condition);
  let operands = instruction.operands.map((operand) => operandText(instruction, operand)).join(', ');
  if (operands === '' && (instruction.mnemonic === 'dmb' || instruction.mnemonic === 'dsb' || instruction.mnemonic === 'isb')) operands = 'sy';
  if (instruction.mnemonic === 'nop') operands = '{0}';
  return operands ? `${name}\t${operands}` : name;
}

/** objdump's text without comments (`@ 0x101`, `@ <UNPREDICTABLE>`) and symbol names (`<.text+0x8>`). */
function plain(text: string): string {
  return text.replace(/\t@ .*$/, '').replace(/ <[^>]*>/, '').replace(/\s+$/, '');
}

describe('decoded operands match objdump', () => {
  const cases = golden.cases.filter((item) => item.word !== undefined && !item.objdump?.includes('(mov r0, r0)'));

  it('covers the assembled goldens', () => {
    expect(cases.length).toBeGreaterThan(1000);
  });

  it('renders every golden word as objdump does', () => {
    const mismatches: string[] = [];
    for (const item of cases) {
      const decoded = decodeWord(parseInt(item.word ?? '0', 16) >>> 0, item.address);
      // A conditional UDF: objdump says UNDEFINED; the table decodes it as written (see golden/check.ts).
      if (item.objdump?.includes('<UNDEFINED>') && decoded?.mnemonic === 'udf') continue;
      const ours = decoded ? render(decoded) : '(undecoded)';
      const theirs = plain(item.objdump ?? '');
      if (ours !== theirs) mismatches.push(`${item.word}: ours '${ours}' objdump '${theirs}'`);
    }
    expect(mismatches.slice(0, 30)).toEqual([]);
  });
});
