@ loops.s — counting loops three ways: a sum 1..100 counting up, a countdown with
@ the flags set by SUBS, and nested loops filling a multiplication table.
@ Prints the results; exit status 0 when every check passes, else the check number.

        .syntax unified
        .text
        .global _start
_start:
        @ 1. sum = 1 + 2 + ... + 100, counting up with cmp/ble
        mov     r0, #0
        mov     r1, #1
sum_loop:
        add     r0, r0, r1
        add     r1, r1, #1
        cmp     r1, #100
        ble     sum_loop
        ldr     r2, =5050
        cmp     r0, r2
        movne   r0, #1
        bne     fail
        bl      print_unsigned
        bl      print_newline

        @ 2. countdown 10..1, the loop ends when SUBS sets Z
        mov     r4, #10
        mov     r5, #0                  @ number of iterations
countdown:
        mov     r0, r4
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        add     r5, r5, #1
        subs    r4, r4, #1
        bne     countdown
        bl      print_newline
        cmp     r5, #10
        movne   r0, #2
        bne     fail

        @ 3. nested loops: table[i][j] = (i + 1) * (j + 1) for a 9x9 table
        ldr     r6, =table
        mov     r4, #0                  @ i
outer:
        mov     r5, #0                  @ j
inner:
        add     r0, r4, #1
        add     r1, r5, #1
        mul     r2, r0, r1
        strb    r2, [r6], #1
        add     r5, r5, #1
        cmp     r5, #9
        blt     inner
        add     r4, r4, #1
        cmp     r4, #9
        blt     outer

        @ the table must hold 7 * 8 = 56 at row 6, column 7, and sum to 45 * 45 = 2025
        ldr     r6, =table
        ldrb    r0, [r6, #(6 * 9 + 7)]
        cmp     r0, #56
        movne   r0, #3
        bne     fail
        mov     r0, #0
        mov     r1, #81
1:      ldrb    r2, [r6], #1
        add     r0, r0, r2
        subs    r1, r1, #1
        bgt     1b
        ldr     r1, =2025
        cmp     r0, r1
        movne   r0, #4
        bne     fail
        bl      print_unsigned
        bl      print_newline

        mov     r0, #0
fail:
        mov     r7, #1
        svc     #0

@ print_unsigned(r0): writes r0 in decimal. Keeps every register.
print_unsigned:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0                  @ digit count
        mov     r3, #10
1:      udiv    r4, r0, r3              @ r4 = r0 / 10
        mls     r12, r4, r3, r0         @ r12 = r0 - r4 * 10
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r4
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

@ print_char(r0): writes one character. Keeps every register.
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

print_newline:
        push    {r0, lr}
        mov     r0, #'\n'
        bl      print_char
        pop     {r0, pc}

        .bss
table:  .space  81
digits: .space  12
digits_end:
