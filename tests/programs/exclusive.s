@ exclusive.s — LDREX/STREX (word, byte, halfword, doubleword) as a single-core atomic
@ increment, a STREX that fails after CLREX, and DMB. Exit 0 = all checks passed.

        .syntax unified
        .arch   armv7-a
        .data
        .align  3
counter: .word  40
        .align  3
pair:   .word   1, 2
small:  .byte   7, 0
        .align  1
half:   .hword  300
done_text: .asciz "exclusive ok\n"

        .text
        .global _start
_start:
        @ 1-2. atomic add of 2 to counter: strex reports 0 (it stored)
        ldr     r4, =counter
        mov     r6, #0
1:      ldrex   r0, [r4]
        add     r0, r0, #2
        strex   r5, r0, [r4]
        add     r6, r6, #1
        cmp     r5, #0
        bne     1b
        dmb     ish
        ldr     r0, [r4]
        mov     r1, #42
        bl      check
        mov     r0, r6
        mov     r1, #1
        bl      check
        @ 3. strex without a matching ldrex (after clrex) fails with 1 and stores nothing
        ldrex   r0, [r4]
        clrex
        mov     r0, #99
        strex   r5, r0, [r4]
        mov     r0, r5
        mov     r1, #1
        bl      check
        @ 4. ... and the word is unchanged
        ldr     r0, [r4]
        mov     r1, #42
        bl      check
        @ 5-6. byte and halfword exclusives
        ldr     r4, =small
        ldrexb  r0, [r4]
        add     r0, r0, #1
        strexb  r5, r0, [r4]
        ldrb    r0, [r4]
        mov     r1, #8
        bl      check
        ldr     r4, =half
        ldrexh  r0, [r4]
        add     r0, r0, #300
        strexh  r5, r0, [r4]
        ldrh    r0, [r4]
        mov     r1, #600
        bl      check
        @ 7-8. doubleword: swap the two words of pair
        ldr     r4, =pair
        ldrexd  r2, r3, [r4]
        mov     r0, r3
        mov     r1, r2
        strexd  r5, r0, r1, [r4]
        ldr     r0, [r4]
        mov     r1, #2
        bl      check
        mov     r0, r5
        mov     r1, #0
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg

        .include "lib/checks.inc"
