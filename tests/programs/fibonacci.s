@ fibonacci.s — the Fibonacci numbers twice: a doubly recursive function
@ (fib(n) = fib(n-1) + fib(n-2)) and an iterative loop; both must agree.
@ Prints fib(0)..fib(20) on one line.

        .syntax unified
        .text
        .global _start
_start:
        mov     r4, #0
loop:
        mov     r0, r4
        bl      fib_recursive
        mov     r5, r0
        mov     r0, r4
        bl      fib_iterative
        cmp     r0, r5
        movne   r0, #1                  @ check 1: the two versions agree
        bne     exit
        bl      print_unsigned
        cmp     r4, #20
        movne   r0, #','
        moveq   r0, #'\n'
        bl      print_char
        add     r4, r4, #1
        cmp     r4, #20
        ble     loop
        @ check 2: fib(20) = 6765
        movw    r1, #6765
        cmp     r5, r1
        movne   r0, #2
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ fib_recursive(r0 = n) -> r0
fib_recursive:
        cmp     r0, #2
        bxlo    lr                      @ fib(0) = 0, fib(1) = 1
        push    {r4, r5, r6, lr}        @ r6 only pads the frame to 16 bytes: sp
        mov     r4, r0                  @ must stay a multiple of 8 at each bl
        sub     r0, r4, #1
        bl      fib_recursive
        mov     r5, r0
        sub     r0, r4, #2
        bl      fib_recursive
        add     r0, r0, r5
        pop     {r4, r5, r6, pc}

@ fib_iterative(r0 = n) -> r0
fib_iterative:
        mov     r1, #0                  @ fib(i)
        mov     r2, #1                  @ fib(i + 1)
1:      subs    r0, r0, #1
        movmi   r0, r1
        bxmi    lr
        add     r3, r1, r2
        mov     r1, r2
        mov     r2, r3
        b       1b

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
digits: .zero   12
digits_end:
