@ A function changes r5 and returns without restoring it.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r5, #10
        bl      scratch
        mov     r0, #0
        pop     {r4, r5, r6, pc}

scratch:
        mov     r5, #99
        bx      lr                      @! callee-saved-clobbered
