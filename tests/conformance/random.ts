/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence on every machine, so generated forms and golden files are
 * reproducible.
 */
export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number;
  /** An integer in 0 .. limit - 1 (limit >= 1). */
  below(limit: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
  return {
    next,
    below: (limit) => (limit <= 1 ? 0 : next() % limit),
  };
}
