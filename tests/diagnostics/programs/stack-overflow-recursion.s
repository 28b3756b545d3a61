@ A recursion without a base case runs into the guard page below the stack.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #1
        bl      forever
        pop     {r4, pc}

forever:
        push    {r4, lr}                @! stack-overflow
        add     r0, r0, #1
        bl      forever
        pop     {r4, pc}
