@ Two 16-byte blocks lie side by side (a 16-byte request leaves no slack in
@ its buddy block), so a byte stored just past the first lands inside the
@ second. The address is fine for the second block, but it was computed from
@ r4, a pointer into the first: that is the overflow.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        mov     r0, #16
        bl      malloc
        mov     r5, r0
        mov     r1, #7
        strb    r1, [r5]                @ the second block's own first byte: fine
        strb    r1, [r4, #15]           @ the first block's last byte: fine
        strb    r1, [r4, #16]           @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
