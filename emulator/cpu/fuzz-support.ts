/**
 * The random-word fuzz: random 32-bit words placed in an executable region
 * and executed one at a time from random register and flag values (half of
 * them pointing into mapped memory, so loads and stores also succeed). Every
 * word must end in a result or a fault with a message — never a host
 * exception.
 */
import { Cpu, PC, RUN_BUDGET, RUN_FAULT, RUN_TRAP } from './cpu';
import { PERMISSION_EXECUTE, PERMISSION_READ, PERMISSION_WRITE } from './interfaces';
import { Memory } from './memory';
import { Random } from './random-blocks';

export interface FuzzSummary {
  words: number;
  completed: number;
  trapped: number;
  faulted: number;
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
export async function fuzzWords(seed: number, rounds: number, wordsPerRound: number, budget = 1): Promise<FuzzSummary> {
  const random = new Random(seed);
  const summary: FuzzSummary = { words: 0, completed: 0, trapped: 0, faulted: 0, invalid: 0 };
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
      else if (result === RUN_FAULT && cpu.fault && describe(cpu.fault).length > 0) summary.faulted++;
      else summary.invalid++;
    }
  }
  return summary;
}

function describe(fault: NonNullable<Cpu['fault']>): string {
  return fault.type === 'memory' ? fault.memory.message : fault.message;
}
