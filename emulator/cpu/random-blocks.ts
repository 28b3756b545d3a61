/**
 * Seeded random straight-line instruction blocks for comparing Sherwood with
 * qemu-arm: each block loads random values into r0-r11 and random NZCV,
 * runs random A32 instructions (every data-processing form and shift,
 * multiplies, divides, bit-field and extend instructions, loads and stores
 * of every size and addressing mode on a scratch buffer based at r12, LDM,
 * STM, LDRD, STRD, conditional execution), then writes r0-r12, the APSR and
 * the scratch buffer to stdout. UNPREDICTABLE forms are not generated.
 */
import { SeededRandom } from '../testing/random';

export const SCRATCH_SIZE = 4096;
/** Bytes each block writes: 14 words (r0-r12, APSR) then the scratch buffer. */
export const BLOCK_OUTPUT_SIZE = 14 * 4 + SCRATCH_SIZE;

/** The shared seeded generator, with a percentage test for block generators. */
export class Random extends SeededRandom {
  chance(percent: number): boolean {
    return this.below(100) < percent;
  }
}

const CONDITIONS = ['eq', 'ne', 'cs', 'cc', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'];
const ARITHMETIC = ['add', 'adc', 'sub', 'sbc', 'rsb', 'rsc', 'and', 'eor', 'orr', 'bic'];
const COMPARE = ['cmp', 'cmn', 'tst', 'teq'];

/** Interesting 32-bit values: edges of signed/unsigned ranges mixed with random ones. */
function value(random: Random): number {
  const edges = [0, 1, 2, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x80000001, 31, 32, 33, 0xff, 0x100];
  return random.chance(30) ? random.pick(edges) : random.next();
}

/** r0-r10 are random; r11 holds a small index for register offsets; r12 is the scratch base. */
function register(random: Random): string {
  return `r${random.below(11)}`;
}

function immediate(random: Random): string {
  const byte = random.below(256);
  const rotation = random.chance(50) ? 0 : random.below(16) * 2;
  return `#${(((byte >>> rotation) | (byte << (32 - rotation))) >>> 0) >>> 0}`;
}

function shifted(random: Random): string {
  const base = register(random);
  switch (random.below(8)) {
    case 0: return `${base}, lsl #${random.below(32)}`;
    case 1: return `${base}, lsr #${1 + random.below(32)}`;
    case 2: return `${base}, asr #${1 + random.below(32)}`;
    case 3: return `${base}, ror #${1 + random.below(31)}`;
    case 4: return `${base}, rrx`;
    case 5: return `${base}, ${random.pick(['lsl', 'lsr', 'asr', 'ror'])} ${register(random)}`;
    default: return base;
  }
}

function operand2(random: Random): string {
  return random.chance(35) ? immediate(random) : shifted(random);
}

function condition(random: Random): string {
  return random.chance(25) ? random.pick(CONDITIONS) : '';
}

function memoryInstruction(random: Random, c: string): string {
  const target = register(random);
  const kind = random.below(12);
  if (kind === 10) {
    // LDM/STM on r12 with writeback, registers r0-r10 (never the base).
    const count = 1 + random.below(4);
    const list = new Set<number>();
    while (list.size < count) list.add(random.below(11));
    const names = [...list].sort((a, b) => a - b).map((index) => `r${index}`).join(', ');
    const mode = random.pick(['ia', 'ib', 'da', 'db']);
    return `${random.chance(50) ? 'ldm' : 'stm'}${mode}${c} r12${random.chance(50) ? '!' : ''}, {${names}}`;
  }
  if (kind === 11) {
    const first = 2 * random.below(5);
    const offset = 4 * (random.below(17) - 8);
    const form = random.pick([`[r12, #${offset}]`, `[r12, #${offset}]!`, `[r12], #${offset}`]);
    return `${random.chance(50) ? 'ldrd' : 'strd'}${c} r${first}, r${first + 1}, ${form}`;
  }
  const [mnemonic, range] = random.pick([
    ['ldr', 4096], ['str', 4096], ['ldrb', 4096], ['strb', 4096],
    ['ldrh', 256], ['strh', 256], ['ldrsb', 256], ['ldrsh', 256],
  ] as const);
  const limit = Math.min(range, 256);
  const offset = random.below(2 * limit - 1) - (limit - 1);
  const aligned = 4 * (random.below(17) - 8);
  const forms = [`[r12, #${offset}]`, `[r12, #${aligned}]!`, `[r12], #${aligned}`];
  if (range === 4096) forms.push(`[r12, ${random.chance(50) ? '' : '-'}r11, lsl #${random.below(3)}]`, `[r12, r11]`);
  return `${mnemonic}${c} ${target}, ${random.pick(forms)}`;
}

/** One random instruction (destinations r0-r11; r12 is the scratch base; never sp, lr, pc). */
export function randomInstruction(random: Random): string {
  const c = condition(random);
  const s = random.chance(40) ? 's' : '';
  const d = register(random);
  switch (random.below(14)) {
    case 0: case 1: case 2:
      return `${random.pick(ARITHMETIC)}${s}${c} ${d}, ${register(random)}, ${operand2(random)}`;
    case 3:
      return `${random.pick(['mov', 'mvn'])}${s}${c} ${d}, ${operand2(random)}`;
    case 4:
      return `${random.pick(COMPARE)}${c} ${register(random)}, ${operand2(random)}`;
    case 5: {
      const kind = random.pick(['lsl', 'lsr', 'asr', 'ror']);
      const amount = random.chance(50) ? register(random) : `#${kind === 'lsl' || kind === 'ror' ? 1 + random.below(31) : 1 + random.below(32)}`;
      return random.chance(15) ? `rrx${s}${c} ${d}, ${register(random)}` : `${kind}${s}${c} ${d}, ${register(random)}, ${amount}`;
    }
    case 6: {
      const kind = random.pick(['mul', 'mla', 'mls']);
      const extra = kind === 'mul' ? '' : `, ${register(random)}`;
      return `${kind}${kind === 'mls' ? '' : s}${c} ${d}, ${register(random)}, ${register(random)}${extra}`;
    }
    case 7: {
      const low = random.below(11);
      const high = (low + 1 + random.below(10)) % 11;
      return `${random.pick(['umull', 'umlal', 'smull', 'smlal'])}${s}${c} r${low}, r${high}, ${register(random)}, ${register(random)}`;
    }
    case 8:
      return `${random.pick(['sdiv', 'udiv'])}${c} ${d}, ${register(random)}, ${register(random)}`;
    case 9: {
      const mnemonic = random.pick(['clz', 'rbit', 'rev', 'rev16', 'revsh']);
      return `${mnemonic}${c} ${d}, ${register(random)}`;
    }
    case 10: {
      const mnemonic = random.pick(['sxtb', 'sxth', 'uxtb', 'uxth', 'sxtab', 'sxtah', 'uxtab', 'uxtah']);
      const rotation = random.pick(['', ', ror #8', ', ror #16', ', ror #24']);
      const accumulate = mnemonic.length === 5 ? `${register(random)}, ` : '';
      return `${mnemonic}${c} ${d}, ${accumulate}${register(random)}${rotation}`;
    }
    case 11: {
      const lsb = random.below(32);
      const width = 1 + random.below(32 - lsb);
      const kind = random.below(4);
      if (kind === 0) return `ubfx${c} ${d}, ${register(random)}, #${lsb}, #${width}`;
      if (kind === 1) return `sbfx${c} ${d}, ${register(random)}, #${lsb}, #${width}`;
      if (kind === 2) return `bfi${c} ${d}, ${register(random)}, #${lsb}, #${width}`;
      return `bfc${c} ${d}, #${lsb}, #${width}`;
    }
    case 12:
      return random.chance(50) ? `movw${c} ${d}, #${random.below(65536)}` : `movt${c} ${d}, #${random.below(65536)}`;
    default:
      return memoryInstruction(random, c);
  }
}

/** Source of one program running `blocks` blocks of `length` random instructions each. */
export function randomBlocksProgram(seed: number, blocks: number, length: number): { source: string; blocks: string[][] } {
  const random = new Random(seed);
  const lines = ['.syntax unified', '.arm', '.bss', '.align 4', `scratch: .space ${SCRATCH_SIZE}`, '.text', '.global _start', '_start:'];
  const all: string[][] = [];
  for (let block = 0; block < blocks; block++) {
    const body = Array.from({ length }, () => randomInstruction(random));
    all.push(body);
    lines.push(`  ldr r0, =0x${((random.below(32) << 27) >>> 0).toString(16)}`, '  msr APSR_nzcvq, r0');
    for (let index = 0; index < 11; index++) lines.push(`  ldr r${index}, =0x${value(random).toString(16)}`);
    lines.push(`  ldr r11, =${random.below(200)}`);
    lines.push(`  ldr r12, =scratch + ${SCRATCH_SIZE / 2}`);
    lines.push(...body.map((line) => '  ' + line));
    lines.push(
      // r12 is dumped as its offset into the scratch buffer, so the output does not depend on where the linker put .bss.
      '  push {r0-r12}', '  ldr r0, =scratch', '  ldr r1, [sp, #48]', '  sub r1, r1, r0', '  str r1, [sp, #48]',
      '  mrs r0, apsr', '  str r0, [sp, #-4]!',
      '  mov r0, #1', '  mov r1, sp', '  mov r2, #56', '  mov r7, #4', '  svc #0', '  add sp, sp, #56',
      '  mov r0, #1', '  ldr r1, =scratch', `  ldr r2, =${SCRATCH_SIZE}`, '  mov r7, #4', '  svc #0',
      `  b 1f`, '  .ltorg', '1:',
    );
  }
  lines.push('  mov r0, #0', '  mov r7, #1', '  svc #0', '');
  return { source: lines.join('\n'), blocks: all };
}
