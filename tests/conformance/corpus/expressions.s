@ Expressions the way GNU as evaluates them: .equ/.set/=, operators and their
@ precedence (GNU ranks << and >> above + and -), character constants, `.`,
@ label differences and comparisons (true is -1).
        .syntax unified
        .equ    TEN, 10
        .set    TWENTY, TEN * 2
        THIRTY = TEN + TWENTY
        .equ    MASK, ~0xff
        .global _start
_start:
        mov     r0, #TEN
        mov     r1, #TWENTY + 1
        mov     r2, #THIRTY
        mov     r3, #(TEN + 2) * 3
        mov     r4, #1 << 4 + 1
        mov     r5, #100 / 7
        mov     r6, #100 % 7
        mov     r7, #-TEN + 20
        mov     r8, #0x0f & 0x3c
        mov     r9, #0x0f | 0x30
        mov     r10, #0x0f ^ 0xff
        mvn     r11, #~MASK
        mov     r12, #'a'
        mov     r0, #'\n'
        mov     r1, #'0' + 9
        mov     r2, #0b1010
        mov     r3, #0777
        mov     r4, #(end_of_code - _start) / 4
        add     r5, r5, #(1 + 2) << 2
        mov     r6, #8 >> 1 + 1
        mov     r7, #-(-5)
        mov     r8, #!0
        mov     r9, #TEN > 5
        mov     r10, #0 - (TEN < 5)
        mov     r11, #TEN == 10
        mov     r12, #TEN != 10
        mov     r0, #(TEN >= 10) & 1
        mov     r1, #1 && 0
        mov     r2, #1 || 0
        mov     r3, #-7 / 2 & 0xff
end_of_code:
        .data
        .word   TEN, TWENTY, THIRTY, MASK
        .word   end_of_code - _start, end_of_code - _start + 100
        .word   1 + 2 * 3, (1 + 2) * 3, 10 - 4 - 3, 100 / 10 / 5
        .word   0xffffffff >> 1, 0x80000000 >> 4, 1 << 31
        .word   'A', 'z' - 'a', '\\', '\''
        .byte   TEN, -1, 255, 'x'
