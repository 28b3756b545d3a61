/**
 * Memory faults in plain words: what was accessed, where, and the nearest
 * region, so a student can tell a null pointer from a stack overflow.
 */
import { PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE, type AccessKind, type MemoryFault, type MemoryRegion } from './interfaces';

export function hex(value: number): string {
  return '0x' + (value >>> 0).toString(16).padStart(8, '0');
}

function rights(permissions: number): string {
  const words: string[] = [];
  if (permissions & PERMISSION_READ) words.push('read');
  if (permissions & PERMISSION_WRITE) words.push('write');
  if (permissions & PERMISSION_EXECUTE) words.push('execute');
  return words.length ? words.join('/') : 'no';
}

function span(region: MemoryRegion): string {
  return `${region.name} ${hex(region.start)}-${hex(region.end - 1)}`;
}

function nearest(regions: readonly MemoryRegion[], address: number): MemoryRegion | undefined {
  let best: MemoryRegion | undefined;
  let distance = Infinity;
  for (const region of regions) {
    const gap = address < region.start ? region.start - address : address - (region.end - 1);
    if (gap < distance) {
      distance = gap;
      best = region;
    }
  }
  return best;
}

/** Describes why an access at `address` fails (or would), given the mapped regions. */
export function describeFault(
  regions: readonly MemoryRegion[],
  address: number,
  size: number,
  access: AccessKind,
  reason?: MemoryFault['reason'],
): MemoryFault {
  const bytes = (size === 1 ? 1 : size === 2 ? 2 : size === 8 ? 8 : 4) as MemoryFault['size'];
  const what =
    access === 'execute'
      ? `executing the instruction at ${hex(address)}`
      : `${access} of ${bytes} byte${bytes === 1 ? '' : 's'} at ${hex(address)}`;
  if (reason === 'limit') {
    return { address, access, size: bytes, reason, message: `${what}: the emulator's memory limit is used up` };
  }
  if (reason === 'alignment') {
    return {
      address,
      access,
      size: bytes,
      reason,
      message: `${what}: the address is not a multiple of 4, which LDM/STM/LDRD/STRD require`,
    };
  }
  const inside = regions.find((region) => address >= region.start && address < region.end);
  if (inside) {
    const hint = access === 'execute' ? ' (is the branch target data, not code?)' : access === 'write' && inside.permissions & PERMISSION_EXECUTE ? ' (code cannot be changed while it runs)' : '';
    return {
      address,
      access,
      size: bytes,
      reason: 'permission',
      message: `${what}: the ${inside.name} region (${hex(inside.start)}-${hex(inside.end - 1)}) allows ${rights(inside.permissions)} only${hint}`,
    };
  }
  const stack = regions.find((region) => region.name === 'stack');
  if (stack && address < stack.start && address >= stack.start - 0x10000) {
    return {
      address,
      access,
      size: bytes,
      reason: 'guard',
      message: `${what}: this is the guard page below the stack (${span(stack)}): stack overflow — too much pushed, or recursion too deep`,
    };
  }
  const near = nearest(regions, address);
  const hint = address < 0x1000 ? ' (a null pointer?)' : '';
  return {
    address,
    access,
    size: bytes,
    reason: 'unmapped',
    message: `${what}: no memory is mapped there${hint}${near ? ` (nearest region: ${span(near)})` : ''}`,
  };
}
