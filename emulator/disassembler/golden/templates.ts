/**
 * Encoding groups of the A32 integer instruction set (from the ARM ARM's
 * top-level decode tables) used to draw random words for the objdump golden
 * file. These only generate test inputs: what a word means is decided by the
 * instruction table, and what it prints as by objdump.
 */

export interface WordTemplate {
  name: string;
  /** Fixed bits (cond field excluded unless `unconditional`). */
  bits: number;
  mask: number;
  /** cond = 1111 encodings (BLX immediate). */
  unconditional?: boolean;
}

export const WORDS_SEED = 0x5eed2026;
export const WORDS_PER_TEMPLATE = 120;

export const WORD_TEMPLATES: readonly WordTemplate[] = [
  { name: 'data-processing immediate', bits: 0x02000000, mask: 0x0e000000 },
  { name: 'data-processing register', bits: 0x00000000, mask: 0x0e000010 },
  { name: 'data-processing register-shifted register', bits: 0x00000010, mask: 0x0e000090 },
  { name: 'mov immediate', bits: 0x03a00000, mask: 0x0fe00000 },
  { name: 'mov register', bits: 0x01a00000, mask: 0x0fe00010 },
  { name: 'mov register-shifted', bits: 0x01a00010, mask: 0x0fe00090 },
  { name: 'compare immediate', bits: 0x03100000, mask: 0x0f90f000 },
  { name: 'multiply', bits: 0x00000090, mask: 0x0f8000f0 },
  { name: 'multiply long', bits: 0x00800090, mask: 0x0f8000f0 },
  { name: 'divide', bits: 0x0710f010, mask: 0x0fd0f0f0 },
  { name: 'clz', bits: 0x016f0f10, mask: 0x0fff0ff0 },
  { name: 'reverse', bits: 0x06bf0f30, mask: 0x0fbf0f70 },
  { name: 'extend', bits: 0x06a00070, mask: 0x0f8003f0 },
  { name: 'bit field extract', bits: 0x07a00050, mask: 0x0fa00070 },
  { name: 'bit field insert', bits: 0x07c00010, mask: 0x0fe00070 },
  { name: 'movw movt', bits: 0x03000000, mask: 0x0fb00000 },
  { name: 'hints', bits: 0x0320f000, mask: 0x0ffffff8 },
  { name: 'msr immediate', bits: 0x0320f000, mask: 0x0fb0f000 },
  { name: 'mrs', bits: 0x010f0000, mask: 0x0fbf0fff },
  { name: 'msr register', bits: 0x0120f000, mask: 0x0fb0fff0 },
  { name: 'bx blx register', bits: 0x012fff10, mask: 0x0fffffd0 },
  { name: 'branch', bits: 0x0a000000, mask: 0x0e000000 },
  { name: 'blx immediate', bits: 0xfa000000, mask: 0xfe000000, unconditional: true },
  { name: 'svc', bits: 0x0f000000, mask: 0x0f000000 },
  { name: 'bkpt', bits: 0x01200070, mask: 0x0ff000f0 },
  { name: 'load/store immediate', bits: 0x04000000, mask: 0x0e000000 },
  { name: 'load/store register', bits: 0x06000000, mask: 0x0e000010 },
  { name: 'load/store pc-relative', bits: 0x050f0000, mask: 0x0f2f0000 },
  { name: 'halfword immediate', bits: 0x004000b0, mask: 0x0e4000f0 },
  { name: 'halfword register', bits: 0x000000b0, mask: 0x0e400ff0 },
  { name: 'signed byte/halfword and dual immediate', bits: 0x004000d0, mask: 0x0e4000d0 },
  { name: 'signed byte/halfword and dual register', bits: 0x000000d0, mask: 0x0e400fd0 },
  { name: 'halfword pc-relative', bits: 0x014f00b0, mask: 0x0f7f00b0 },
  { name: 'load/store multiple', bits: 0x08000000, mask: 0x0e000000 },
  { name: 'push pop multiple', bits: 0x082d0000, mask: 0x0e5f0000 },
  { name: 'push pop single', bits: 0x040d0004, mask: 0x0e5f0fff },
];

/** xorshift32: small, fast and the same everywhere. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

/** `count` words matching the template, with a mostly-`al` condition. */
export function randomWords(template: WordTemplate, count: number, seed: number): number[] {
  let mixed = seed >>> 0;
  for (let index = 0; index < template.name.length; index++) mixed = Math.imul(mixed ^ template.name.charCodeAt(index), 0x01000193) >>> 0;
  const random = createRandom(mixed);
  const words: number[] = [];
  for (let index = 0; index < count; index++) {
    const body = ((template.bits & template.mask) | (random() & ~template.mask & 0x0fffffff)) >>> 0;
    const condition = template.unconditional ? 0xf : random() % 16 < 10 ? 0xe : random() % 15;
    words.push(((condition << 28) | body) >>> 0);
  }
  return words;
}
