/**
 * The reference tools (GNU binutils for ARM, qemu-arm). Tests that need one
 * skip themselves, naming it, when it is not installed.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

export function hasTool(name: string): boolean {
  let found = cache.get(name);
  if (found === undefined) {
    found = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
    cache.set(name, found);
  }
  return found;
}

export const GNU_AS = 'arm-linux-gnueabihf-as';
export const GNU_LD = 'arm-linux-gnueabihf-ld';
export const GNU_OBJDUMP = 'arm-linux-gnueabihf-objdump';
export const GNU_GCC = 'arm-linux-gnueabihf-gcc';
export const QEMU_ARM = 'qemu-arm';

/** A suffix for a test title: why it is skipped, or nothing when the tools are here. */
export function missingTools(...names: string[]): string {
  const missing = names.filter((name) => !hasTool(name));
  return missing.length ? ` (skipped: ${missing.join(', ')} not installed)` : '';
}
