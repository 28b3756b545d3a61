@ factorial.s — recursive factorial with push/pop keeping the stack balanced.
@ Checks 0! .. 12! against a table and prints each "n! = value".

        .syntax unified
        .text
        .global _start
_start:
        mov     r4, #0                  @ n
        ldr     r5, =expected
next:
        mov     r0, r4
        bl      print_unsigned
        ldr     r0, =equals_text
        bl      print_string
        mov     r0, r4
        bl      factorial
        bl      print_unsigned
        bl      print_newline
        ldr     r1, [r5], #4
        cmp     r0, r1
        addne   r0, r4, #1              @ check n + 1 failed
        bne     exit
        add     r4, r4, #1
        cmp     r4, #12
        bls     next
        @ the stack pointer must be back where it started
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ factorial(r0 = n) -> r0 = n!, recursively: n! = n * (n - 1)!
factorial:
        cmp     r0, #1
        movls   r0, #1
        bxls    lr
        push    {r4, lr}
        mov     r4, r0
        sub     r0, r0, #1
        bl      factorial
        mul     r0, r4, r0
        pop     {r4, pc}

@ print_unsigned(r0): decimal, keeps every register
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

@ print_string(r0 = zero-terminated string), keeps every register
print_string:
        push    {r0-r2, r7, lr}
        mov     r1, r0
        mov     r2, #0
1:      ldrb    r12, [r1, r2]
        cmp     r12, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

print_newline:
        push    {r0, lr}
        ldr     r0, =newline_text
        bl      print_string
        pop     {r0, pc}

        .section .rodata
        .align  2
expected:
        .word   1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880
        .word   3628800, 39916800, 479001600
equals_text:
        .asciz  "! = "
newline_text:
        .asciz  "\n"

        .bss
digits: .skip   12
digits_end:
