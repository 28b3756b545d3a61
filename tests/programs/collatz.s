@ collatz.s — the Collatz sequence (n -> n/2 if even, 3n+1 if odd): prints
@ the sequence for 27's first steps, then finds the start below 1000 with the
@ longest chain. Checks: 27 takes 111 steps; 871 has the longest chain (178).

        .syntax unified
        .text
        .global _start
_start:
        @ the first 12 numbers of 27's sequence
        mov     r4, #27
        mov     r5, #12
1:      mov     r0, r4
        bl      print_unsigned
        bl      collatz_next
        mov     r4, r0
        subs    r5, r5, #1
        movne   r0, #' '
        moveq   r0, #'\n'
        bl      print_char
        cmp     r5, #0
        bne     1b

        mov     r0, #27
        bl      collatz_steps
        cmp     r0, #111
        movne   r0, #1
        bne     exit

        @ longest chain for starts 1..999
        mov     r4, #1                  @ start
        mov     r5, #0                  @ best steps
        mov     r6, #0                  @ best start
2:      mov     r0, r4
        bl      collatz_steps
        cmp     r0, r5
        movhi   r5, r0
        movhi   r6, r4
        add     r4, r4, #1
        cmp     r4, #1000
        blo     2b
        mov     r0, r6
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        mov     r0, r5
        bl      print_unsigned
        mov     r0, #'\n'
        bl      print_char
        movw    r0, #871
        cmp     r6, r0
        movne   r0, #2
        bne     exit
        cmp     r5, #178
        movne   r0, #3
        moveq   r0, #0
exit:
        mov     r7, #1
        svc     #0

@ collatz_next(r0) -> r0
collatz_next:
        tst     r0, #1
        lsreq   r0, r0, #1
        addne   r0, r0, r0, lsl #1      @ 3n
        addne   r0, r0, #1
        bx      lr

@ collatz_steps(r0) -> r0 = steps to reach 1
collatz_steps:
        push    {r4, lr}
        mov     r4, #0
1:      cmp     r0, #1
        beq     2f
        bl      collatz_next
        add     r4, r4, #1
        b       1b
2:      mov     r0, r4
        pop     {r4, pc}

print_unsigned:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
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

print_char:
        push    {r0-r2, r7, lr}
        sub     sp, sp, #8
        strb    r0, [sp]
        mov     r1, sp
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     sp, sp, #8
        pop     {r0-r2, r7, pc}

        .bss
digits: .space  12
digits_end:
