/**
 * The heap's event log: a ring buffer of typed arrays, so recording an event
 * (alloc, free, split, merge, resize, fail) allocates nothing. When it is
 * full the oldest events are dropped; `total` counts every event ever logged.
 */
import { EVENT_KIND_NAMES, type HeapEvent, type SiteResolver } from './types.js';

export class HeapEventLog {
  readonly capacity: number;
  private readonly kinds: Uint8Array;
  private readonly steps: Float64Array;
  private readonly addresses: Uint32Array;
  private readonly orders: Uint8Array;
  private readonly sites: Uint32Array;
  private readonly sizes: Uint32Array;
  /** Index the next event goes to. */
  private next = 0;
  /** Events ever recorded (including the dropped ones). */
  total = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.kinds = new Uint8Array(capacity);
    this.steps = new Float64Array(capacity);
    this.addresses = new Uint32Array(capacity);
    this.orders = new Uint8Array(capacity);
    this.sites = new Uint32Array(capacity);
    this.sizes = new Uint32Array(capacity);
  }

  record(kind: number, step: number, address: number, order: number, site: number, size: number): void {
    const capacity = this.capacity;
    if (capacity === 0) return;
    const index = this.next;
    this.kinds[index] = kind;
    this.steps[index] = step;
    this.addresses[index] = address;
    this.orders[index] = order;
    this.sites[index] = site;
    this.sizes[index] = size;
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
      const site = this.sites[index];
      result[position] = {
        kind: EVENT_KIND_NAMES[this.kinds[index]],
        step: this.steps[index],
        address: this.addresses[index],
        order: this.orders[index],
        site,
        line: resolve && site !== 0 ? resolve(site) : null,
        size: this.sizes[index],
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
