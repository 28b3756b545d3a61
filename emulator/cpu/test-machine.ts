/**
 * For tests: a bare CPU and memory running one assembled source, without the
 * loader or runtime. Each allocated section gets a 4 KiB region (text read +
 * execute, the others read + write), a read/write 'heap' region at HEAP_START
 * and a stack region below STACK_TOP; PC at the program's entry, SP at the top.
 */
import { assemble } from '../assembler/index';
import { Cpu } from './cpu';
import { PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE } from './interfaces';
import { Memory } from './memory';

export const HEAP_START = 0x40000;
export const HEAP_SIZE = 0x2000;
export const STACK_TOP = 0x90000;

export function testMachine(source: string, file = 'test.s'): { cpu: Cpu; memory: Memory } {
  const assembled = assemble(source, { file });
  if (!assembled.ok) throw new Error(assembled.diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
  const memory = new Memory(1 << 24);
  for (const section of assembled.program.sections) {
    if (!section.flags.alloc || section.size === 0) continue;
    memory.map({ name: section.name.slice(1), start: section.address, end: section.address + 0x1000, permissions: PERMISSION_READ | (section.flags.execute ? PERMISSION_EXECUTE : PERMISSION_WRITE) });
    memory.writeBytes(section.address, section.bytes.subarray(0, section.size), true);
  }
  memory.map({ name: 'heap', start: HEAP_START, end: HEAP_START + HEAP_SIZE, permissions: PERMISSION_READ | PERMISSION_WRITE });
  memory.map({ name: 'stack', start: STACK_TOP - 0x10000, end: STACK_TOP, permissions: PERMISSION_READ | PERMISSION_WRITE });
  const cpu = new Cpu(memory);
  cpu.registers[13] = STACK_TOP;
  cpu.registers[15] = assembled.program.entry;
  return { cpu, memory };
}
