@ byte-halfword.s — loads and stores of every width: LDRB/LDRSB, LDRH/LDRSH,
@ STRB/STRH, LDRD/STRD, with offset, pre-indexed and post-indexed addressing,
@ register offsets and little-endian byte order. Prints the checks as they pass.

        .syntax unified
        .data
        .align  3
bytes:      .byte   0x12, 0x80, 0xff, 0x7f, 0x01, 0xfe, 0x00, 0x40
halves:     .hword  0x1234, 0x8000, 0xffff, 0x7fff
        .align  3
pair:       .word   0x11111111, 0x22222222
scratch:    .space  16
dot:        .ascii  "."

        .text
        .global _start
_start:
        ldr     r4, =bytes
        @ 1-2. unsigned and signed bytes
        ldrb    r0, [r4, #1]
        mov     r1, #0x80
        bl      check
        ldrsb   r0, [r4, #1]
        mvn     r1, #0x7f               @ 0xffffff80
        bl      check
        @ 3-4. register offset, and a negative register offset
        mov     r2, #2
        ldrsb   r0, [r4, r2]
        mvn     r1, #0                  @ -1
        bl      check
        add     r5, r4, #4
        mov     r2, #1
        ldrb    r0, [r5, -r2]
        mov     r1, #0x7f
        bl      check
        @ 5. a word read from the byte array is little-endian
        ldr     r0, [r4]
        ldr     r1, =0x7fff8012
        bl      check
        @ 6-8. halfwords: unsigned, signed, signed positive
        ldr     r4, =halves
        ldrh    r0, [r4, #2]
        mov     r1, #0x8000
        bl      check
        ldrsh   r0, [r4, #2]
        ldr     r1, =0xffff8000
        bl      check
        ldrsh   r0, [r4, #6]
        movw    r1, #0x7fff
        bl      check
        @ 9-10. post-indexed walk over the halfwords: sum = 0x1234+0x8000+0xffff+0x7fff
        mov     r2, #4
        mov     r0, #0
1:      ldrh    r3, [r4], #2
        add     r0, r0, r3
        subs    r2, r2, #1
        bne     1b
        ldr     r1, =0x1234 + 0x8000 + 0xffff + 0x7fff
        bl      check
        ldr     r0, =halves + 8         @ r4 moved past the array
        mov     r1, r4
        bl      check
        @ 11-12. byte and halfword stores, pre-indexed with writeback
        ldr     r5, =scratch
        mov     r6, r5
        mov     r0, #0xab
        strb    r0, [r6, #1]!
        movw    r0, #0xcdef
        strh    r0, [r6, #1]!
        ldr     r0, [r5]
        ldr     r1, =0xcdefab00
        bl      check
        add     r1, r5, #2
        mov     r0, r6
        bl      check
        @ 13-14. doubleword load and store
        ldr     r4, =pair
        ldrd    r2, r3, [r4]
        mov     r0, r2
        ldr     r1, =0x11111111
        bl      check
        strd    r2, r3, [r5, #8]
        ldr     r0, [r5, #12]
        ldr     r1, =0x22222222
        bl      check
        @ 15. strh/ldrh with a register offset
        mov     r2, #6
        mov     r0, #0x5a00
        strh    r0, [r5, r2]
        ldrsh   r0, [r5, r2]
        mov     r1, #0x5a00
        bl      check
        mov     r0, #'\n'
        ldr     r1, =dot
        strb    r0, [r1]
        bl      print_dot
        mov     r0, #0
        mov     r7, #1
        svc     #0

@ check(r0 = actual, r1 = expected): prints a dot, or exits with the check number;
@ counts checks in checks_run. Keeps every register but r12 (more than the AAPCS asks).
check:
        push    {r0, r1}
        ldr     r12, =checks_run
        ldr     r0, [r12]
        add     r0, r0, #1
        str     r0, [r12]
        pop     {r0, r1}
        cmp     r0, r1
        ldrne   r0, [r12]               @ the failed check's number
        movne   r7, #1
        svcne   #0
print_dot:
        push    {r0-r2, r7, lr}
        mov     r0, #1
        ldr     r1, =dot
        mov     r2, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
