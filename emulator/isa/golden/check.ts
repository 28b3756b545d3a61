/**
 * The comparison of one golden case with the table, shared by the unit test
 * (committed goldens) and the live test (fresh cases from GNU `as`).
 */
import { decodeWord, encodeInstruction, parseMnemonic, type InstructionEncoding } from '../table';
import type { Instruction } from '../types';
import type { GoldenCase } from './cases';

/** Warnings about the spelling (divided-syntax infixes) are the assembler's business, not the table's. */
const SPELLING_WARNINGS = /conditional infixes are deprecated/;

/** Encode a written mnemonic (`addseq`) with the first reading whose row encodes it. */
export function encodeWritten(mnemonic: string, operands: Instruction['operands'], address: number): InstructionEncoding | undefined {
  let first: InstructionEncoding | undefined;
  for (const reading of parseMnemonic(mnemonic)) {
    const result = encodeInstruction({ ...reading, operands }, { address });
    if (result.ok) return result;
    first ??= result;
  }
  return first;
}

/** objdump's mnemonic column: base + s + condition (`addseq`, `svc`, `lsls`). */
export function objdumpMnemonic(instruction: Instruction): string {
  return instruction.mnemonic + (instruction.setFlags ? 's' : '') + (instruction.condition === 'al' ? '' : instruction.condition);
}

const hex = (word: number): string => word.toString(16).padStart(8, '0');

/**
 * What differs between the table and GNU `as` for one case, or undefined:
 * the word (or the refusal), the warning, objdump's mnemonic for the
 * decoded word, and decode-then-encode giving the word back.
 */
export function compareCase(item: GoldenCase): string | undefined {
  const result = encodeWritten(item.mnemonic, item.operands, item.address);
  const expected = item.word ?? item.dividedWord;
  if (expected === undefined) {
    if (result?.ok) return `as refuses (${item.error}) but the table encodes ${hex(result.word)}`;
    if (result && result.error.message.length === 0) return 'empty error message';
    return undefined;
  }
  if (!result?.ok) return `as emits ${expected} but the table refuses: ${result ? result.error.message : 'no reading of the mnemonic'}`;
  if (hex(result.word) !== expected) return `as emits ${expected}, the table ${hex(result.word)}`;
  // Warnings are recorded for unified syntax only.
  if (item.word !== undefined) {
    const asWarned = (item.warning ?? '').split(' | ').some((warning) => warning !== '' && !SPELLING_WARNINGS.test(warning));
    if (asWarned !== (result.warning !== undefined)) {
      return `as warning: ${item.warning ?? 'none'}; table warning: ${result.warning?.message ?? 'none'}`;
    }
  }
  const decoded = decodeWord(result.word, item.address);
  if (!decoded) return `${expected} does not decode`;
  // Documented aliases, kept so that disassembled code reassembles to the same word: objdump
  // prints `mov r0, r0` as `nop @ (mov r0, r0)`, and a conditional UDF (which `as` emits for
  // `udfle #1024`) as `<UNDEFINED>`; the table decodes them as written.
  const undefinedUdf = item.objdump?.includes('<UNDEFINED>') && decoded.mnemonic === 'udf';
  const shown = item.objdump?.startsWith('nop\t\t\t@ (mov r0, r0)') ? 'mov' : undefinedUdf ? objdumpMnemonic(decoded) : item.objdump?.split('\t')[0];
  if (objdumpMnemonic(decoded) !== shown) return `decodes as ${objdumpMnemonic(decoded)}, objdump shows ${shown}`;
  const again = encodeInstruction(decoded, { address: item.address });
  // Words GNU `as` emits but refuses when written back, so the table refuses them too:
  // `mov pc, #0xa429` becomes `movw pc, ...` (pc not allowed in movw), and
  // `sub rd, pc, #0x7fffffe3` becomes `add rd, pc, #0x8000001d` (read as a negative offset).
  const base = decoded.operands[1];
  const pcAdd = decoded.mnemonic === 'add' && base?.kind === 'register' && base.register === 15;
  const refusedPc = !again.ok && decoded.mnemonic === 'movw' && /pc \(r15\)/.test(again.error.message);
  if (!again.ok && (refusedPc || pcAdd)) return undefined;
  if (!again.ok || hex(again.word) !== expected) return `decoded instruction re-encodes as ${again.ok ? hex(again.word) : again.error.message}`;
  return undefined;
}
