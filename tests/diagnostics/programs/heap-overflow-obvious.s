@ A word stored just past the end of a 16-byte block.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        mov     r1, #9
        str     r1, [r4, #12]           @ the last word: fine
        str     r1, [r4, #16]           @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, pc}
