@ A store into the program's own code (patching an instruction).
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        ldr     r4, =main
        mov     r1, #0
        str     r1, [r4]                @! write-to-text
        mov     r0, #0
        pop     {r4, pc}
