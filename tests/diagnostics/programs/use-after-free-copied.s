@ The block is freed through one pointer and then written through a copy of
@ it kept in another register (a dangling pointer).
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #8
        bl      malloc
        mov     r4, r0
        mov     r5, r4                  @ the copy
        mov     r1, #1
        str     r1, [r4]
        str     r1, [r4, #4]
        mov     r0, r4
        bl      free
        mov     r4, #0                  @ the original is cleared, as advised...
        mov     r1, #2
        str     r1, [r5, #4]            @! use-after-free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
