@ Saving three registers (12 bytes) in a helper misaligns the stack for the
@ call the helper makes; main itself is fine.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #3
        bl      twice
        mov     r0, #0
        pop     {r4, pc}

twice:
        push    {r4, r5, lr}
        mov     r4, r0
        bl      double                  @! sp-misaligned
        pop     {r4, r5, pc}

double:
        add     r0, r0, r0
        bx      lr
