/**
 * The random-word fuzz: random 32-bit words placed in an executable region
 * and executed one at a time from random register and flag values (half of
 * them pointing into mapped memory, so loads and stores also succeed). Every
 * word must end in a result or a fault with a message — never a host
 * exception.
 */
import { Cpu, PC, RUN_BUDGET, RUN_DIAGNOSTIC, RUN_FAULT, RUN_TRAP, RUN_WATCH } from './cpu';
import { BuddyHeap } from '../runtime/heap/buddy';
import { RunChecker } from '../runtime/diagnostics/run-checker';
import { PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE } from './interfaces';
import { Memory } from './memory';
import { Random } from './random-blocks';

export interface FuzzSummary {
  words: number;
  completed: number;
  trapped: number;
  faulted: number;
  /** With `checked`: stops the memory diagnostics asked for (a flagged access, a pause at a call or return). */
  checked: number;
  /** Results that were none of the above, or faults without a message (must stay 0). */
  invalid: number;
}

const TEXT = 0x00010000;
const DATA = 0x01000000;
const DATA_SIZE = 0x00100000;

/**
 * Runs the rounds, yielding to the event loop between them (test runners keep
 * talking to their workers). With `budget` > 1 each start runs on through the
 * region compiler (random code with random branches, calls and returns).
 */
export async function fuzzWords(seed: number, rounds: number, wordsPerRound: number, budget = 1, checked = false): Promise<FuzzSummary> {
  const random = new Random(seed);
  const summary: FuzzSummary = { words: 0, completed: 0, trapped: 0, faulted: 0, checked: 0, invalid: 0 };
  for (let round = 0; round < rounds; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    const memory = new Memory(32 << 20);
    memory.map({ name: 'text', start: TEXT, end: TEXT + 4 * wordsPerRound, permissions: PERMISSION_READ | PERMISSION_EXECUTE });
    memory.map({ name: 'data', start: DATA, end: DATA + DATA_SIZE, permissions: PERMISSION_READ | PERMISSION_WRITE });
    const words = new Uint8Array(4 * wordsPerRound);
    const view = new DataView(words.buffer);
    for (let index = 0; index < wordsPerRound; index++) view.setUint32(4 * index, random.next(), true);
    memory.writeBytes(TEXT, words, true);
    const cpu = new Cpu(memory);
    if (checked) {
      // Every check attached, pausing: the data region is a buddy heap with a few live and freed blocks.
      const created = BuddyHeap.create({ base: DATA, size: DATA_SIZE });
      if (!created.ok) throw new Error(created.error);
      const heap = created.heap;
      for (let block = 0; block < 8; block++) heap.allocate(16 << (block % 4), 0x10000);
      heap.free(DATA + 16, 0x10000);
      const checker = new RunChecker({ heap, resolve: () => null, limit: 100 });
      checker.stackChecker.pause = true;
      memory.setAccessChecker(checker, DATA, DATA + DATA_SIZE);
      cpu.setChecker(checker.stackChecker);
    }
    for (let index = 0; index < wordsPerRound; index++) {
      for (let register = 0; register < 15; register++) {
        cpu.registers[register] = random.chance(50) ? DATA + random.below(DATA_SIZE) : random.next();
      }
      cpu.setFlagsWord(random.next());
      cpu.registers[PC] = TEXT + 4 * index;
      const result = cpu.run(budget);
      summary.words++;
      if (result === RUN_BUDGET) summary.completed++;
      else if (result === RUN_TRAP) summary.trapped++;
      else if (checked && (result === RUN_DIAGNOSTIC || result === RUN_WATCH || (result === RUN_FAULT && cpu.fault === undefined))) summary.checked++;
      else if (result === RUN_FAULT && cpu.fault && describe(cpu.fault).length > 0) summary.faulted++;
      else summary.invalid++;
    }
  }
  return summary;
}

function describe(fault: NonNullable<Cpu['fault']>): string {
  return fault.type === 'memory' ? fault.memory.message : fault.message;
}
