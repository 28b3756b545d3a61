/**
 * Differential tests: each program is assembled by Sherwood and by GNU
 * `as -march=armv7ve` + `ld`; every allocated section must have the same
 * address, size and bytes. Skipped, naming the tool, when binutils is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GNU_AS, GNU_LD, hasTool, missingTools } from '../../tests/tools';
import { assemble } from './assemble';

interface ElfSection {
  name: string;
  address: number;
  size: number;
  bytes: Uint8Array;
  nobits: boolean;
}

/** The allocated sections of an ELF32 little-endian file. */
function readSections(file: Uint8Array): ElfSection[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerOffset = view.getUint32(0x20, true);
  const entrySize = view.getUint16(0x2e, true);
  const count = view.getUint16(0x30, true);
  const namesIndex = view.getUint16(0x32, true);
  const header = (index: number): number => headerOffset + index * entrySize;
  const namesOffset = view.getUint32(header(namesIndex) + 0x10, true);
  const sections: ElfSection[] = [];
  for (let index = 1; index < count; index++) {
    const at = header(index);
    const flags = view.getUint32(at + 0x08, true);
    if ((flags & 2) === 0) continue; // SHF_ALLOC
    let end = namesOffset + view.getUint32(at, true);
    const start = end;
    while (file[end] !== 0) end++;
    const type = view.getUint32(at + 0x04, true);
    const offset = view.getUint32(at + 0x10, true);
    const size = view.getUint32(at + 0x14, true);
    sections.push({
      name: new TextDecoder().decode(file.subarray(start, end)),
      address: view.getUint32(at + 0x0c, true),
      size,
      bytes: type === 8 ? new Uint8Array(size) : file.slice(offset, offset + size),
      nobits: type === 8,
    });
  }
  return sections;
}

const PROGRAMS: Record<string, string> = {
  'layout of every section': `.text\n.global _start\n_start: mov r0, #1\n.section .rodata\nro: .byte 1, 2, 3\n.data\nd: .word ro, d\n.bss\n.space 9\n`,
  'text only': `_start: nop\nbx lr\n`,
  'bss only beside text': `_start: nop\n.bss\n.space 100\n`,
  'a data segment that fits one page when page aligned': `_start: nop\n.data\n.space 0xff0\n.word 5\n`,
  'aligned text': `.text\n.balign 16\n_start: nop\n.data\n.byte 1\n`,
  'literal pools and constants': `_start:\n ldr r0, =0x1234\n ldr r1, =0xff000000\n ldr r2, =0xffffff00\n ldr r3, =0x12345678\n ldr r4, =msg\n ldr r5, =0x12345678\n b 1f\n.ltorg\n1: ldr r6, =msg\n ldr r7, =msg + 4\n bx lr\n.data\nmsg: .asciz "hi"\n`,
  'branches, local labels, adr and pc-relative loads': `_start: b 1f\n1: bl 1b\n b _start\n adr r0, value\n ldr r1, value\n ldrh r2, half\nvalue: .word 7\nhalf: .hword 3\n`,
  'data directives': `.data\n.byte 1, -1, 'a, '\\n'\n.hword 0x1234, -2\n.word 0x11223344, . , end - .\n.quad 0x1122334455667788, -2\n.ascii "a\\tb\\x41\\101\\\\"\n.asciz "z"\n.string "s"\n.space 3, 0xaa\n.fill 2, 4, 0xdeadbeef\n.balign 8\n.p2align 2\n.align 3\n.zero 2\nend:\n`,
  'expressions': `.data\n.equ A, 6\nB = A * 7\n.word 1 + 2 << 3, 4 | 1 + 1, 6 & 3 == 2, -7 / 2, -7 % 2, !0 + ~0, 2 > 1 && 0 || 3, 0x80000000 >> 4, B, (A + 1) * 2\n`,
  'macros, repetition and conditionals': `.macro pair a, b=9\n .byte \\a, \\b\n.endm\n.data\npair 1\npair 2, 3\n.rept 3\n.byte 7\n.endr\n.irp v, 4, 5\n.hword \\v\n.endr\n.irpc c, 12\n.byte \\c\n.endr\n.equ N, 3\n.if N > 2\n.byte 10\n.elseif N > 1\n.byte 11\n.else\n.byte 12\n.endif\n.ifdef N\n.byte 13\n.endif\n.ifndef M\n.byte 14\n.endif\n`,
  'code alignment pads with NOPs': `.text\n_start: mov r0, r1\n.byte 1\n.align 4\nmov r0, r2\n.balign 8\n.word 1\n`,
  'sections ld orders': `.section .text.startup,"ax"\nmain: mov r0, #0\n bx lr\n.section .mydata,"aw"\n .word 1\n.section .myro,"a"\n .word 2\n.text\n_start: bl main\n .balign 16\n nop\n.data\n .byte 3\n`,
  'unwind tables and gcc notes': `.text\n.global _start\n.type _start, %function\n_start:\n.fnstart\n.cantunwind\n mov r0, #0\n svc #0\n.fnend\n.size _start, .-_start\n.data\n.word 1\n.section .note.GNU-stack,"",%progbits\n`,
  'comments and separators': `# comment\n.text\n_start: mov r0, #1 ; mov r1, #2 @ c\n mov r2, #3 // c\n/* multi\nline */ mov r3, #4\n`,
};

const tools = [GNU_AS, GNU_LD];

describe.skipIf(!hasTool(GNU_AS) || !hasTool(GNU_LD))(`same sections as GNU as + ld${missingTools(...tools)}`, () => {
  const directory = mkdtempSync(join(tmpdir(), 'sherwood-assembler-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  for (const [title, source] of Object.entries(PROGRAMS)) {
    it(title, () => {
      const sourcePath = join(directory, 'program.s');
      writeFileSync(sourcePath, source);
      execFileSync(GNU_AS, ['-march=armv7ve', sourcePath, '-o', join(directory, 'program.o')]);
      execFileSync(GNU_LD, [join(directory, 'program.o'), '-o', join(directory, 'program')], { stdio: 'ignore' });
      const theirs = readSections(readFileSync(join(directory, 'program')));
      const result = assemble(source, { file: 'program.s' });
      expect(result.ok ? [] : result.diagnostics).toEqual([]);
      if (!result.ok) return;
      const ours = result.program.sections.map((section) => ({
        name: section.name, address: section.address, size: section.size,
        bytes: Buffer.from(section.flags.nobits ? new Uint8Array(section.size) : section.bytes).toString('hex'),
      }));
      expect(ours).toEqual(theirs.map((section) => ({
        name: section.name, address: section.address, size: section.size, bytes: Buffer.from(section.bytes).toString('hex'),
      })));
    });
  }
});
