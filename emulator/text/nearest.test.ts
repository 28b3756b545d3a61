import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest';

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('mvo', 'mov', 2)).toBe(1);
    expect(editDistance('misalignd-access', 'misaligned-access', 2)).toBe(1);
    expect(editDistance('leak', 'leak', 2)).toBe(0);
    expect(editDistance('abc', 'xyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('names the nearest candidate within the limit, ignoring case, and nothing for an exact match or a stranger', () => {
    expect(nearestName('misalignd-access', ['leak', 'misaligned-access', 'heap-overflow'])).toBe('misaligned-access');
    expect(nearestName('RUNN', ['run', 'heap'])).toBe('run');
    expect(nearestName('run', ['run', 'heap'])).toBeUndefined();
    expect(nearestName('zzzzzz', ['run', 'heap'])).toBeUndefined();
  });
});
