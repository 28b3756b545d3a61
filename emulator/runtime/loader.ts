/**
 * Start-up: lays a Program out in a fresh address space the way `ld` and
 * Linux do (sections at their link addresses with page permissions, a
 * program break after .bss, a heap region for the built-in malloc, an 8 MiB
 * stack below STACK_TOP with an unmapped guard under it), writes the
 * built-in C function slots, builds argc/argv/envp/auxv on the stack and
 * points PC at `_start` — or at a small start-up routine that calls
 * `main(argc, argv, envp)` and exits with its result.
 */
import type { Program } from '../assembler/program';
import { Cpu, PC, SP } from '../cpu/cpu';
import {
  BUILTIN_BASE,
  BUILTIN_LIMIT,
  BUILTIN_SLOT_SIZE,
  BUILTIN_SVC_BASE,
  PERMISSION_EXECUTE,
  PERMISSION_READ,
  PERMISSION_WRITE,
  type BuiltinFunction,
  type MemoryLayout,
} from '../cpu/interfaces';
import { DEFAULT_MEMORY_LIMIT, Memory, PAGE_SIZE } from '../cpu/memory';

export const STACK_TOP = 0xbf000000;
export const DEFAULT_STACK_SIZE = 8 * 1024 * 1024;
/** How far the program break may grow. */
export const BRK_SIZE = 8 * 1024 * 1024;
/** Size of the region reserved for the built-in malloc. */
export const HEAP_SIZE = 64 * 1024 * 1024;

export interface LoadOptions {
  /** argv[0]; defaults to the program's file name. */
  programName?: string;
  /** argv[1..]. */
  arguments?: readonly string[];
  /** "NAME=value" strings; none by default (deterministic). */
  environment?: readonly string[];
  stackSize?: number;
  memoryLimit?: number;
  /** Built-in C functions, in slot order (slot i at BUILTIN_BASE + 8 i). */
  builtins?: readonly BuiltinFunction[];
  /** Named words placed in the built-in region (glibc's stdin/stdout/stderr variables), above the slots. */
  runtimeWords?: readonly { name: string; address: number; value: number }[];
}

export interface LoadedProcess {
  program: Program;
  cpu: Cpu;
  memory: Memory;
  layout: MemoryLayout;
  builtins: readonly BuiltinFunction[];
  /** Names for built-in slots and the start-up routine (call stacks, disassembly). */
  runtimeSymbols: { name: string; address: number; size: number }[];
}

export type LoadResult = { ok: true; process: LoadedProcess } | { ok: false; error: string };

const pageDown = (value: number): number => Math.floor(value / PAGE_SIZE) * PAGE_SIZE;
const pageUp = (value: number): number => Math.ceil(value / PAGE_SIZE) * PAGE_SIZE;

/** Address of built-in slot `index`. */
export function builtinAddress(index: number): number {
  return BUILTIN_BASE + index * BUILTIN_SLOT_SIZE;
}

/** For `AssembleOptions.resolveExternal`: the slot address of a built-in by name. */
export function builtinResolver(builtins: readonly BuiltinFunction[]): (name: string) => number | undefined {
  const slots = new Map(builtins.map((builtin, index) => [builtin.name, builtinAddress(index)]));
  return (name) => slots.get(name);
}

const STARTUP_SIZE = 7 * 4;
/** Name of the built-in start-up routine that calls main. */
export const STARTUP_SYMBOL = '_start (built-in start-up)';

export function loadProgram(program: Program, options: LoadOptions = {}): LoadResult {
  const builtins = options.builtins ?? [];
  const startupAddress = builtinAddress(builtins.length);
  if (startupAddress + STARTUP_SIZE > BUILTIN_LIMIT) return { ok: false, error: `too many built-in functions (${builtins.length})` };
  let memory: Memory;
  try {
    memory = new Memory(options.memoryLimit ?? DEFAULT_MEMORY_LIMIT);
  } catch (error) {
    return { ok: false, error: `cannot reserve the program's memory: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sections = program.sections.filter((section) => section.flags.alloc && section.size > 0).sort((a, b) => a.address - b.address);
  for (const section of sections) {
    if (section.address < BUILTIN_LIMIT || section.address + section.size > 0x80000000) {
      return { ok: false, error: `section ${section.name} at 0x${section.address.toString(16)} lies outside the program area (0x00010000-0x7fffffff)` };
    }
  }
  // Regions cover whole pages unless a neighbour with other rights shares the page.
  sections.forEach((section, index) => {
    const previous = sections[index - 1];
    const next = sections[index + 1];
    const end = section.address + section.size;
    const start = previous && previous.address + previous.size > pageDown(section.address) ? section.address : pageDown(section.address);
    const stop = next && next.address < pageUp(end) ? end : pageUp(end);
    const permissions = PERMISSION_READ | (section.flags.write ? PERMISSION_WRITE : 0) | (section.flags.execute ? PERMISSION_EXECUTE : 0);
    memory.map({ name: section.name.replace(/^\./, ''), start, end: stop, permissions });
  });
  for (const section of sections) {
    if (section.flags.nobits) continue;
    const fault = memory.writeBytes(section.address, section.bytes.subarray(0, section.size), true);
    if (fault) return { ok: false, error: `cannot load ${section.name}: ${fault.message}` };
  }

  // Built-in slots (`svc #BUILTIN_SVC_BASE+i; bx lr`) and the start-up routine, read/execute.
  const symbols: LoadedProcess['runtimeSymbols'] = [];
  const main = program.symbols.find((symbol) => symbol.name === 'main');
  const needsStartup = !program.hasStart && main !== undefined;
  const runtimeEnd = needsStartup ? startupAddress + STARTUP_SIZE : startupAddress;
  const runtimeWords = options.runtimeWords ?? [];
  for (const word of runtimeWords) {
    if (word.address < runtimeEnd || word.address + 4 > BUILTIN_LIMIT) return { ok: false, error: `runtime word ${word.name} at 0x${word.address.toString(16)} overlaps the built-in slots` };
  }
  if (runtimeEnd > BUILTIN_BASE || runtimeWords.length) {
    const end = runtimeWords.length ? BUILTIN_LIMIT : pageUp(runtimeEnd);
    memory.map({ name: 'builtins', start: BUILTIN_BASE, end, permissions: PERMISSION_READ | PERMISSION_EXECUTE });
    for (const word of runtimeWords) {
      memory.writeBytes(word.address, Uint8Array.of(word.value & 0xff, (word.value >>> 8) & 0xff, (word.value >>> 16) & 0xff, word.value >>> 24), true);
      symbols.push({ name: word.name, address: word.address, size: 4 });
    }
    const words: number[] = [];
    builtins.forEach((builtin, index) => {
      words.push(0xef000000 | (BUILTIN_SVC_BASE + index), 0xe12fff1e);
      symbols.push({ name: builtin.name, address: builtinAddress(index), size: BUILTIN_SLOT_SIZE });
    });
    if (needsStartup) {
      const call = startupAddress + 16;
      const offset = ((main.value - (call + 8)) >> 2) & 0xffffff;
      words.push(
        0xe59d0000, // ldr r0, [sp]          argc
        0xe28d1004, // add r1, sp, #4        argv
        0xe0812100, // add r2, r1, r0, lsl #2
        0xe2822004, // add r2, r2, #4        envp
        (0xeb000000 | offset) >>> 0, // bl main
        0xe3a070f8, // mov r7, #248          exit_group(main's result)
        0xef000000, // svc #0
      );
      symbols.push({ name: STARTUP_SYMBOL, address: startupAddress, size: STARTUP_SIZE });
    }
    const bytes = new Uint8Array(words.length * 4);
    new DataView(bytes.buffer).setUint32(0, 0, true);
    words.forEach((word, index) => new DataView(bytes.buffer).setUint32(index * 4, word >>> 0, true));
    memory.writeBytes(BUILTIN_BASE, bytes, true);
  }

  const dataEnd = sections.length ? Math.max(...sections.map((section) => section.address + section.size)) : 0x20000;
  const brkStart = pageUp(dataEnd);
  const layout: MemoryLayout = {
    brkStart,
    brkLimit: brkStart + BRK_SIZE,
    heapStart: brkStart + BRK_SIZE,
    heapEnd: brkStart + BRK_SIZE + HEAP_SIZE,
    stackTop: STACK_TOP,
    stackLimit: STACK_TOP - pageUp(options.stackSize ?? DEFAULT_STACK_SIZE),
  };
  memory.map({ name: 'brk', start: brkStart, end: brkStart, permissions: PERMISSION_READ | PERMISSION_WRITE });
  memory.map({ name: 'heap', start: layout.heapStart, end: layout.heapEnd, permissions: PERMISSION_READ | PERMISSION_WRITE });
  memory.map({ name: 'stack', start: layout.stackLimit, end: layout.stackTop, permissions: PERMISSION_READ | PERMISSION_WRITE });

  const cpu = new Cpu(memory);
  const entry = needsStartup ? startupAddress : program.entry;
  const argv = [options.programName ?? program.file ?? 'program', ...(options.arguments ?? [])];
  const sp = buildInitialStack(memory, layout.stackTop, argv, options.environment ?? [], entry);
  if (typeof sp === 'string') return { ok: false, error: sp };
  cpu.registers[SP] = sp;
  cpu.registers[PC] = entry;
  return { ok: true, process: { program, cpu, memory, layout, builtins, runtimeSymbols: symbols } };
}

const AT_NULL = 0;
const AT_PAGESZ = 6;
const AT_ENTRY = 9;
const AT_UID = 11;
const AT_RANDOM = 25;

/** Linux's initial stack: strings at the top, then auxv, envp, argv, argc at sp (8-byte aligned). */
function buildInitialStack(memory: Memory, top: number, argv: readonly string[], environment: readonly string[], entry: number): number | string {
  const encoder = new TextEncoder();
  let cursor = top - 16;
  const place = (text: string): number => {
    const bytes = encoder.encode(text + '\0');
    cursor -= bytes.length;
    memory.writeBytes(cursor, bytes, true);
    return cursor;
  };
  const random = (cursor -= 16);
  memory.writeBytes(random, Uint8Array.from({ length: 16 }, (_, index) => (index * 37 + 11) & 0xff), true);
  const argumentPointers = argv.map(place);
  const environmentPointers = environment.map(place);
  const auxv = [AT_PAGESZ, PAGE_SIZE, AT_ENTRY, entry, AT_UID, 0, AT_RANDOM, random, AT_NULL, 0];
  const words = [argv.length, ...argumentPointers, 0, ...environmentPointers, 0, ...auxv];
  let sp = ((cursor - words.length * 4) & ~15) >>> 0;
  if (top - sp > 256 * 1024) return 'the program arguments and environment are too large for the stack';
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, index) => view.setUint32(index * 4, word >>> 0, true));
  memory.writeBytes(sp, bytes, true);
  sp >>>= 0;
  return sp | 0;
}
