@ The same block freed twice: a double free at the second call.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        bl      free
        mov     r0, r4
        bl      free                    @! double-free
        mov     r0, #0
        pop     {r4, pc}
