@ memcmp(zeros, other, 20) on a 16-byte block calloc made compares 4 bytes
@ past its end, in the block allocated next (whose first word is also 0, so
@ the comparison goes on). A comparison reads by length: zeros do not end it.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #1
        mov     r1, #16
        bl      calloc
        mov     r4, r0                  @ zeros
        mov     r0, #16
        bl      malloc
        mov     r5, r0                  @ the neighbour
        mov     r1, #0
        str     r1, [r5]
        mov     r0, #1
        mov     r1, #32
        bl      calloc
        mov     r6, r0                  @ other
        mov     r0, r4
        mov     r1, r6
        mov     r2, #20
        bl      memcmp                  @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, r6
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
