@ A correct program: a buffer filled only in part is copied whole with
@ memcpy (copying is not using), and only the written part is read back.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #32
        bl      malloc
        mov     r4, r0
        mov     r0, #32
        bl      malloc
        mov     r5, r0
        mov     r1, #7
        str     r1, [r4]                @ only the first word is written
        mov     r0, r5
        mov     r1, r4
        mov     r2, #32
        bl      memcpy
        ldr     r6, [r5]                @ the written word, copied: defined
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, r6
        sub     r0, r0, #7
        pop     {r4, r5, r6, pc}
