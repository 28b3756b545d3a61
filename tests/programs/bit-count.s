@ bit-count.s — count the 1 bits of a word four ways (shift loop, Kernighan's
@ x & (x - 1), the parallel SWAR sum, and CLZ/RBIT based scanning) and check
@ they agree; also leading/trailing zero counts. Prints "value: count".

        .syntax unified
        .text
        .global _start
_start:
        ldr     r8, =values
        mov     r9, #1
next:
        ldr     r4, [r8], #4            @ value
        ldr     r5, [r8], #4            @ expected population count
        cmp     r9, #VALUE_COUNT + 1
        beq     extra_checks
        mov     r0, r4
        bl      count_shift
        cmp     r0, r5
        bne     failed
        mov     r0, r4
        bl      count_kernighan
        cmp     r0, r5
        bne     failed
        mov     r0, r4
        bl      count_parallel
        cmp     r0, r5
        bne     failed
        mov     r0, r4
        bl      count_scan
        cmp     r0, r5
        bne     failed
        mov     r0, r4
        bl      print_hex
        mov     r0, #':'
        bl      print_char
        mov     r0, #' '
        bl      print_char
        mov     r0, r5
        bl      print_hex
        mov     r0, #'\n'
        bl      print_char
        add     r9, r9, #1
        b       next

extra_checks:
        @ leading zeros of 0x00010000 = 15; trailing zeros via rbit + clz = 16
        mov     r0, #0x10000
        clz     r1, r0
        cmp     r1, #15
        bne     failed
        rbit    r2, r0
        clz     r2, r2
        cmp     r2, #16
        bne     failed
        @ clz of zero is 32
        mov     r0, #0
        clz     r0, r0
        cmp     r0, #32
        bne     failed
        mov     r0, #0
        b       exit
failed:
        mov     r0, r9
exit:
        mov     r7, #1
        svc     #0

@ count_shift(r0) -> r0: test the low bit, shift right, repeat
count_shift:
        mov     r1, #0
1:      movs    r0, r0, lsr #1          @ the bit shifted out lands in C
        adc     r1, r1, #0
        bne     1b
        mov     r0, r1
        bx      lr

@ count_kernighan(r0) -> r0: each x &= x - 1 clears the lowest set bit
count_kernighan:
        mov     r1, #0
1:      cmp     r0, #0
        moveq   r0, r1
        bxeq    lr
        sub     r2, r0, #1
        and     r0, r0, r2
        add     r1, r1, #1
        b       1b

@ count_parallel(r0) -> r0: SWAR sums of 2, 4, 8 bits, then a multiply
count_parallel:
        ldr     r1, =0x55555555
        and     r2, r1, r0, lsr #1
        sub     r0, r0, r2
        ldr     r1, =0x33333333
        and     r2, r1, r0, lsr #2
        and     r0, r0, r1
        add     r0, r0, r2
        add     r0, r0, r0, lsr #4
        ldr     r1, =0x0f0f0f0f
        and     r0, r0, r1
        ldr     r1, =0x01010101
        mul     r0, r0, r1
        lsr     r0, r0, #24
        bx      lr

@ count_scan(r0) -> r0: find the highest set bit with CLZ, clear it, repeat
count_scan:
        mov     r1, #0
        mov     r3, #0x80000000
1:      cmp     r0, #0
        moveq   r0, r1
        bxeq    lr
        clz     r2, r0
        bic     r0, r0, r3, lsr r2
        add     r1, r1, #1
        b       1b

@ print_hex(r0): "0x" and eight hex digits
print_hex:
        push    {r0-r5, r7, lr}
        mov     r4, r0
        mov     r0, #'0'
        bl      print_char
        mov     r0, #'x'
        bl      print_char
        mov     r5, #28
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #'a' - 10
        bl      print_char
        subs    r5, r5, #4
        bpl     1b
        pop     {r0-r5, r7, pc}

print_char:
        push    {r0-r2, r7, lr}
        sub     sp, sp, #8
        strb    r0, [sp]
        mov     r1, sp
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     sp, sp, #8
        pop     {r0-r2, r7, pc}

        .data
        .align  2
values: @ value, number of 1 bits
        .word   0, 0
        .word   1, 1
        .word   0xffffffff, 32
        .word   0x80000000, 1
        .word   0xf0f0f0f0, 16
        .word   0x12345678, 13
        .word   0xdeadbeef, 24
        .word   0x00ff00ff, 16
        .equ    VALUE_COUNT, (. - values) / 8
        .word   0, 0
