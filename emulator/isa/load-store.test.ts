import { describe, expect, it } from 'vitest';
import { GNU_AS, GNU_OBJDUMP, hasTool, missingTools } from '../../tests/tools';
import { loadStoreCases } from './load-store-cases';
import { readGoldens, runGnu } from './load-store-goldens';
import { compareWithGnu } from './load-store-test-support';

describe('goldens', () => {
  it('agree with GNU as', () => {
    const cases = loadStoreCases();
    const goldens = readGoldens();
    expect(goldens.length).toBe(cases.length);
    const problems: string[] = [];
    cases.forEach((entry, index) => {
      expect(goldens[index].text).toBe(entry.text);
      const problem = compareWithGnu(entry, goldens[index]);
      if (problem) problems.push(problem);
    });
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_OBJDUMP))('live against GNU as' + missingTools(GNU_AS, GNU_OBJDUMP), () => {
  it('agrees on fresh seeded cases', () => {
    const cases = loadStoreCases(7, 30);
    const results = runGnu(cases.map((entry) => entry.text));
    const problems = cases.map((entry, index) => compareWithGnu(entry, results[index])).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });
});
