@ halfword-multiply-saturate.s — the DSP-style multiplies gcc emits (SMULxy, SMLAxy,
@ SMULWy, SMLAWy, SMLALxy), UMAAL, SSAT/USAT with the sticky Q flag read by MRS and
@ cleared by MSR, the unprivileged LDRHT/STRHT/LDRSBT/LDRSHT, PLD and barriers.
@ Exit 0 = all checks passed.

        .syntax unified
        .arch   armv7-a
        .data
        .align  2
cells:  .hword  0xfffe, 0x0003
        .byte   0x80, 0x7f
        .align  2
spare:  .space  8
done_text: .asciz "dsp ok\n"

        .text
        .global _start
_start:
        ldr     r4, =0x0003fffe         @ top 3, bottom -2
        ldr     r5, =0xfff90005         @ top -7, bottom 5
        @ 1-4. smulxy picks a signed halfword of each operand
        smulbb  r0, r4, r5              @ -2 * 5
        mvn     r1, #9
        bl      check
        smulbt  r0, r4, r5              @ -2 * -7
        mov     r1, #14
        bl      check
        smultb  r0, r4, r5              @ 3 * 5
        mov     r1, #15
        bl      check
        smultt  r0, r4, r5              @ 3 * -7
        mvn     r1, #20
        bl      check
        @ 5-6. smlaxy adds a word; overflow sets Q
        mov     r6, #100
        smlabb  r0, r4, r5, r6
        mov     r1, #90
        bl      check
        bl      read_q
        mov     r1, #0
        bl      check
        @ 7-8. 0x7fffffff + (-2 * -7) overflows: Q becomes 1 and stays
        mvn     r6, #0x80000000
        smlabt  r0, r4, r5, r6
        ldr     r1, =0x8000000d
        bl      check
        bl      read_q
        mov     r1, #1
        bl      check
        @ 9. msr clears Q
        mov     r0, #0
        msr     APSR_nzcvq, r0
        bl      read_q
        mov     r1, #0
        bl      check
        @ 10-11. smulwy: (word * halfword) >> 16
        ldr     r6, =0x12345678
        smulwb  r0, r6, r5              @ 0x12345678 * 5 >> 16
        ldr     r1, =0x5b05
        bl      check
        smulwt  r0, r6, r5              @ * -7
        ldr     r1, =0xffff8091
        bl      check
        @ 12. smlawb accumulates
        mov     r7, #1000
        smlawb  r0, r6, r5, r7
        ldr     r1, =0x5b05 + 1000
        bl      check
        @ 13-14. smlalbb: 64-bit accumulate of a 16x16 product
        mov     r2, #0
        mov     r3, #0
        smlalbb r2, r3, r4, r5          @ += -10: 0xffffffff_fffffff6
        mvn     r0, r2
        mov     r1, #9
        bl      check
        mov     r0, r3
        mvn     r1, #0
        bl      check
        @ 15-16. umaal: 0xffffffff * 0xffffffff + 0xffffffff + 0xffffffff = 0xffffffff_ffffffff
        mvn     r2, #0
        mvn     r3, #0
        mvn     r6, #0
        umaal   r2, r3, r6, r6
        mov     r0, r2
        mvn     r1, #0
        bl      check
        mov     r0, r3
        mvn     r1, #0
        bl      check
        @ 17-20. ssat/usat clamp and set Q only when they clamp
        ldr     r6, =300
        ssat    r0, #8, r6              @ 127
        mov     r1, #127
        bl      check
        ldr     r6, =-300
        usat    r0, #8, r6              @ 0
        mov     r1, #0
        bl      check
        ssat    r0, #16, r6, lsl #4     @ -4800 fits
        ldr     r1, =-4800
        bl      check
        usat    r0, #4, r4, asr #16     @ 3 fits
        mov     r1, #3
        bl      check
        bl      read_q
        mov     r1, #1                  @ set by the first two
        bl      check
        @ 22-25. unprivileged loads and stores behave as plain post-indexed ones in user mode
        ldr     r6, =cells
        ldrsht  r0, [r6], #2
        mvn     r1, #1
        bl      check
        ldrht   r0, [r6], #2
        mov     r1, #3
        bl      check
        ldrsbt  r0, [r6], #1
        mvn     r1, #0x7f
        bl      check
        ldr     r6, =spare
        ldr     r2, =0x12345
        strht   r2, [r6], #2
        ldr     r6, =spare
        ldr     r0, [r6]
        ldr     r1, =0x2345
        bl      check
        @ hints and barriers change nothing
        pld     [r6]
        pld     [r6, #64]
        dmb
        dsb
        isb
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0

@ read_q: r0 = the Q flag (APSR bit 27)
read_q:
        mrs     r0, APSR
        lsr     r0, r0, #27
        and     r0, r0, #1
        bx      lr
        .ltorg

        .include "lib/checks.inc"
