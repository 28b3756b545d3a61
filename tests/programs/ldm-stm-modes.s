@ ldm-stm-modes.s — the four block transfer modes (IA, IB, DA, DB) with and without
@ writeback, PUSH/POP as STMDB/LDMIA on sp, a register list with gaps, and a return
@ by LDM into pc. Exit 0 = all checks passed.

        .syntax unified
        .data
        .align  2
area:   .space  64
done_text: .asciz "ldm/stm ok\n"

        .text
        .global _start
_start:
        ldr     r8, =area
        add     r8, r8, #32             @ the middle of the area
        mov     r1, #11
        mov     r2, #22
        mov     r3, #33
        @ 1-3. stmia with writeback: stored at r8, r8+4, r8+8; base moves up 12
        mov     r6, r8
        stmia   r6!, {r1-r3}
        sub     r0, r6, r8
        mov     r1, #12
        bl      check
        ldr     r0, [r8]
        mov     r1, #11
        bl      check
        ldr     r0, [r8, #8]
        mov     r1, #33
        bl      check
        @ 4-5. stmib: first word at base + 4 (no writeback)
        mov     r1, #11
        stmib   r8, {r1-r3}
        ldr     r0, [r8, #4]
        mov     r1, #11
        bl      check
        ldr     r0, [r8, #12]
        mov     r1, #33
        bl      check
        @ 6-7. stmda: last register at the base, going down
        mov     r1, #11
        stmda   r8, {r1-r3}
        ldr     r0, [r8]
        mov     r1, #33
        bl      check
        ldr     r0, [r8, #-8]
        mov     r1, #11
        bl      check
        @ 8-9. stmdb with writeback: below the base, base moves down 12
        mov     r6, r8
        mov     r1, #11
        stmdb   r6!, {r1-r3}
        sub     r0, r8, r6
        mov     r1, #12
        bl      check
        ldr     r0, [r8, #-4]
        mov     r1, #33
        bl      check
        @ 10-12. ldm in each mode reads back what the matching stm wrote
        mov     r1, #11
        stmia   r8, {r1-r3}
        ldmia   r8, {r4, r5, r7}
        add     r0, r4, r7
        mov     r1, #44
        bl      check
        ldmib   r8, {r4, r5}            @ r8+4, r8+8
        add     r0, r4, r5
        mov     r1, #55
        bl      check
        add     r6, r8, #8
        ldmda   r6!, {r4, r5}           @ r6-4, r6; r6 moves down 8
        sub     r0, r6, r8
        mov     r1, #0
        bl      check
        @ 13. ldmdb with writeback
        add     r6, r8, #12
        ldmdb   r6!, {r3, r4, r5}
        add     r0, r3, r5
        add     r0, r0, r6
        sub     r0, r0, r8
        mov     r1, #44
        bl      check
        @ 14-15. a list with gaps keeps the order of register numbers
        mov     r0, #1
        mov     r2, #2
        mov     r4, #4
        mov     r10, #10
        stmia   r8, {r0, r2, r4, r10}
        ldr     r0, [r8, #12]
        mov     r1, #10
        bl      check
        ldr     r0, [r8, #4]
        mov     r1, #2
        bl      check
        @ 16-17. push/pop are stmdb sp!/ldmia sp!
        mov     r5, sp
        mov     r1, #7
        mov     r2, #8
        push    {r1, r2}
        ldr     r0, [sp, #4]
        mov     r1, #8
        bl      check
        pop     {r3, r4}
        sub     r0, r5, sp
        mov     r1, #0
        bl      check
        @ 18. a function returning with ldmfd sp!, {..., pc}
        mov     r0, #5
        bl      triple
        mov     r1, #15
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0

triple:
        stmfd   sp!, {r4, lr}
        add     r4, r0, r0
        add     r0, r4, r0
        ldmfd   sp!, {r4, pc}
        .ltorg

        .include "lib/checks.inc"
