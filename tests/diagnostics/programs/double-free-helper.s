@ A helper frees the node it is given; the caller, not knowing, frees it again
@ through its own copy of the pointer.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #12
        bl      malloc
        mov     r4, r0
        mov     r5, r0                  @ a second name for the same block
        mov     r0, r4
        bl      destroy
        mov     r0, r5
        bl      free                    @! double-free
        mov     r0, #0
        pop     {r4, r5, r6, pc}

destroy:
        push    {r4, lr}
        bl      free
        pop     {r4, pc}
