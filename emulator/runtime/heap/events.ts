/**
 * The heap's event log: a ring buffer in one typed array, so recording an event
 * (alloc, free, split, merge, resize, fail) allocates nothing and writes one
 * contiguous slot. When it is
 * full the oldest events are dropped; `total` counts every event ever logged.
 */
import { EVENT_KIND_NAMES, type HeapEvent, type SiteResolver } from './types.js';

/** Words per event in the log's one array: kind and order, step, address, site, size. */
const EVENT_WORDS = 5;

export class HeapEventLog {
  readonly capacity: number;
  /** EVENT_WORDS numbers per event, in one array so recording one touches one place. */
  private readonly slots: Float64Array;
  /** Index the next event goes to. */
  private next = 0;
  /** Events ever recorded (including the dropped ones). */
  total = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.slots = new Float64Array(capacity * EVENT_WORDS);
  }

  record(kind: number, step: number, address: number, order: number, site: number, size: number): void {
    const capacity = this.capacity;
    if (capacity === 0) return;
    const index = this.next;
    const base = index * EVENT_WORDS;
    const slots = this.slots;
    slots[base] = kind | (order << 8);
    slots[base + 1] = step;
    slots[base + 2] = address;
    slots[base + 3] = site;
    slots[base + 4] = size;
    this.next = index + 1 === capacity ? 0 : index + 1;
    this.total++;
  }

  /** Events held, oldest first. */
  get length(): number {
    return Math.min(this.total, this.capacity);
  }

  /** The kept events, oldest first, with source lines when a resolver is given. */
  entries(resolve?: SiteResolver): HeapEvent[] {
    const count = this.length;
    const result: HeapEvent[] = new Array(count);
    let index = (this.next - count + this.capacity) % Math.max(1, this.capacity);
    for (let position = 0; position < count; position++) {
      const base = index * EVENT_WORDS;
      const packed = this.slots[base];
      const site = this.slots[base + 3];
      result[position] = {
        kind: EVENT_KIND_NAMES[packed & 0xff],
        step: this.slots[base + 1],
        address: this.slots[base + 2],
        order: packed >>> 8,
        site,
        line: resolve && site !== 0 ? resolve(site) : null,
        size: this.slots[base + 4],
      };
      index = index + 1 === this.capacity ? 0 : index + 1;
    }
    return result;
  }

  /** Empties the log and re-fills it from saved entries (oldest first), keeping `total`. */
  restore(events: readonly HeapEvent[], total: number): void {
    this.next = 0;
    this.total = 0;
    const start = Math.max(0, events.length - this.capacity);
    for (let index = start; index < events.length; index++) {
      const event = events[index];
      this.record(EVENT_KIND_NAMES.indexOf(event.kind), event.step, event.address, event.order, event.site, event.size);
    }
    this.total = Math.max(total, this.total);
  }
}
