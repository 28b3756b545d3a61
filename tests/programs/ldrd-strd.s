@ ldrd-strd.s — doubleword loads and stores: LDRD/STRD with immediate and register
@ offsets, pre-indexed with writeback and post-indexed, a 64-bit add with carry over
@ pairs, and LDRSB/LDRSH/LDRH/STRH around them. Exit 0 = all checks passed.

        .syntax unified
        .data
        .align  3
pairs:  .word   0x89abcdef, 0x01234567, 0xffffffff, 0x00000001, 0x00000002, 0x80000000
out:    .space  32
bytes:  .byte   0x80, 0x7f, 0xff, 0x01
        .align  1
halves: .hword  0x8001, 0x7ffe
done_text: .asciz "ldrd/strd ok\n"

        .text
        .global _start
_start:
        ldr     r8, =pairs
        @ 1-2. ldrd with an immediate offset
        ldrd    r2, r3, [r8, #8]
        mov     r0, r2
        mvn     r1, #0
        bl      check
        mov     r0, r3
        mov     r1, #1
        bl      check
        @ 3-4. 64-bit add of pair 0 and pair 1: 0x0123456789abcdef + 0x1ffffffff
        ldrd    r4, r5, [r8]
        adds    r4, r4, r2
        adc     r5, r5, r3
        ldr     r1, =0x89abcdee
        mov     r0, r4
        bl      check
        ldr     r1, =0x01234569
        mov     r0, r5
        bl      check
        @ 5-6. strd pre-indexed with writeback, then read back as words
        ldr     r6, =out
        mov     r7, r6
        strd    r4, r5, [r7, #8]!
        sub     r0, r7, r6
        mov     r1, #8
        bl      check
        ldr     r0, [r6, #12]
        mov     r1, r5
        bl      check
        @ 7-8. strd post-indexed, register offset forms
        mov     r7, r6
        mov     r2, #16
        strd    r4, r5, [r7], r2
        sub     r0, r7, r6
        mov     r1, #16
        bl      check
        ldrd    r10, r11, [r6, r2]      @ out+16 was never written: zeros
        orr     r0, r10, r11
        mov     r1, #0
        bl      check
        @ 9. negative register offset
        add     r7, r6, #24
        mov     r2, #24
        ldrd    r10, r11, [r7, -r2]
        mov     r0, r10
        mov     r1, r4
        bl      check
        @ 10-12. signed and unsigned bytes and halfwords
        ldr     r7, =bytes
        ldrsb   r0, [r7]
        mvn     r1, #0x7f               @ -128
        bl      check
        ldrsb   r0, [r7, #1]
        mov     r1, #0x7f
        bl      check
        ldrb    r0, [r7, #2]
        mov     r1, #0xff
        bl      check
        @ 13-15. halfwords: ldrsh, ldrh, strh keeps only the low 16 bits
        ldr     r7, =halves
        ldrsh   r0, [r7]
        ldr     r1, =0xffff8001
        bl      check
        ldrh    r0, [r7, #2]
        ldr     r1, =0x7ffe
        bl      check
        ldr     r2, =0x12345678
        strh    r2, [r6, #2]!
        ldrh    r0, [r6]
        ldr     r1, =0x5678
        bl      check
        @ 16. the pair again, printed
        ldrd    r4, r5, [r8]
        mov     r0, r5
        bl      print_hex
        mov     r0, r4
        bl      print_hex
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
