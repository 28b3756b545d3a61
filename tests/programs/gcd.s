@ gcd.s — greatest common divisor three ways: Euclid by subtraction with
@ conditional execution (no branches inside the loop body), Euclid by remainder
@ with UDIV/MLS, and recursively. All three must agree with the table.

        .syntax unified
        .text
        .global _start
_start:
        adr     r8, pairs               @ the table sits in .text, so adr reaches it
        mov     r9, #1                  @ check number
next:
        ldmia   r8!, {r4, r5, r6}       @ a, b, expected
        cmp     r4, #0
        beq     done
        mov     r0, r4
        mov     r1, r5
        bl      gcd_subtract
        cmp     r0, r6
        bne     failed
        mov     r0, r4
        mov     r1, r5
        bl      gcd_remainder
        cmp     r0, r6
        bne     failed
        mov     r0, r4
        mov     r1, r5
        bl      gcd_recursive
        cmp     r0, r6
        bne     failed
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        add     r9, r9, #1
        b       next
failed:
        mov     r0, r9
        b       exit
done:
        mov     r0, #'\n'
        bl      print_char
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ gcd_subtract(r0, r1) -> r0; both must be > 0
gcd_subtract:
        cmp     r0, r1
        subgt   r0, r0, r1
        suble   r1, r1, r0
        bne     gcd_subtract
        bx      lr

@ gcd_remainder(r0, r1) -> r0
gcd_remainder:
        cmp     r1, #0
        bxeq    lr
        udiv    r2, r0, r1
        mls     r2, r2, r1, r0          @ r2 = r0 mod r1
        mov     r0, r1
        mov     r1, r2
        b       gcd_remainder

@ gcd_recursive(r0, r1) -> r0: gcd(a, 0) = a; gcd(a, b) = gcd(b, a mod b)
gcd_recursive:
        cmp     r1, #0
        bxeq    lr
        push    {r4, lr}                @ r4 only pads the frame to 8 bytes: sp
        udiv    r2, r0, r1              @ must stay a multiple of 8 at the bl
        mls     r2, r2, r1, r0
        mov     r0, r1
        mov     r1, r2
        bl      gcd_recursive
        pop     {r4, pc}

        .align  2
pairs:  @ a, b, gcd(a, b)
        .word   48, 18, 6
        .word   17, 5, 1
        .word   1071, 462, 21
        .word   100, 100, 100
        .word   270, 192, 6
        .word   1, 999, 1
        .word   123456, 7890, 6
        .word   0, 0, 0

print_unsigned:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
        mov     r3, #10
1:      udiv    r4, r0, r3
        mls     r12, r4, r3, r0
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r4
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

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

        .bss
digits: .space  12
digits_end:
