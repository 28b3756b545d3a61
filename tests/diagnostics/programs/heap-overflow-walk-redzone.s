@ redzone: 8
@ for (p = a; p <= a + 4; p++) *p = 0;  with a = malloc(4 * 4): the pointer
@ itself walks one word past the array into the node allocated next. Its base
@ is then inside the node, so provenance cannot tell; the 8-byte redzone the
@ header asks for (--redzone 8) gives the array a 32-byte block, and the fifth
@ store lands in its own slack, past the 16 bytes requested.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0                  @ int a[4]
        mov     r0, #16
        bl      malloc
        mov     r5, r0                  @ a node
        mov     r1, #100
        str     r1, [r5]
        mov     r2, #0
        mov     r3, r4
        add     r6, r4, #16
fill:
        str     r2, [r3], #4            @! heap-overflow
        cmp     r3, r6
        bls     fill                    @ should be blo
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
