@ exclusive.s — LDREX/STREX (word, byte, halfword, doubleword) as a single-core atomic
@ increment, a STREX that fails after CLREX, and DMB. Exit 0 = all checks passed.

        .syntax unified
        .arch   armv7-a
        .data
        .align  3
counter: .word  40
        .align  3
pair:   .word   1, 2
small:  .byte   7, 0
        .align  1
half:   .hword  300
done_text: .asciz "exclusive ok\n"

        .text
        .global _start
_start:
        @ 1-2. atomic add of 2 to counter: strex reports 0 (it stored)
        ldr     r4, =counter
        mov     r6, #0
1:      ldrex   r0, [r4]
        add     r0, r0, #2
        strex   r5, r0, [r4]
        add     r6, r6, #1
        cmp     r5, #0
        bne     1b
        dmb     ish
        ldr     r0, [r4]
        mov     r1, #42
        bl      check
        mov     r0, r6
        mov     r1, #1
        bl      check
        @ 3. strex without a matching ldrex (after clrex) fails with 1 and stores nothing
        ldrex   r0, [r4]
        clrex
        mov     r0, #99
        strex   r5, r0, [r4]
        mov     r0, r5
        mov     r1, #1
        bl      check
        @ 4. ... and the word is unchanged
        ldr     r0, [r4]
        mov     r1, #42
        bl      check
        @ 5-6. byte and halfword exclusives
        ldr     r4, =small
        ldrexb  r0, [r4]
        add     r0, r0, #1
        strexb  r5, r0, [r4]
        ldrb    r0, [r4]
        mov     r1, #8
        bl      check
        ldr     r4, =half
        ldrexh  r0, [r4]
        add     r0, r0, #300
        strexh  r5, r0, [r4]
        ldrh    r0, [r4]
        mov     r1, #600
        bl      check
        @ 7-8. doubleword: swap the two words of pair
        ldr     r4, =pair
        ldrexd  r2, r3, [r4]
        mov     r0, r3
        mov     r1, r2
        strexd  r5, r0, r1, [r4]
        ldr     r0, [r4]
        mov     r1, #2
        bl      check
        mov     r0, r5
        mov     r1, #0
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg

@ check: r0 must equal r1; counts checks in checks_run and exits with the failing
@ check's number. Keeps every register but r12 (more than the AAPCS asks).
check:
        push    {r0, r1}
        ldr     r12, =checks_run
        ldr     r0, [r12]
        add     r0, r0, #1
        str     r0, [r12]
        pop     {r0, r1}
        cmp     r0, r1
        bxeq    lr
        ldr     r0, [r12]               @ the failed check's number
        mov     r7, #1
        svc     #0

@ print_hex(r0): 8 hex digits and a newline; keeps every register.
print_hex:
        push    {r0-r5, r7, lr}
        mov     r4, r0
        mov     r5, #28
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #'a' - 10
        bl      print_char
        subs    r5, r5, #4
        bpl     1b
        mov     r0, #'\n'
        bl      print_char
        pop     {r0-r5, r7, pc}

@ print_char(r0); keeps every register.
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

@ print_string(r1 = zero-terminated string); keeps every register.
print_string:
        push    {r0-r2, r7, lr}
        mov     r2, #0
1:      ldrb    r0, [r1, r2]
        cmp     r0, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
