@ A program that reads words at any byte offset on purpose says so in its
@ source, and the misaligned-access warning stays quiet for it.
@ sherwood: allow misaligned-access
        .syntax unified
        .data
        .align  2
bytes:  .byte   1, 2, 3, 4, 5, 6, 7, 8
        .text
        .global main
main:
        push    {r4, lr}
        ldr     r4, =bytes
        ldr     r0, [r4, #1]
        ldrh    r1, [r4, #3]
        add     r0, r0, r1
        str     r0, [r4, #2]
        mov     r0, #0
        pop     {r4, pc}
