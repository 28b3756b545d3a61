@ strncpy(name, text, 16) into malloc(16) copies 16 letters and no NUL (the
@ source is longer), so puts(name) reads on past the block, into the live
@ block next to it, whose bytes happen to end the string. Every byte puts
@ reads is in live heap memory, but the string started in a 16-byte block and
@ ran past its end: that is the overflow, reported at the call of puts.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0                  @ char name[16]
        mov     r0, #16
        bl      malloc
        mov     r5, r0
        mov     r1, #0
        str     r1, [r5]                @ the neighbour starts with zeros
        mov     r0, r4
        ldr     r1, =text
        mov     r2, #16
        bl      strncpy                 @ no room for the NUL: none is written
        mov     r0, r4
        bl      puts                    @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .section .rodata
text:   .asciz  "a name too long for it"
