/**
 * The one seeded pseudo-random generator of the test suites and golden-file
 * generators (mulberry32): the same seed gives the same sequence on every
 * machine, so generated cases, fuzz inputs and golden files are reproducible.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  }

  /** A number in [0, 1). */
  fraction(): number {
    return this.next() / 4294967296;
  }

  /** An integer in 0 .. limit - 1 (limit >= 1); always draws one number. */
  below(limit: number): number {
    return this.next() % limit;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }
}

/** A function giving unsigned 32-bit integers from a seed. */
export function seededWords(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.next();
}

/** A function giving numbers in [0, 1) from a seed. */
export function seededFractions(seed: number): () => number {
  const random = new SeededRandom(seed);
  return () => random.fraction();
}
