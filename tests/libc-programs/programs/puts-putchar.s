@ puts adds a newline and returns a non-negative count; putchar prints one byte.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r0, =greeting
        bl      puts
        mov     r4, r0              @ puts' return value (length + 1)
        mov     r5, #'a'
1:      mov     r0, r5
        bl      putchar
        add     r5, r5, #1
        cmp     r5, #'z'
        ble     1b
        mov     r0, #'\n'
        bl      putchar
        ldr     r0, =count_format
        mov     r1, r4
        bl      printf
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .data
greeting:       .asciz "Hello from puts"
count_format:   .asciz "puts returned %d\n"
