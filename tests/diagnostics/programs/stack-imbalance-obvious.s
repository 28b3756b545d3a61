@ sub sp, sp, #8 without its add before returning.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r4, sp                  @ main keeps its own sp, so it survives the callee's mistake
        bl      leaf
        mov     sp, r4
        mov     r0, #0
        pop     {r4, pc}

leaf:
        sub     sp, sp, #8
        str     r0, [sp]
        bx      lr                      @! stack-imbalance
