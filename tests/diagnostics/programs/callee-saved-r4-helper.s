@ A helper uses r4 as its loop counter without saving it; its caller keeps a
@ running total in r4 across the call. (The output even looks plausible.)
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r4, #100
        mov     r0, #5
        bl      sum_to
        add     r0, r0, r4
        mov     r0, #0
        pop     {r4, pc}

@ sum_to(n) = 1 + 2 + ... + n
sum_to:
        mov     r1, #0
        mov     r4, r0
loop:
        add     r1, r1, r4
        subs    r4, r4, #1
        bne     loop
        mov     r0, r1
        bx      lr                      @! callee-saved-clobbered
