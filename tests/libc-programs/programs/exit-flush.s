@ exit() from a nested call flushes output that has no newline; the status is exit's argument.
        .syntax unified
        .text
        .global main
leave:
        push    {r4, lr}
        ldr     r0, =partial
        bl      printf
        mov     r0, #3
        bl      exit
main:
        push    {r4, lr}
        bl      leave
        mov     r0, #0              @ never reached
        pop     {r4, pc}
        .section .rodata
partial:        .asciz "no newline before exit"
