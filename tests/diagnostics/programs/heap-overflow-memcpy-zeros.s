@ memcpy(copy, zeros, 20) from a 16-byte block calloc made (every byte 0)
@ reads 4 bytes past its end, into the block allocated next. A copy is read
@ by length, not as a string: its zeros do not end the read.
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
        mov     r1, #7
        str     r1, [r5]
        mov     r0, #32
        bl      malloc
        mov     r6, r0                  @ copy
        mov     r0, r6
        mov     r1, r4
        mov     r2, #20
        bl      memcpy                  @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, r6
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
