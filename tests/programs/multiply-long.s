@ multiply-long.s — 64-bit results: UMULL, SMULL, UMLAL, SMLAL, plus MLA/MLS,
@ SDIV/UDIV with negative numbers, and a 64-bit sum of squares.
@ Prints the 64-bit result of 0xffffffff * 0xffffffff in hex.

        .syntax unified
        .text
        .global _start
_start:
        @ 1-2. 0xffffffff * 0xffffffff = 0xfffffffe_00000001
        mvn     r0, #0
        umull   r2, r3, r0, r0
        mov     r0, r2
        mov     r1, #1
        bl      check
        mov     r0, r3
        mvn     r1, #1
        bl      check
        @ 3-4. signed: -1 * -1 = 1 (high word 0)
        mvn     r0, #0
        smull   r2, r3, r0, r0
        mov     r0, r2
        mov     r1, #1
        bl      check
        mov     r0, r3
        mov     r1, #0
        bl      check
        @ 5-6. signed: -3 * 0x40000000 = 0xffffffff_40000000
        mvn     r0, #2
        mov     r1, #0x40000000
        smull   r4, r5, r0, r1
        mov     r0, r4
        mov     r1, #0x40000000
        bl      check
        mov     r0, r5
        mvn     r1, #0
        bl      check
        @ 7-8. accumulate: sum of i*i*65536 for i = 1..1000 needs 64 bits
        mov     r4, #0                  @ low
        mov     r5, #0                  @ high
        mov     r6, #1
        mov     r8, #0x10000
1:      mul     r7, r6, r8              @ i * 65536
        umlal   r4, r5, r7, r6          @ += i * i * 65536
        add     r6, r6, #1
        cmp     r6, #1000
        bls     1b
        @ 333833500 * 65536 = 0x00004dbb_b41c0000 ... check both words
        mov     r0, r4
        ldr     r1, =(333833500 << 16) & 0xffffffff
        bl      check
        mov     r0, r5
        ldr     r1, =333833500 >> 16
        bl      check
        @ 9-10. smlal with negatives: 0 + (-2) * 5 + 100 = 90 over the pair (100, 0)
        mov     r4, #100
        mov     r5, #0
        mvn     r0, #1
        mov     r1, #5
        smlal   r4, r5, r0, r1
        mov     r0, r4
        mov     r1, #90
        bl      check
        mov     r0, r5
        mov     r1, #0
        bl      check
        @ 11-12. mla and mls
        mov     r0, #7
        mov     r1, #6
        mov     r2, #100
        mla     r3, r0, r1, r2          @ 142
        mov     r0, r3
        mov     r1, #142
        bl      check
        mov     r0, #7
        mov     r1, #6
        mls     r3, r0, r1, r2          @ 58
        mov     r0, r3
        mov     r1, #58
        bl      check
        @ 13-15. division rounds towards zero; division by zero gives 0
        mvn     r0, #6                  @ -7
        mov     r1, #2
        sdiv    r0, r0, r1
        mvn     r1, #2                  @ -3
        bl      check
        mvn     r0, #6
        mov     r1, #2
        udiv    r0, r0, r1              @ 0xfffffff9 / 2 = 0x7ffffffc
        ldr     r1, =0x7ffffffc
        bl      check
        mov     r0, #5
        mov     r1, #0
        udiv    r0, r0, r1
        bl      check

        mvn     r0, #0
        umull   r4, r5, r0, r0
        mov     r0, r5
        bl      print_hex
        mov     r0, r4
        bl      print_hex
        mov     r0, #'\n'
        bl      print_char
        mov     r0, #0
        mov     r7, #1
        svc     #0

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

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
