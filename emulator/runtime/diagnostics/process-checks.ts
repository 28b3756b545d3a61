/**
 * The checks of one running process, as the debug session drives them: the
 * RunChecker joined to the process's buddy heap (through the C library's heap
 * monitor) and its call tracking (the AAPCS judged at every call but the
 * built-in start-up's call of main), and the root words a leak scan starts from
 * at exit (registers, the live stack, data, bss and the program break).
 */
import { PAGE_SHIFT, PAGE_SIZE, type Memory } from '../../cpu/memory.js';
import { PERMISSION_EXECUTE, PERMISSION_WRITE, type MemoryLayout } from '../../cpu/interfaces.js';
import { BuddyHeap } from '../heap/buddy.js';
import type { LibcContext } from '../libc/context.js';
import { RunChecker, type RunCheckerOptions } from './run-checker.js';
import { sourceSwitches } from './source-switches.js';

export type ChecksOptions = Omit<RunCheckerOptions, 'heap' | 'resolve' | 'step' | 'textRanges' | 'uncheckedCall'>;

export interface ProcessParts {
  memory: Memory;
  /** The C library's state for the process (its heap; the checker becomes its heap monitor). */
  libc: LibcContext;
  resolve: RunCheckerOptions['resolve'];
  step: () => number;
  /** The built-in start-up's `bl main` when the program is entered through main (its return is not judged), else undefined. */
  mainCall: number | undefined;
  /**
   * The program's source files (the main file and every `.include`d one): a comment line
   * `@ sherwood: allow KIND, ...` in them switches those kinds off for this program (over the
   * defaults; a kind in `options.enabled`, the command line's `--check`, stays on).
   */
  sources?: Iterable<{ file: string; text: string }>;
  /**
   * Where a switch comment that names no known kind is reported, as `prog.s line 3: 'x' is not a
   * check ...` (the problems, with file and line apart, are also in `checker.sourceProblems`).
   */
  warn?: (message: string) => void;
}

/** Makes the process's checker and joins it to the C library; the driver installs the memory and call hooks. */
export function createProcessChecker(parts: ProcessParts, options: ChecksOptions = {}): RunChecker {
  const heap = parts.libc.heap instanceof BuddyHeap ? parts.libc.heap : undefined;
  const textRanges = parts.memory
    .regions()
    .filter((region) => (region.permissions & PERMISSION_EXECUTE) !== 0 && region.name !== 'builtins')
    .map((region) => ({ start: region.start, end: region.end }));
  const switches = sourceSwitches(parts.sources ?? []);
  const enabled = new Set(options.enabled ?? []);
  const disabled = [...(options.disabled ?? []), ...switches.disabled.filter((kind) => !enabled.has(kind))];
  const checker = new RunChecker({
    ...options,
    disabled,
    heap,
    resolve: parts.resolve,
    step: parts.step,
    textRanges,
    heapRegion: parts.memory.regions().find((region) => region.name === 'heap'),
    uncheckedCall: parts.mainCall,
  });
  if (checker.heapChecker) parts.libc.heapMonitor = checker.heapChecker;
  for (const problem of switches.problems) {
    checker.sourceProblems.push(problem);
    parts.warn?.(`${problem.file} line ${problem.line}: ${problem.message}`);
  }
  return checker;
}

/**
 * The words a program can still reach without going through the heap: r0-r14, the stack from sp
 * to its top, and every writable region but the heap (data, bss, the program break). Pages never
 * touched hold only zeros and are skipped.
 */
export function leakRoots(memory: Memory, registers: Int32Array, layout: MemoryLayout): number[] {
  const roots: number[] = [];
  for (let index = 0; index < 15; index++) roots.push(registers[index] >>> 0);
  const sp = (registers[13] >>> 0) & ~3;
  const ranges: { start: number; end: number }[] = [];
  if (sp >= layout.stackLimit && sp < layout.stackTop) ranges.push({ start: sp, end: layout.stackTop });
  for (const region of memory.regions()) {
    if ((region.permissions & PERMISSION_WRITE) === 0 || region.name === 'heap' || region.name === 'stack') continue;
    ranges.push({ start: (region.start + 3) & ~3, end: region.end });
  }
  for (const range of ranges) {
    for (let page = range.start >>> PAGE_SHIFT; page * PAGE_SIZE < range.end; page++) {
      const low = Math.max(range.start, page * PAGE_SIZE);
      const high = Math.min(range.end, (page + 1) * PAGE_SIZE);
      if (memory.readTable[page] >= 0) {
        for (let address = low; address + 4 <= high; address += 4) roots.push(memory.read32(address) >>> 0);
        continue;
      }
      const bytes = memory.readBytes(low, high - low);
      if (!bytes.ok) continue;
      const data = bytes.bytes;
      for (let offset = 0; offset + 4 <= data.length; offset += 4) {
        roots.push((data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24)) >>> 0);
      }
    }
  }
  return roots;
}
