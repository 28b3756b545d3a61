@ Reads integers with scanf until it stops returning 1, then prints the sum, the count and scanf's last result.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r4, #0              @ sum
        mov     r5, #0              @ count
read_next:
        ldr     r0, =int_format
        ldr     r1, =value
        bl      scanf
        mov     r6, r0
        cmp     r0, #1
        bne     finished
        ldr     r1, =value
        ldr     r1, [r1]
        add     r4, r4, r1
        add     r5, r5, #1
        b       read_next
finished:
        ldr     r0, =report
        mov     r1, r4
        mov     r2, r5
        mov     r3, r6
        bl      printf
        mov     r0, r5
        pop     {r4, r5, r6, pc}

        .data
int_format:     .asciz "%d"
report:         .asciz "sum=%d count=%d last=%d\n"
        .align 2
value:          .word 0
