/**
 * glibc's rand()/srand(): the TYPE_3 additive feedback generator (random_r.c)
 * with its 31-word state, separation 3, seeded by the Park–Miller LCG and
 * warmed up by 310 discarded outputs. srand(1), or no srand at all, gives
 * glibc's 1804289383, 846930886, 1681692777, ...
 */
const DEGREE = 31;
const SEPARATION = 3;

export class GlibcRandom {
  private readonly state = new Int32Array(DEGREE);
  private front = SEPARATION;
  private rear = 0;

  constructor(seed = 1) {
    this.seed(seed);
  }

  /** srand(seed): `seed` is an unsigned int; 0 acts as 1. */
  seed(seed: number): void {
    let word = seed | 0;
    if (word === 0) word = 1;
    this.state[0] = word;
    for (let index = 1; index < DEGREE; index++) {
      const high = Math.trunc(word / 127773);
      const low = word % 127773;
      word = 16807 * low - 2836 * high;
      if (word < 0) word += 2147483647;
      this.state[index] = word;
    }
    this.front = SEPARATION;
    this.rear = 0;
    for (let discard = 0; discard < DEGREE * 10; discard++) this.next();
  }

  /** rand(): 0 .. 2^31-1. */
  next(): number {
    const value = (this.state[this.front] + this.state[this.rear]) | 0;
    this.state[this.front] = value;
    const result = (value >>> 1) & 0x7fffffff;
    if (++this.front >= DEGREE) {
      this.front = 0;
      ++this.rear;
    } else if (++this.rear >= DEGREE) this.rear = 0;
    return result;
  }
}
