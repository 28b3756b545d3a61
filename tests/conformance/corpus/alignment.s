@ .align (a power of two on ARM), .balign and .p2align, with and without fill
@ values and limits, in code (padded with NOPs) and in data (padded with zeros).
        .syntax unified
        .global _start
_start:
        mov     r0, #1
        .align  3
        mov     r1, #2
        .balign 16
        mov     r2, #3
        .p2align 5
        mov     r3, #4
        .align  4
        .byte   1
        .align  2
        mov     r4, #5
        .balign 8, 0
        mov     r5, #6
        .align
        bx      lr

        .data
        .byte   1
        .align  2
        .word   2
        .byte   3
        .balign 8
        .byte   4
        .balign 4, 0xaa
        .hword  5
        .p2align 3, 0xbb
        .byte   6
        .p2align 4, 0xcc, 3
        .byte   7
        .p2align 2
        .byte   8, 9
        .align  3, 0xee
        .word   10
        .hword  11
        .balignw 8, 0x1234
        .word   12
        .balignl 16, 0x55667788
        .byte   13
