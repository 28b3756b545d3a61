import { describe, expect, it } from 'vitest';
import { assemble } from '../../emulator/assembler/index';
import { ROWS } from '../../emulator/isa/table';
import { GNU_AS, GNU_LD, hasTool, missingTools } from '../tools';
import { compareForms, type FormOutcome } from './compare';
import { SPELLINGS, generateCandidates } from './forms';
import { acceptFormsWithGnu } from './gnu-forms';
import { FORMS_FILE, readGolden, type FormsGolden } from './golden';
import { createRandom } from './random';
import { groupExamples, writeReport } from './report';

const golden = readGolden<FormsGolden>(FORMS_FILE);

function disagreements(outcomes: readonly FormOutcome[], rows: readonly string[]) {
  return outcomes
    .map((outcome, index) => ({ ...outcome, row: rows[index] }))
    .filter((outcome) => outcome.sherwood !== outcome.gnu);
}

function describeDisagreement(item: FormOutcome): string {
  return item.error
    ? `\`${item.source}\` GNU ${item.gnu}, Sherwood error: ${item.error}`
    : `\`${item.source}\` GNU ${item.gnu}, Sherwood ${item.sherwood}`;
}

describe('generated forms', () => {
  it('the seeded generator is deterministic', () => {
    const first = generateCandidates(7, 3);
    const second = generateCandidates(7, 3);
    expect(first.candidates.length).toBeGreaterThan(ROWS.length);
    expect(second.candidates).toEqual(first.candidates);
    expect(first.problems).toEqual([]);
    const one = createRandom(1);
    const again = createRandom(1);
    const sequence = [one.next(), one.next(), one.next()];
    expect([again.next(), again.next(), again.next()]).toEqual(sequence);
    expect(new Set(sequence).size).toBe(3);
    expect(createRandom(2).next()).not.toBe(sequence[0]);
  });

  it('the golden file holds at least 2,000 forms GNU accepted', () => {
    expect(golden, 'tests/golden/forms.json is missing: run `npm run golden`').toBeDefined();
    expect(golden!.forms.length).toBeGreaterThanOrEqual(2000);
  });

  it('the golden file covers every row of the table (else run `npm run golden -- forms`)', () => {
    const covered = new Set([...golden!.forms.map((form) => form.row), ...golden!.rowsWithoutForms.map((row) => row.row)]);
    expect(ROWS.map((row) => row.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('Sherwood assembles every recorded form to the word GNU as + ld made', () => {
    const forms = golden!.forms;
    const outcomes = compareForms(assemble, forms);
    const wrong = disagreements(outcomes, forms.map((form) => form.row));
    const warned = outcomes.filter((outcome) => outcome.warning !== undefined);
    const identical = forms.length - wrong.length;
    const file = writeReport('forms', {
      compared: forms.length,
      identical,
      sherwoodWarningsGnuDidNotGive: warned.map((outcome) => ({ source: outcome.source, warning: outcome.warning })),
      disagreements: wrong,
    });
    console.log(`forms: ${forms.length} compared, ${identical} identical (details in ${file})`);
    expect(wrong.length, `forms that differ from GNU, by row:\n${groupExamples(wrong, (item) => item.row, describeDisagreement)}`).toBe(0);
  });
});

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD))(`generated forms, live against GNU as${missingTools(GNU_AS, GNU_LD)}`, () => {
  it('a fresh seeded sample agrees with GNU as + ld', () => {
    // A new sample each run; set SHERWOOD_CONFORMANCE_SEED to repeat one.
    const seed = Number(process.env.SHERWOOD_CONFORMANCE_SEED ?? (Date.now() % 0x7fffffff));
    const generation = generateCandidates(seed, 8);
    expect(generation.problems, `seed ${seed}: the table or the disassembler threw`).toEqual([]);
    const accepted = acceptFormsWithGnu(generation.candidates, 6);
    expect(accepted.forms.length).toBeGreaterThan(ROWS.length * 3);
    const outcomes = compareForms(assemble, accepted.forms);
    const wrong = disagreements(outcomes, accepted.forms.map((form) => form.row));
    const file = writeReport('forms-live', { seed, compared: accepted.forms.length, identical: accepted.forms.length - wrong.length, disagreements: wrong });
    console.log(`forms (live, seed ${seed}): ${accepted.forms.length} compared, ${accepted.forms.length - wrong.length} identical (${file})`);
    expect(wrong.length, `seed ${seed}: forms that differ from GNU, by row:\n${groupExamples(wrong, (item) => item.row, describeDisagreement)}`).toBe(0);

    // The same sample spelled other ways GNU reads alike (GNU drops the few it refuses).
    let respelled = 0;
    for (const [spelling, respell] of Object.entries(SPELLINGS)) {
      const variants = accepted.forms.map((form) => ({ row: form.row, word: parseInt(form.gnu, 16), source: respell(form.source) }));
      const kept = acceptFormsWithGnu(variants, Number.MAX_SAFE_INTEGER).forms;
      respelled += kept.length;
      const different = compareForms(assemble, kept)
        .map((outcome, index) => ({ ...outcome, row: kept[index].row }))
        .filter((outcome) => outcome.sherwood !== outcome.gnu);
      expect(different.length, `seed ${seed}, ${spelling}:\n${groupExamples(different, (item) => item.row, describeDisagreement)}`).toBe(0);
    }
    console.log(`forms (live, seed ${seed}): ${respelled} respelled forms (${Object.keys(SPELLINGS).join(', ')}) identical`);
  });
});
