/** The random-word fuzz with every memory diagnostic attached (and pausing): still never a host exception. */
import { describe, expect, it } from 'vitest';
import { fuzzWords } from './fuzz-support';

describe('random instruction words under the memory checks', () => {
  it('ends every one of 100,000 words, run on through random calls and returns, in a result, a fault or a check', async () => {
    const summary = await fuzzWords(0xf0220000 + 7, 10, 10_000, 64, true);
    expect(summary.words).toBe(100_000);
    expect(summary.invalid).toBe(0);
    expect(summary.completed + summary.trapped + summary.faulted + summary.checked).toBe(100_000);
    expect(summary.checked).toBeGreaterThan(0);
  }, 600_000);
});
