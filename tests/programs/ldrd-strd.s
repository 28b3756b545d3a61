@ ldrd-strd.s — doubleword loads and stores: LDRD/STRD with immediate and register
@ offsets, pre-indexed with writeback and post-indexed, a 64-bit add with carry over
@ pairs, and LDRSB/LDRSH/LDRH/STRH around them. Exit 0 = all checks passed.

        .syntax unified
        .data
        .align  3
pairs:  .word   0x89abcdef, 0x01234567, 0xffffffff, 0x00000001, 0x00000002, 0x80000000
out:    .space  32
bytes:  .byte   0x80, 0x7f, 0xff, 0x01
        .align  1
halves: .hword  0x8001, 0x7ffe
done_text: .asciz "ldrd/strd ok\n"

        .text
        .global _start
_start:
        ldr     r8, =pairs
        @ 1-2. ldrd with an immediate offset
        ldrd    r2, r3, [r8, #8]
        mov     r0, r2
        mvn     r1, #0
        bl      check
        mov     r0, r3
        mov     r1, #1
        bl      check
        @ 3-4. 64-bit add of pair 0 and pair 1: 0x0123456789abcdef + 0x1ffffffff
        ldrd    r4, r5, [r8]
        adds    r4, r4, r2
        adc     r5, r5, r3
        ldr     r1, =0x89abcdee
        mov     r0, r4
        bl      check
        ldr     r1, =0x01234569
        mov     r0, r5
        bl      check
        @ 5-6. strd pre-indexed with writeback, then read back as words
        ldr     r6, =out
        mov     r7, r6
        strd    r4, r5, [r7, #8]!
        sub     r0, r7, r6
        mov     r1, #8
        bl      check
        ldr     r0, [r6, #12]
        mov     r1, r5
        bl      check
        @ 7-8. strd post-indexed, register offset forms
        mov     r7, r6
        mov     r2, #16
        strd    r4, r5, [r7], r2
        sub     r0, r7, r6
        mov     r1, #16
        bl      check
        ldrd    r10, r11, [r6, r2]      @ out+16 was never written: zeros
        orr     r0, r10, r11
        mov     r1, #0
        bl      check
        @ 9. negative register offset
        add     r7, r6, #24
        mov     r2, #24
        ldrd    r10, r11, [r7, -r2]
        mov     r0, r10
        mov     r1, r4
        bl      check
        @ 10-12. signed and unsigned bytes and halfwords
        ldr     r7, =bytes
        ldrsb   r0, [r7]
        mvn     r1, #0x7f               @ -128
        bl      check
        ldrsb   r0, [r7, #1]
        mov     r1, #0x7f
        bl      check
        ldrb    r0, [r7, #2]
        mov     r1, #0xff
        bl      check
        @ 13-15. halfwords: ldrsh, ldrh, strh keeps only the low 16 bits
        ldr     r7, =halves
        ldrsh   r0, [r7]
        ldr     r1, =0xffff8001
        bl      check
        ldrh    r0, [r7, #2]
        ldr     r1, =0x7ffe
        bl      check
        ldr     r2, =0x12345678
        strh    r2, [r6, #2]!
        ldrh    r0, [r6]
        ldr     r1, =0x5678
        bl      check
        @ 16. the pair again, printed
        ldrd    r4, r5, [r8]
        mov     r0, r5
        bl      print_hex
        mov     r0, r4
        bl      print_hex
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg

        .include "lib/checks.inc"
