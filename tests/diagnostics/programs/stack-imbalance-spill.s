@ A leaf spills r4 with a writeback store but reloads it without writeback:
@ r4 is right again, sp is 4 bytes short.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r4, sp                  @ main keeps its own sp, so it survives the callee's mistake
        mov     r0, #7
        bl      square
        mov     sp, r4
        mov     r0, #0
        pop     {r4, pc}

square:
        str     r4, [sp, #-4]!
        mul     r4, r0, r0
        mov     r0, r4
        ldr     r4, [sp]
        bx      lr                      @! stack-imbalance
