@ fgets into a small buffer: long lines come in pieces; strlen of each piece; NULL at end of input.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r6, =stdin
        mov     r5, #0
again:
        ldr     r0, =buffer
        mov     r1, #12
        ldr     r2, [r6]
        bl      fgets
        cmp     r0, #0
        beq     end_of_input
        add     r5, r5, #1
        ldr     r0, =buffer
        bl      strlen
        mov     r2, r0
        ldr     r0, =piece
        mov     r1, r5
        ldr     r3, =buffer
        bl      printf
        b       again
end_of_input:
        ldr     r0, =total
        mov     r1, r5
        bl      printf
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .data
piece:  .asciz "%d: %d [%s]\n"
total:  .asciz "%d pieces\n"
        .bss
buffer: .space 12
