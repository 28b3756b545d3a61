/**
 * A small seeded pseudo-random generator (mulberry32): the same seed gives the
 * same sequence on every machine, so generated forms and golden files are
 * reproducible.
 */
import { SeededRandom } from '../../emulator/testing/random';

export interface Random {
  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number;
  /** An integer in 0 .. limit - 1 (limit >= 1). */
  below(limit: number): number;
}

export function createRandom(seed: number): Random {
  const random = new SeededRandom(seed);
  const next = (): number => random.next();
  return {
    next,
    below: (limit) => (limit <= 1 ? 0 : next() % limit),
  };
}
