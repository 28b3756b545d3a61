@ A load from a block after it was freed.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #32
        bl      malloc
        mov     r4, r0
        mov     r1, #5
        str     r1, [r4, #16]
        mov     r0, r4
        bl      free
        ldr     r0, [r4, #16]           @! use-after-free
        mov     r0, #0
        pop     {r4, pc}
