@ A word load from an address that is not a multiple of 4: legal on ARMv7
@ Linux, but rarely meant (correct-allowed-misaligned.s says it is meant).
        .syntax unified
        .data
        .align  2
bytes:  .byte   1, 2, 3, 4, 5, 6, 7, 8
        .text
        .global main
main:
        push    {r4, lr}
        ldr     r4, =bytes
        ldr     r0, [r4, #1]            @! misaligned-access
        mov     r0, #0
        pop     {r4, pc}
