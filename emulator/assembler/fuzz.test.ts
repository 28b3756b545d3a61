/**
 * Seeded fuzzing: random token soup and mutations of real programs (tokens and
 * characters deleted, duplicated, swapped, inserted). Every input must give a
 * program or diagnostics — never a host exception, never an internal error.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from './assemble';
import { seededFractions as random } from '../testing/random';


const SEEDS = [
  `.syntax unified
.text
.global _start
_start:
  ldr r0, =message
  mov r1, #(end - message)
  bl print
1: subs r1, r1, #1
  bne 1b
  push {r4-r6, lr}
  ldr r2, [r0, #4]!
  str r2, [sp, #-8]
  ldrb r3, [r0], r1, lsl #2
  add r0, r0, r1, asr r2
  movw r4, #:lower16:table
  movt r4, #:upper16:table
  pop {r4-r6, pc}
print: mov r7, #4
  svc #0
  bx lr
.ltorg
.data
message: .asciz "hello\\n"
end:
table: .word 1, 2, 3, message + 4
.bss
buffer: .space 64
`,
  `.equ COUNT, 4
.macro sum a, b=2
  add \\a, \\a, #\\b
.endm
.text
main:
  .rept COUNT
  sum r0
  .endr
  .irp r, r1, r2
  mov \\r, #0
  .endr
.if COUNT > 2
  ldr r0, =0x12345678
.else
  mov r0, #1
.endif
  ldm r0!, {r1-r3}
  stmfd sp!, {r0, lr}^
  mrs r0, cpsr
  msr apsr_nzcvq, r1
  adr r0, data
  b main
.section .rodata
data: .byte 'a', '\\n', 0x7f
  .hword 0x1234
  .quad 0x1122334455667788
  .align 3
  .balign 16, 0xff
  .fill 3, 2, 0xab
/* block
   comment */ .string "x", "y" @ trailing
`,
];

const WORDS = [
  'mov', 'add', 'ldr', 'str', 'b', 'bl', 'push', 'pop', '.word', '.byte', '.ascii', '.macro', '.endm', '.rept', '.endr',
  '.if', '.else', '.endif', '.equ', '.set', '.align', '.ltorg', '.section', '.data', '.text', '.bss', '.include', '.irp',
  '.space', '.fill', '.quad', '.exitm', '.fnstart', '.fnend', 'r0', 'r15', 'sp', 'pc', 'lr', 'lsl', 'rrx', 'apsr_f',
  '#', '=', '[', ']', '{', '}', '!', '^', ',', ':', '1:', '1b', '1f', '"', "'", '\\', '@', ';', '/*', '*/', '(', ')',
  '-', '+', '<<', '>>', '0x', '0b', '99999999999', '-2147483648', '#:lower16:', '.', 'label', '\n', '\\@', '\\()',
];

const CHARACTERS = ' \n\t#[]{}!^,:.=@;"\'\\/*()-+<>&|~0123456789abcrxspl_$';

function tokenize(source: string): string[] {
  return source.match(/\s+|[A-Za-z_.$][\w.$]*|\d+|"(?:\\.|[^"\\])*"|./g) ?? [];
}

function mutate(source: string, next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  let text = source;
  const rounds = 1 + Math.floor(next() * 6);
  for (let round = 0; round < rounds; round++) {
    const choice = next();
    if (choice < 0.5) {
      const tokens = tokenize(text);
      const index = Math.floor(next() * tokens.length);
      const other = Math.floor(next() * tokens.length);
      const operation = Math.floor(next() * 4);
      if (operation === 0) tokens.splice(index, 1);
      else if (operation === 1) tokens.splice(index, 0, tokens[index] ?? '');
      else if (operation === 2) [tokens[index], tokens[other]] = [tokens[other], tokens[index]];
      else tokens.splice(index, 0, pick(WORDS));
      text = tokens.join('');
    } else {
      const index = Math.floor(next() * (text.length + 1));
      const operation = Math.floor(next() * 4);
      if (operation === 0) text = text.slice(0, index) + text.slice(index + 1);
      else if (operation === 1) text = text.slice(0, index) + text.charAt(index) + text.slice(index);
      else if (operation === 2) text = text.slice(0, index) + pick([...CHARACTERS]) + text.slice(index);
      else {
        const other = Math.floor(next() * (text.length + 1));
        const [low, high] = index < other ? [index, other] : [other, index];
        text = text.slice(0, low) + text.charAt(high) + text.slice(low + 1, high) + text.charAt(low) + text.slice(high + 1);
      }
    }
  }
  return text;
}

function soup(next: () => number): string {
  const length = Math.floor(next() * 40);
  let text = '';
  for (let index = 0; index < length; index++) {
    text += next() < 0.7 ? WORDS[Math.floor(next() * WORDS.length)] : CHARACTERS[Math.floor(next() * CHARACTERS.length)];
    if (next() < 0.5) text += ' ';
  }
  return text;
}

function check(source: string): void {
  let result: ReturnType<typeof assemble>;
  try {
    result = assemble(source, {
      file: 'fuzz.s',
      readFile: (path) => (path.endsWith('.s') ? '.word 1\n' : undefined),
      resolveExternal: (name) => (name === 'print' ? 0x20000 : undefined),
    });
  } catch (error) {
    throw new Error(`assemble threw on ${JSON.stringify(source)}: ${String(error)}`);
  }
  const diagnostics = result.ok ? result.program.diagnostics : result.diagnostics;
  if (!result.ok && diagnostics.length === 0) throw new Error(`failure without diagnostics for ${JSON.stringify(source)}`);
  for (const diagnostic of diagnostics) {
    if (diagnostic.message.startsWith('internal assembler error') || !(diagnostic.line >= 0) || !(diagnostic.column >= 0)) {
      throw new Error(`bad diagnostic ${JSON.stringify(diagnostic)} for ${JSON.stringify(source)}`);
    }
  }
}

const CHUNKS = 20;
const PER_CHUNK = 5_000;

describe('fuzz: no input makes the assembler throw', () => {
  it('assembles the seed programs cleanly', () => {
    for (const seed of SEEDS) {
      const result = assemble(seed, { resolveExternal: () => 0x20000 });
      expect(result.ok ? [] : result.diagnostics).toEqual([]);
    }
  });

  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`survives ${PER_CHUNK} random and mutated sources (seed ${chunk + 1})`, async () => {
      const next = random(0x5eed + chunk);
      for (let index = 0; index < PER_CHUNK; index++) {
        // Let the test runner's messages through now and then.
        if (index % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
        const source = next() < 0.15 ? soup(next) : mutate(SEEDS[Math.floor(next() * SEEDS.length)], next);
        check(source);
      }
    });
  }
});
