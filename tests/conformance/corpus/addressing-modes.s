@ Every load/store addressing mode for words, bytes, halfwords, signed loads
@ and doublewords, including PC-relative labels.
        .syntax unified
        .global _start
_start:
        ldr     r0, [r1]
        ldr     r0, [r1, #4]
        ldr     r0, [r1, #-4]
        ldr     r0, [r1, #4095]
        ldr     r0, [r1, #-4095]
        ldr     r0, [r1, #8]!
        ldr     r0, [r1], #8
        ldr     r0, [r1], #-8
        ldr     r0, [r1, r2]
        ldr     r0, [r1, -r2]
        ldr     r0, [r1, r2]!
        ldr     r0, [r1], -r2
        str     r0, [r1, #-0]
        str     r0, [sp, #-4]!
        strb    r0, [r1, #255]
        ldrb    r0, [r1], #1
        ldrh    r0, [r1]
        ldrh    r0, [r1, #255]
        ldrh    r0, [r1, #-255]
        ldrh    r0, [r1, #2]!
        ldrh    r0, [r1], #-2
        ldrh    r0, [r1, r2]
        ldrh    r0, [r1, -r2]!
        ldrh    r0, [r1], r2
        strh    r0, [r1, #6]
        ldrsb   r0, [r1, #1]
        ldrsb   r0, [r1], -r2
        ldrsh   r0, [r1, #-2]!
        ldrsh   r0, [r1, r2]
        ldrd    r0, r1, [r2]
        ldrd    r2, r3, [r4, #8]!
        ldrd    r4, r5, [r6], #-16
        ldrd    r6, r7, [r8, r9]
        ldrd    r8, r9, [r10, -r11]!
        strd    r0, r1, [sp, #-8]!
        strd    r2, r3, [r4], r5
        ldr     r0, word_label
        ldr     r1, [pc, #4]
        ldrb    r2, word_label
        ldrh    r3, half_label
        ldrsb   r4, word_label
        ldrsh   r5, half_label
        ldrd    r6, r7, double_label
        str     r0, word_label
        strb    r0, word_label
        ldr     r0, [pc, #-8]
        ldrt    r0, [r1], #4
        strbt   r0, [r1], r2
        pld     [r1, #64]
        .align  3
word_label:
        .word   0x12345678
half_label:
        .hword  0x8001, 0
double_label:
        .word   1, 2
        ldr     r0, word_label
        ldr     r0, _start
