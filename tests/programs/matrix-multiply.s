@ matrix-multiply.s — multiply two 3x3 matrices of signed words with MLA in a
@ triple loop, print the product row by row, and check it against the expected
@ matrix and its trace.

        .syntax unified
        .equ    N, 3

        .section .rodata
        .align  2
matrix_a:
        .word   1, 2, 3
        .word   4, 5, 6
        .word   7, 8, 9
matrix_b:
        .word   9, 8, 7
        .word   6, 5, 4
        .word   3, 2, -1
expected:
        .word   30, 24, 12
        .word   84, 69, 42
        .word   138, 114, 72

        .bss
        .align  2
product:
        .space  N * N * 4

        .text
        .global _start
_start:
        ldr     r8, =matrix_a
        ldr     r9, =matrix_b
        ldr     r10, =product
        mov     r4, #0                  @ i
row:
        mov     r5, #0                  @ j
column:
        mov     r0, #0                  @ sum
        mov     r6, #0                  @ k
inner:
        mov     r1, #N
        mla     r2, r4, r1, r6          @ i*N + k
        ldr     r2, [r8, r2, lsl #2]    @ a[i][k]
        mla     r3, r6, r1, r5          @ k*N + j
        ldr     r3, [r9, r3, lsl #2]    @ b[k][j]
        mla     r0, r2, r3, r0
        add     r6, r6, #1
        cmp     r6, #N
        blt     inner
        mov     r1, #N
        mla     r2, r4, r1, r5
        str     r0, [r10, r2, lsl #2]
        bl      print_signed
        add     r5, r5, #1
        cmp     r5, #N
        movlt   r0, #' '
        movge   r0, #'\n'
        bl      print_char
        blt     column
        add     r4, r4, #1
        cmp     r4, #N
        blt     row

        @ check 1: the product equals the expected matrix
        ldr     r1, =expected
        mov     r2, #N * N
1:      ldr     r3, [r10], #4
        ldr     r12, [r1], #4
        cmp     r3, r12
        movne   r0, #1
        bne     exit
        subs    r2, r2, #1
        bne     1b
        @ check 2: trace = 30 + 69 + 72 = 171
        ldr     r10, =product
        ldr     r0, [r10]
        ldr     r1, [r10, #16]
        ldr     r2, [r10, #32]
        add     r0, r0, r1
        add     r0, r0, r2
        cmp     r0, #171
        movne   r0, #2
        moveq   r0, #0
exit:
        mov     r7, #1
        svc     #0

print_signed:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
        movs    r4, r0
        rsbmi   r0, r0, #0
        mov     r3, #10
1:      udiv    r7, r0, r3
        mls     r12, r7, r3, r0
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r7
        bne     1b
        cmp     r4, #0
        movlt   r12, #'-'
        strblt  r12, [r1, #-1]!
        addlt   r2, r2, #1
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

@ print_char(r0); keeps the flags (the caller branches on them afterwards)
print_char:
        push    {r0-r2, r7, lr}
        mrs     r12, APSR
        sub     sp, sp, #8
        strb    r0, [sp]
        mov     r1, sp
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     sp, sp, #8
        msr     APSR_nzcvq, r12
        pop     {r0-r2, r7, pc}

        .bss
digits: .space  12
digits_end:
