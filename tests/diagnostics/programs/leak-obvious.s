@ A block is allocated and never freed: one leak, at the line of the malloc call.
@ Markers: "@! KIND" ends each line where a diagnostic must be reported.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r0, #24
        bl      malloc                  @! leak
        mov     r1, #7
        str     r1, [r0]
        mov     r0, #0                  @ the only pointer to the block is gone
        pop     {r4, pc}
