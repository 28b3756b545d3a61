@ stack-frames.s — AAPCS calls with frames: a function of six arguments (two
@ passed on the stack), locals addressed from a frame pointer, a callee that
@ saves and restores r4-r11, and the stack pointer checked to be back where it
@ started and 8-byte aligned at every call.

        .syntax unified
        .text
        .global _start
_start:
        mov     r11, #0
        mov     r10, sp                 @ remember the initial stack pointer
        tst     sp, #7
        movne   r0, #1                  @ check 1: Linux starts us 8-byte aligned
        bne     exit
        @ weighted_sum(1, 2, 3, 4, 5, 6) = 1*1 + 2*2 + ... + 6*6 = 91
        mov     r0, #5
        mov     r1, #6
        push    {r0, r1}                @ arguments 5 and 6: [sp] = 5, [sp, #4] = 6
        mov     r0, #1
        mov     r1, #2
        mov     r2, #3
        mov     r3, #4
        bl      weighted_sum
        add     sp, sp, #8              @ the caller pops its stack arguments
        mov     r4, r0
        bl      print_unsigned
        cmp     r4, #91
        movne   r0, #2
        bne     exit
        @ check 3: callee-saved registers survive a call to clobber
        ldr     r4, =0x44444444
        ldr     r5, =0x55555555
        ldr     r8, =0x88888888
        bl      clobber
        ldr     r0, =0x44444444
        cmp     r4, r0
        ldreq   r0, =0x55555555
        cmpeq   r5, r0
        ldreq   r0, =0x88888888
        cmpeq   r8, r0
        movne   r0, #3
        bne     exit
        @ check 4: local array on the stack, summed through the frame pointer
        mov     r0, #10
        bl      sum_of_squares_below
        mov     r4, r0
        bl      print_unsigned
        movw    r0, #285                @ 0 + 1 + 4 + ... + 81
        cmp     r4, r0
        movne   r0, #4
        bne     exit
        @ check 5: the stack is balanced
        cmp     sp, r10
        movne   r0, #5
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ weighted_sum(a, b, c, d, e, f) = a*1 + b*2 + c*3 + d*4 + e*5 + f*6
weighted_sum:
        push    {fp, lr}
        mov     fp, sp
        tst     sp, #7                  @ aligned at the call?
        movne   r0, #9
        bne     exit
        ldr     r12, [fp, #8]           @ e: above the saved fp and lr
        add     r0, r0, r1, lsl #1      @ a + 2b
        add     r2, r2, r2, lsl #1      @ 3c
        add     r0, r0, r2
        add     r0, r0, r3, lsl #2      @ + 4d
        add     r12, r12, r12, lsl #2   @ 5e
        add     r0, r0, r12
        ldr     r12, [fp, #12]          @ f
        add     r12, r12, r12, lsl #1
        add     r0, r0, r12, lsl #1     @ + 6f
        pop     {fp, pc}

@ clobber(): uses r4-r11 freely but restores them, as the AAPCS requires
clobber:
        push    {r4-r11, lr}
        mov     r4, #0
        mov     r5, #0
        mov     r6, #0
        mov     r7, #0
        mov     r8, #0
        mov     r9, #0
        mov     r10, #0
        mov     r11, #0
        pop     {r4-r11, pc}

@ sum_of_squares_below(n): fills a local array int squares[16] then sums n of them
sum_of_squares_below:
        push    {r4, fp, lr}
        add     fp, sp, #8              @ fp points at the saved lr
        sub     sp, sp, #68             @ 64 bytes of array + 4 to keep 8-byte alignment
        mov     r1, #0
1:      mul     r2, r1, r1
        sub     r3, fp, #72             @ &squares[0] = fp - 8 - 64
        str     r2, [r3, r1, lsl #2]
        add     r1, r1, #1
        cmp     r1, #16
        blo     1b
        mov     r4, r0
        mov     r0, #0
        sub     r3, fp, #72
2:      subs    r4, r4, #1
        ldrpl   r2, [r3], #4
        addpl   r0, r0, r2
        bpl     2b
        sub     sp, fp, #8
        pop     {r4, fp, pc}

print_unsigned:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #'\n'
        strb    r2, [r1, #-1]!
        mov     r2, #1
        mov     r3, #10
1:      udiv    r4, r0, r3
        mls     r12, r4, r3, r0
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r4
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

        .bss
digits: .space  16
digits_end:
