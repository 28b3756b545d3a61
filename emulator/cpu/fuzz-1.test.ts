/** Half 1 of the 1,000,000-word fuzz (two files, so Vitest runs them side by side). */
import { describe, expect, it } from 'vitest';
import { fuzzWords } from './fuzz-support';

describe('random instruction words, part 1', () => {
  it('ends every one of 500,000 words in a result or a fault', async () => {
    const summary = await fuzzWords(0xf0220000 + 1, 20, 25_000);
    expect(summary.words).toBe(500_000);
    expect(summary.invalid).toBe(0);
    expect(summary.completed + summary.trapped + summary.faulted).toBe(500_000);
    expect(summary.completed).toBeGreaterThan(100_000);
  }, 900_000);
});
