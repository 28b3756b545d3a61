@ sieve.s — the sieve of Eratosthenes over a byte array in .bss: prints the
@ primes below 100 and checks there are 25 of them and that 97 is the last.

        .syntax unified
        .equ    LIMIT, 100

        .bss
composite:
        .space  LIMIT

        .text
        .global _start
_start:
        ldr     r4, =composite
        mov     r5, #2                  @ candidate
mark_outer:
        mul     r6, r5, r5
        cmp     r6, #LIMIT
        bhs     collect
        ldrb    r0, [r4, r5]
        cmp     r0, #0
        bne     next_candidate
        mov     r0, #1
mark_inner:
        strb    r0, [r4, r6]
        add     r6, r6, r5
        cmp     r6, #LIMIT
        blo     mark_inner
next_candidate:
        add     r5, r5, #1
        b       mark_outer

collect:
        mov     r5, #2
        mov     r8, #0                  @ how many primes
        mov     r9, #0                  @ the last prime
print_loop:
        ldrb    r0, [r4, r5]
        cmp     r0, #0
        bne     1f
        add     r8, r8, #1
        mov     r9, r5
        mov     r0, r5
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
1:      add     r5, r5, #1
        cmp     r5, #LIMIT
        blo     print_loop
        mov     r0, #'\n'
        bl      print_char

        cmp     r8, #25
        movne   r0, #1
        bne     exit
        cmp     r9, #97
        movne   r0, #2
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

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
