@ A pointer advanced while walking a block is passed to free(): it points into
@ the middle of the block, not at its start.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        mov     r5, #4
        mov     r1, #0
fill:
        str     r1, [r4], #4            @ the walk moves the only pointer
        subs    r5, r5, #1
        bne     fill
        sub     r0, r4, #12             @ back to the second word, not the first
        bl      free                    @! invalid-free
        sub     r0, r4, #16             @ then the real start: no leak
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
