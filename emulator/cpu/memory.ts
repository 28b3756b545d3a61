/**
 * Guest memory: named regions with permissions, backed by 4 KiB pages that
 * are allocated on first touch from one store capped at `limit` bytes.
 *
 * Speed: two page tables (Int32Array, one entry per 4 KiB page of the 4 GiB
 * space) hold the byte offset of each page in the store, or -1. `readTable`
 * lists pages that are allocated and readable, `writeTable` pages that are
 * allocated, writable, not executable and not watched. An access that misses
 * its table takes the slow path, which allocates, checks permissions, reports
 * faults as values, fires watchpoints and invalidates decoded code.
 */
import {
  MEMORY_CHECKED,
  MEMORY_CODE_WRITTEN,
  MEMORY_FAULT,
  MEMORY_OK,
  MEMORY_WATCH,
  PERMISSION_EXECUTE,
  PERMISSION_READ,
  PERMISSION_WRITE,
  type AccessChecker,
  type AccessKind,
  type BytesResult,
  type GuestMemory,
  type MemoryFault,
  type MemoryRegion,
} from './interfaces';
import { describeFault } from './memory-faults';

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;
const PAGE_COUNT = 1 << (32 - PAGE_SHIFT);

export const DEFAULT_MEMORY_LIMIT = 256 * 1024 * 1024;

export interface WatchRange {
  start: number;
  /** Exclusive. */
  end: number;
}

export class Memory implements GuestMemory {
  status = MEMORY_OK;
  fault: MemoryFault | undefined = undefined;
  /** Address of the write that hit a watchpoint (when status is MEMORY_WATCH). */
  watchAddress = 0;
  /** Called after a write lands in an executable page (decoded code there is stale). */
  onCodeWrite: ((address: number, size: number) => void) | undefined = undefined;

  readonly limit: number;
  /** Byte offset of each allocated, readable page in the store; -1 otherwise. */
  readTable: Int32Array;
  /** As readTable, for pages that take fast writes; swapped for an all -1 table while tracking writes. */
  writeTable: Int32Array;
  bytes: Uint8Array;
  halves: Uint16Array;
  words: Int32Array;

  private readonly fastWriteTable: Int32Array;
  private slowWriteTable: Int32Array | undefined;
  private readonly pageOffset: Int32Array;
  private readonly pagePermissions = new Uint8Array(PAGE_COUNT);
  /** 1 when one region (or several with equal rights) covers the whole page. */
  private readonly pageUniform = new Uint8Array(PAGE_COUNT);
  private readonly regionList: MemoryRegion[] = [];
  private allocated = 0;
  private watches: WatchRange[] = [];
  private tracking = false;
  /** The diagnostics' hook (setAccessChecker): every slow-path access goes to it; pages of its range never take the fast path. */
  private checker: AccessChecker | undefined = undefined;
  private checkedStart = 0;
  private checkedEnd = 0;
  /** Bulk copies (debugger, syscalls, loader) are not the program's loads and stores. */
  private unchecked = 0;
  /** Writes seen while tracking: [address, size] pairs, at most TRACK_LIMIT. */
  readonly trackedWrites: number[] = [];

  constructor(limit = DEFAULT_MEMORY_LIMIT) {
    this.limit = Math.max(PAGE_SIZE, Math.min(limit, 0x7fff0000) & ~PAGE_MASK);
    const store = new ArrayBuffer(this.limit);
    this.bytes = new Uint8Array(store);
    this.halves = new Uint16Array(store);
    this.words = new Int32Array(store);
    this.readTable = new Int32Array(PAGE_COUNT).fill(-1);
    this.fastWriteTable = new Int32Array(PAGE_COUNT).fill(-1);
    this.writeTable = this.fastWriteTable;
    this.pageOffset = new Int32Array(PAGE_COUNT).fill(-1);
  }

  /** Maps a region (any alignment); pages it touches get its permissions added. */
  map(region: MemoryRegion): void {
    const start = region.start >>> 0;
    const end = region.end >>> 0 || 0x100000000;
    if (end < start) return;
    this.regionList.push({ ...region, start, end });
    this.regionList.sort((a, b) => a.start - b.start);
    const last = Math.ceil(end / PAGE_SIZE);
    for (let page = start >>> PAGE_SHIFT; page < last; page++) {
      this.pagePermissions[page] |= region.permissions;
      this.refreshPage(page);
    }
  }

  /** Changes a region's end (the program break); pages no longer covered become unmapped. */
  resize(name: string, end: number): boolean {
    const region = this.regionList.find((candidate) => candidate.name === name);
    if (!region) return false;
    const oldEnd = region.end;
    region.end = end >>> 0;
    const low = Math.min(oldEnd, region.end) >>> PAGE_SHIFT;
    const high = Math.ceil(Math.max(oldEnd, region.end) / PAGE_SIZE);
    for (let page = low; page < high; page++) this.recomputePermissions(page);
    return true;
  }

  regions(): readonly MemoryRegion[] {
    return this.regionList;
  }

  regionAt(address: number): MemoryRegion | undefined {
    const target = address >>> 0;
    return this.regionList.find((region) => target >= region.start && target < region.end);
  }

  /** Bytes of store handed out to pages so far. */
  get allocatedBytes(): number {
    return this.allocated;
  }

  /** True when every byte of [address, address + size) may be accessed this way (no allocation). */
  permits(address: number, size: number, access: AccessKind): boolean {
    const bit = access === 'read' ? PERMISSION_READ : access === 'write' ? PERMISSION_WRITE : PERMISSION_EXECUTE;
    for (let offset = 0; offset < size; offset++) {
      const target = (address + offset) >>> 0;
      const page = target >>> PAGE_SHIFT;
      if ((this.pagePermissions[page] & bit) === 0) return false;
      if (this.pageUniform[page] === 0) {
        const region = this.regionAt(target);
        if (!region || (region.permissions & bit) === 0) return false;
      }
    }
    return true;
  }

  setWatchpoints(ranges: readonly WatchRange[]): void {
    const previous = this.watches;
    this.watches = ranges.map((range) => ({ start: range.start >>> 0, end: range.end >>> 0 }));
    for (const range of [...previous, ...this.watches]) {
      const last = Math.ceil(range.end / PAGE_SIZE);
      for (let page = range.start >>> PAGE_SHIFT; page < last; page++) this.refreshPage(page);
    }
  }

  /** Sends slow-path accesses to `checker` and keeps [start, end) off the fast path (undefined: none). */
  setAccessChecker(checker: AccessChecker | undefined, start = 0, end = 0): void {
    const previous = [this.checkedStart, this.checkedEnd];
    this.checker = checker;
    this.checkedStart = checker ? start >>> 0 : 0;
    this.checkedEnd = checker ? end >>> 0 : 0;
    for (const [low, high] of [previous, [this.checkedStart, this.checkedEnd]]) {
      for (let page = low >>> PAGE_SHIFT; page < Math.ceil(high / PAGE_SIZE); page++) this.refreshPage(page);
    }
  }

  /** The diagnostics' hook set by setAccessChecker, or undefined. */
  get accessChecker(): AccessChecker | undefined {
    return this.checker;
  }

  /** The runtime is about to run `name` for the program (a system call or C function: 'write()'); the checker names it in reports. */
  runtimeCall(name: string): void {
    this.checker?.runtimeCall?.(name);
  }

  /** The runtime read (or wrote) `length` bytes at `address` for the program at once, e.g. write()'s buffer: checked as one access (AccessChecker.checkRange). */
  checkRuntimeAccess(address: number, length: number, write: boolean, mark = true): void {
    if (this.checker !== undefined && this.unchecked === 0) this.checker.checkRange?.(address >>> 0, length >>> 0, write, mark);
  }

  /** While on, every write takes the slow path and is recorded in `trackedWrites`. */
  trackWrites(on: boolean): void {
    this.tracking = on;
    this.trackedWrites.length = 0;
    if (on) {
      this.slowWriteTable ??= new Int32Array(PAGE_COUNT).fill(-1);
      this.writeTable = this.slowWriteTable;
    } else {
      this.writeTable = this.fastWriteTable;
    }
  }

  clearStatus(): void {
    this.status = MEMORY_OK;
    this.fault = undefined;
  }

  read8(address: number, base?: number, baseRegister?: number): number {
    const offset = this.readTable[address >>> PAGE_SHIFT];
    if (offset >= 0) return this.bytes[offset | (address & PAGE_MASK)];
    return this.readSlow(address, 1, base, baseRegister);
  }

  read16(address: number, base?: number, baseRegister?: number): number {
    const offset = this.readTable[address >>> PAGE_SHIFT];
    if (offset >= 0 && (address & 1) === 0) return this.halves[(offset | (address & PAGE_MASK)) >> 1];
    return this.readSlow(address, 2, base, baseRegister);
  }

  read32(address: number, base?: number, baseRegister?: number): number {
    const offset = this.readTable[address >>> PAGE_SHIFT];
    if (offset >= 0 && (address & 3) === 0) return this.words[(offset | (address & PAGE_MASK)) >> 2];
    return this.readSlow(address, 4, base, baseRegister);
  }

  write8(address: number, value: number, base?: number, baseRegister?: number): void {
    const offset = this.writeTable[address >>> PAGE_SHIFT];
    if (offset >= 0) this.bytes[offset | (address & PAGE_MASK)] = value;
    else this.writeSlow(address, value, 1, base, baseRegister);
  }

  write16(address: number, value: number, base?: number, baseRegister?: number): void {
    const offset = this.writeTable[address >>> PAGE_SHIFT];
    if (offset >= 0 && (address & 1) === 0) this.halves[(offset | (address & PAGE_MASK)) >> 1] = value;
    else this.writeSlow(address, value, 2, base, baseRegister);
  }

  write32(address: number, value: number, base?: number, baseRegister?: number): void {
    const offset = this.writeTable[address >>> PAGE_SHIFT];
    if (offset >= 0 && (address & 3) === 0) this.words[(offset | (address & PAGE_MASK)) >> 2] = value;
    else this.writeSlow(address, value, 4, base, baseRegister);
  }

  /** Instruction fetch: the word at an executable address, or sets a fault. */
  fetch(address: number): number {
    const target = address >>> 0;
    if ((this.pagePermissions[target >>> PAGE_SHIFT] & PERMISSION_EXECUTE) === 0 || (target & 3) !== 0) {
      this.raise(target, 4, 'execute');
      return 0;
    }
    const offset = this.pageFor(target);
    if (offset < 0) return 0;
    return this.words[(offset | (target & PAGE_MASK)) >> 2];
  }

  readByte(address: number): number {
    const saved = this.status;
    const value = this.read8(address >>> 0);
    if (this.status === MEMORY_FAULT && saved !== MEMORY_FAULT) {
      this.clearStatus();
      return -1;
    }
    if (value === 0 && this.checker !== undefined) this.checker.stringEnd?.(address >>> 0);
    return value;
  }

  writeByte(address: number, value: number): boolean {
    const target = address >>> 0;
    if (!this.permits(target, 1, 'write')) return false;
    this.write8(target, value & 0xff);
    return true;
  }

  readBytes(address: number, length: number): BytesResult {
    this.unchecked++;
    try {
      return this.copyOut(address, length);
    } finally {
      this.unchecked--;
    }
  }

  private copyOut(address: number, length: number): BytesResult {
    if (!(length <= this.limit)) return { ok: false, fault: this.describe(address >>> 0, 1, 'read', 'limit') };
    const out = new Uint8Array(Math.max(0, Math.floor(length)));
    for (let index = 0; index < out.length; index++) {
      const target = (address + index) >>> 0;
      if (!this.permits(target, 1, 'read')) return { ok: false, fault: this.describe(target, 1, 'read') };
      out[index] = this.read8(target);
    }
    return { ok: true, bytes: out };
  }

  writeBytes(address: number, data: Uint8Array, force = false): MemoryFault | undefined {
    for (let index = 0; index < data.length; index++) {
      const target = (address + index) >>> 0;
      const allowed = force ? this.regionAt(target) !== undefined : this.permits(target, 1, 'write');
      if (!allowed) return this.describe(target, 1, 'write');
      const offset = this.pageFor(target);
      if (offset < 0) return this.fault;
      this.bytes[offset | (target & PAGE_MASK)] = data[index];
      if (this.pagePermissions[target >>> PAGE_SHIFT] & PERMISSION_EXECUTE) this.onCodeWrite?.(target, 1);
      // A system call filling a buffer writes for the program (the checker reports at the svc); the debugger's forced writes do not.
      if (!force && this.checker !== undefined && this.unchecked === 0) this.checker.checkAccess(target, 1, true, 0, -1);
    }
    return undefined;
  }

  readCString(address: number, limit = 1 << 20): { ok: true; text: string } | { ok: false; fault: MemoryFault } {
    this.unchecked++;
    try {
      return this.stringOut(address, limit);
    } finally {
      this.unchecked--;
    }
  }

  private stringOut(address: number, limit: number): { ok: true; text: string } | { ok: false; fault: MemoryFault } {
    let text = '';
    for (let index = 0; index < limit; index++) {
      const target = (address + index) >>> 0;
      if (!this.permits(target, 1, 'read')) return { ok: false, fault: this.describe(target, 1, 'read') };
      const byte = this.read8(target);
      if (byte === 0) break;
      text += String.fromCharCode(byte);
    }
    return { ok: true, text };
  }

  /** The fault an access would raise, in plain words (for messages; does not change status). */
  describe(address: number, size: number, access: AccessKind, reason?: MemoryFault['reason']): MemoryFault {
    return describeFault(this.regionList, address >>> 0, size, access, reason);
  }

  private readSlow(address: number, size: number, base: number | undefined, baseRegister: number | undefined): number {
    let value = 0;
    for (let index = 0; index < size; index++) {
      const target = (address + index) >>> 0;
      if (!this.permits(target, 1, 'read')) {
        this.raise(address >>> 0, size, 'read', target);
        return 0;
      }
      const offset = this.pageFor(target);
      if (offset < 0) return 0;
      value |= this.bytes[offset | (target & PAGE_MASK)] << (8 * index);
    }
    if (this.checker !== undefined && this.unchecked === 0 && this.checker.checkAccess(address >>> 0, size, false, base ?? 0, baseRegister ?? -1) && this.status === MEMORY_OK) this.status = MEMORY_CHECKED;
    return value;
  }

  private writeSlow(address: number, value: number, size: number, base: number | undefined, baseRegister: number | undefined): void {
    for (let index = 0; index < size; index++) {
      const target = (address + index) >>> 0;
      if (!this.permits(target, 1, 'write')) {
        this.raise(address >>> 0, size, 'write', target);
        return;
      }
    }
    for (let index = 0; index < size; index++) {
      const target = (address + index) >>> 0;
      const offset = this.pageFor(target);
      if (offset < 0) return;
      this.bytes[offset | (target & PAGE_MASK)] = value >>> (8 * index);
    }
    const start = address >>> 0;
    if (this.checker !== undefined && this.unchecked === 0 && this.checker.checkAccess(start, size, true, base ?? 0, baseRegister ?? -1) && this.status === MEMORY_OK) this.status = MEMORY_CHECKED;
    if (this.tracking && this.trackedWrites.length < 128) this.trackedWrites.push(start, size);
    if (this.pagePermissions[start >>> PAGE_SHIFT] & PERMISSION_EXECUTE) this.onCodeWrite?.(start, size);
    for (const range of this.watches) {
      if (start < range.end && start + size > range.start && (this.status === MEMORY_OK || this.status === MEMORY_CODE_WRITTEN)) {
        this.status = MEMORY_WATCH;
        this.watchAddress = start;
      }
    }
  }

  private raise(address: number, size: number, access: AccessKind, failing = address): void {
    if (this.status === MEMORY_FAULT) return;
    const fault = describeFault(this.regionList, failing, size, access);
    this.fault = failing === address ? fault : { ...fault, address };
    this.status = MEMORY_FAULT;
  }

  /** The store offset of a mapped page, allocating it; -1 (and a fault) past the memory limit. */
  private pageFor(address: number): number {
    const page = address >>> PAGE_SHIFT;
    let offset = this.pageOffset[page];
    if (offset >= 0) return offset;
    if (this.allocated + PAGE_SIZE > this.limit) {
      if (this.status !== MEMORY_FAULT) {
        this.fault = this.describe(address, 1, 'write', 'limit');
        this.status = MEMORY_FAULT;
      }
      return -1;
    }
    offset = this.allocated;
    this.allocated += PAGE_SIZE;
    this.pageOffset[page] = offset;
    this.refreshPage(page);
    return offset;
  }

  private recomputePermissions(page: number): void {
    const low = page * PAGE_SIZE;
    const high = low + PAGE_SIZE;
    let permissions = 0;
    for (const region of this.regionList) {
      if (region.start < high && region.end > low) permissions |= region.permissions;
    }
    this.pagePermissions[page] = permissions;
    this.refreshPage(page);
  }

  /** Fast tables for a page: only when the whole page has one region's uniform rights. */
  private refreshPage(page: number): void {
    const offset = this.pageOffset[page];
    const permissions = this.pagePermissions[page];
    const uniform = this.coversWholePage(page);
    this.pageUniform[page] = uniform ? 1 : 0;
    const low = page * PAGE_SIZE;
    const checked = this.checker !== undefined && low < this.checkedEnd && low + PAGE_SIZE > this.checkedStart;
    const whole = offset >= 0 && uniform && !checked;
    this.readTable[page] = whole && permissions & PERMISSION_READ ? offset : -1;
    const watched = this.watches.some((range) => range.start < low + PAGE_SIZE && range.end > low);
    const writable = whole && (permissions & (PERMISSION_WRITE | PERMISSION_EXECUTE)) === PERMISSION_WRITE;
    this.fastWriteTable[page] = writable && !watched ? offset : -1;
  }

  private coversWholePage(page: number): boolean {
    const low = page * PAGE_SIZE;
    const high = low + PAGE_SIZE;
    let covered = low;
    for (const region of this.regionList) {
      if (region.end <= covered || region.start > covered) continue;
      if (region.start <= covered) covered = Math.max(covered, region.end);
      if (covered >= high) return this.samePermissionsThroughout(page);
    }
    return false;
  }

  /** Regions overlapping the page must agree on permissions, or per-byte checks are needed. */
  private samePermissionsThroughout(page: number): boolean {
    const low = page * PAGE_SIZE;
    const high = low + PAGE_SIZE;
    for (const region of this.regionList) {
      if (region.start < high && region.end > low && region.permissions !== this.pagePermissions[page]) return false;
    }
    return true;
  }
}
