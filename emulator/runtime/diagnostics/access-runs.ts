/**
 * The accesses a built-in C function or system call makes for the program,
 * gathered into runs so they are checked once per call, not once per byte:
 * puts reading a string byte by byte is one run [p, p + length + 1), strcmp
 * two runs, memcpy a read run and a write run. A byte next to or inside a run
 * of the same direction extends it (upwards, or downwards as memmove copies
 * backwards); any other byte starts a new run. A read run ends at a NUL byte
 * (`endString`): the next byte up belongs to another string, as when printf
 * prints two strings whose blocks lie side by side. At the end of the call
 * (or when the few slots are full) each run goes to the checker as one access.
 *
 * No allocation: the slots are typed arrays made once.
 */

/** Runs kept at once; a call touching more separate areas flushes the oldest early. */
const SLOTS = 8;

/** Checks one run: [start, start + length), written or read. */
export type RunCheck = (start: number, length: number, write: boolean) => void;

export class AccessRuns {
  private readonly starts = new Float64Array(SLOTS);
  private readonly ends = new Float64Array(SLOTS);
  private readonly writes = new Uint8Array(SLOTS);
  /** 1 when a read run ended with a NUL: it grows no further up. */
  private readonly ended = new Uint8Array(SLOTS);
  private count = 0;
  /** The slot reused next when all are taken. */
  private victim = 0;

  constructor(private readonly check: RunCheck) {}

  /** True while runs wait for `flush`. */
  get pending(): boolean {
    return this.count !== 0;
  }

  /** One access of `size` bytes at `address` (unsigned). */
  add(address: number, size: number, write: boolean): void {
    const direction = write ? 1 : 0;
    const end = address + size;
    const starts = this.starts;
    const ends = this.ends;
    for (let slot = 0; slot < this.count; slot++) {
      if (this.writes[slot] !== direction) continue;
      if (address <= ends[slot] && end >= starts[slot]) {
        if (end > ends[slot] && this.ended[slot] === 1) continue;
        if (address < starts[slot]) starts[slot] = address;
        if (end > ends[slot]) ends[slot] = end;
        return;
      }
    }
    let slot = this.count;
    if (slot === SLOTS) {
      slot = this.victim;
      this.victim = (this.victim + 1) % SLOTS;
      this.check(starts[slot], ends[slot] - starts[slot], this.writes[slot] === 1);
    } else {
      this.count++;
    }
    starts[slot] = address;
    ends[slot] = end;
    this.writes[slot] = direction;
    this.ended[slot] = 0;
  }

  /** The byte at `address` was read and is a NUL: the read run ending with it is one whole string. */
  endString(address: number): void {
    for (let slot = 0; slot < this.count; slot++) {
      if (this.writes[slot] === 0 && this.ends[slot] === address + 1) this.ended[slot] = 1;
    }
  }

  /**
   * Checks every run and forgets them. Writes go first: a call that stores bytes and reads them
   * back (strcat's new tail) has them marked written before the reads are judged.
   */
  flush(): void {
    const count = this.count;
    this.count = 0;
    this.victim = 0;
    for (let pass = 1; pass >= 0; pass--) {
      for (let slot = 0; slot < count; slot++) {
        if (this.writes[slot] === pass) this.check(this.starts[slot], this.ends[slot] - this.starts[slot], pass === 1);
      }
    }
  }

  /** Forgets the runs unchecked (the run was abandoned). */
  clear(): void {
    this.count = 0;
    this.victim = 0;
  }
}
