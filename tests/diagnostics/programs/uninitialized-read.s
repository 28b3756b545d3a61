@ A field of a fresh malloc block is read before anything was stored there.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #8
        bl      malloc
        mov     r4, r0
        mov     r1, #1
        str     r1, [r4]
        ldr     r0, [r4]                @ written: fine
        ldr     r0, [r4, #4]            @! uninitialized-read
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, pc}
