import { describe, expect, it } from 'vitest';
import { MEMORY_FAULT, MEMORY_OK, MEMORY_WATCH, PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE } from './interfaces';
import { Memory, PAGE_SIZE } from './memory';

function memory(limit?: number): Memory {
  const result = new Memory(limit);
  result.map({ name: 'text', start: 0x10000, end: 0x11000, permissions: PERMISSION_READ | PERMISSION_EXECUTE });
  result.map({ name: 'data', start: 0x21000, end: 0x23000, permissions: PERMISSION_READ | PERMISSION_WRITE });
  result.map({ name: 'stack', start: 0xbe800000, end: 0xbf000000, permissions: PERMISSION_READ | PERMISSION_WRITE });
  return result;
}

describe('Memory', () => {
  it('reads and writes every size, aligned and not, little-endian', () => {
    const bus = memory();
    bus.write32(0x21000, 0x11223344);
    expect(bus.read8(0x21000)).toBe(0x44);
    expect(bus.read16(0x21002)).toBe(0x1122);
    bus.write32(0x21ffe, -2); // crosses a page boundary
    expect(bus.read32(0x21ffe)).toBe(-2);
    expect(bus.read16(0x21fff)).toBe(0xffff);
    bus.write16(0x21005, 0xabcd);
    expect(bus.read8(0x21005)).toBe(0xcd);
    expect(bus.read8(0x21006)).toBe(0xab);
    expect(bus.status).toBe(MEMORY_OK);
  });

  it('allocates pages only when touched and stops at the limit with a fault', () => {
    const bus = memory(2 * PAGE_SIZE);
    expect(bus.allocatedBytes).toBe(0);
    bus.read32(0xbefffffc);
    expect(bus.allocatedBytes).toBe(PAGE_SIZE);
    bus.write8(0x21000, 1);
    expect(bus.status).toBe(MEMORY_OK);
    bus.write8(0x22000, 1);
    expect(bus.status).toBe(MEMORY_FAULT);
    expect(bus.fault?.reason).toBe('limit');
  });

  it('names the address, the access and the nearest region in faults', () => {
    const bus = memory();
    expect(bus.read32(0x4)).toBe(0);
    expect(bus.fault).toMatchObject({ address: 4, access: 'read', reason: 'unmapped' });
    expect(bus.fault?.message).toBe('read of 4 bytes at 0x00000004: no memory is mapped there (a null pointer?) (nearest region: text 0x00010000-0x00010fff)');
    bus.clearStatus();
    bus.write8(0x10010, 1);
    expect(bus.fault?.message).toContain('the text region (0x00010000-0x00010fff) allows read/execute only');
    bus.clearStatus();
    bus.write32(0xbe7ffffc, 1);
    expect(bus.fault?.reason).toBe('guard');
    expect(bus.fault?.message).toContain('stack overflow');
  });

  it('keeps the first fault until cleared, and a faulting access changes nothing', () => {
    const bus = memory();
    bus.write32(0x22ffe, 0x01020304); // the last two bytes fall outside data
    expect(bus.status).toBe(MEMORY_FAULT);
    expect(bus.fault?.address).toBe(0x22ffe);
    bus.read8(0);
    expect(bus.fault?.address).toBe(0x22ffe);
    bus.clearStatus();
    expect(bus.read16(0x22ffe)).toBe(0);
  });

  it('fires write watchpoints after the write and leaves other pages fast', () => {
    const bus = memory();
    bus.setWatchpoints([{ start: 0x21100, end: 0x21104 }]);
    bus.write32(0x21000, 7);
    expect(bus.status).toBe(MEMORY_OK);
    bus.write8(0x21102, 9);
    expect(bus.status).toBe(MEMORY_WATCH);
    expect(bus.watchAddress).toBe(0x21102);
    expect(bus.read8(0x21102)).toBe(9);
    bus.clearStatus();
    bus.setWatchpoints([]);
    bus.write8(0x21102, 1);
    expect(bus.status).toBe(MEMORY_OK);
  });

  it('records writes while tracking and tells code pages were written', () => {
    const bus = memory();
    const written: number[] = [];
    bus.onCodeWrite = (address) => written.push(address);
    bus.trackWrites(true);
    bus.write16(0x21010, 5);
    expect([...bus.trackedWrites]).toEqual([0x21010, 2]);
    bus.trackWrites(false);
    expect(bus.writeBytes(0x10000, Uint8Array.of(1, 2), true)).toBeUndefined();
    expect(written).toEqual([0x10000, 0x10001]);
    expect(bus.writeBytes(0x10000, Uint8Array.of(1))?.reason).toBe('permission');
  });

  it('grows and shrinks a region (the program break)', () => {
    const bus = memory();
    bus.map({ name: 'brk', start: 0x30000, end: 0x30000, permissions: PERMISSION_READ | PERMISSION_WRITE });
    bus.read8(0x30000);
    expect(bus.status).toBe(MEMORY_FAULT);
    bus.clearStatus();
    expect(bus.resize('brk', 0x32000)).toBe(true);
    bus.write32(0x31ffc, 3);
    expect(bus.read32(0x31ffc)).toBe(3);
    bus.resize('brk', 0x31000);
    bus.read32(0x31ffc);
    expect(bus.status).toBe(MEMORY_FAULT);
  });

  it('checks byte by byte where regions with different rights share a page', () => {
    const bus = new Memory();
    bus.map({ name: 'text', start: 0x10000, end: 0x10100, permissions: PERMISSION_READ | PERMISSION_EXECUTE });
    bus.map({ name: 'data', start: 0x10100, end: 0x10200, permissions: PERMISSION_READ | PERMISSION_WRITE });
    bus.write32(0x10100, 1);
    expect(bus.status).toBe(MEMORY_OK);
    bus.write32(0x100fc, 1);
    expect(bus.fault?.reason).toBe('permission');
  });
});
