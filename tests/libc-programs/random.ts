import { SeededRandom as Base } from '../../emulator/testing/random';

/** The shared seeded generator, with a probability test for case generators. */
export class SeededRandom extends Base {
  chance(probability: number): boolean {
    return this.fraction() < probability;
  }
}
