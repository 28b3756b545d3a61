@ A correct program: calloc, realloc (growing, keeping contents), strdup,
@ strcpy into a block with room for the NUL, a frame with locals, and every
@ block freed.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, fp, lr}
        add     fp, sp, #16
        sub     sp, sp, #16             @ locals; sp stays 8-byte aligned
        mov     r0, #4
        mov     r1, #4
        bl      calloc
        mov     r4, r0
        ldr     r1, [r4, #12]           @ calloc zeroed it: a defined read
        str     r1, [sp]
        mov     r1, #42
        str     r1, [r4]
        mov     r0, r4
        mov     r1, #64
        bl      realloc
        mov     r4, r0
        ldr     r1, [r4]                @ realloc kept the first word
        ldr     r0, =number
        bl      printf
        ldr     r0, =greeting
        bl      strdup
        mov     r5, r0
        bl      strlen
        add     r0, r0, #1              @ room for the NUL
        bl      malloc
        mov     r6, r0
        mov     r1, r5
        bl      strcpy
        mov     r0, r6
        bl      puts
        mov     r0, r6
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, r4
        bl      free
        mov     r0, #0
        sub     sp, fp, #16
        pop     {r4, r5, r6, r7, fp, pc}

        .section .rodata
number:   .asciz "%d\n"
greeting: .asciz "hello, buddy"
