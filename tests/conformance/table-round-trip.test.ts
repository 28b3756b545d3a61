import { describe, expect, it } from 'vitest';
import { decodeWord, encodeInstruction, findRow } from '../../emulator/isa/table';
import { formatForAssembler } from '../../emulator/disassembler/index';
import { FORMS_ADDRESS } from './forms';
import { FORMS_FILE, readGolden, type FormsGolden } from './golden';
import { groupExamples, writeReport } from './report';

const golden = readGolden<FormsGolden>(FORMS_FILE);

describe('the ISA table over GNU-made words', () => {
  it('decodes every word GNU made for the golden forms and encodes it back to the same word', () => {
    expect(golden, 'tests/golden/forms.json is missing: run `npm run golden`').toBeDefined();
    const wrong: { row: string; source: string; gnu: string; problem: string }[] = [];
    golden!.forms.forEach((form, index) => {
      const address = FORMS_ADDRESS + index * 4;
      const word = parseInt(form.gnu, 16) >>> 0;
      const row = findRow(word);
      const instruction = decodeWord(word, address);
      if (!row || !instruction) {
        wrong.push({ row: form.row, source: form.source, gnu: form.gnu, problem: 'no row decodes it' });
        return;
      }
      const encoded = encodeInstruction(instruction, { address });
      if (!encoded.ok) {
        wrong.push({ row: row.id, source: form.source, gnu: form.gnu, problem: `encode failed: ${encoded.error.message}` });
      } else if (encoded.word >>> 0 !== word) {
        wrong.push({ row: row.id, source: form.source, gnu: form.gnu, problem: `encodes to ${(encoded.word >>> 0).toString(16).padStart(8, '0')} (${formatForAssembler(instruction, address)})` });
      }
    });
    writeReport('table-round-trip', { compared: golden!.forms.length, identical: golden!.forms.length - wrong.length, wrong });
    expect(wrong.length, groupExamples(wrong, (item) => item.row, (item) => `\`${item.source}\` GNU ${item.gnu}: ${item.problem}`)).toBe(0);
  });
});
