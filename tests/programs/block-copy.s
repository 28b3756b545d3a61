@ block-copy.s — copy memory with LDM/STM: eight words at a time with IA and
@ writeback, backwards with DB, plus the stack forms (STMFD/LDMFD = push/pop)
@ and IB/DA addressing. Checks every copy; prints the copied text.

        .syntax unified
        .data
        .align  2
source:
        .ascii  "Block copies move eight registers at a time with LDM and STM!!!\n"
        .ascii  "Sixty-four bytes a line, so two lines are 128 bytes. Copy them.\n"
        .equ    SOURCE_SIZE, . - source
        .if     SOURCE_SIZE % 32
        .error  "the copy loop needs a multiple of 32 bytes"
        .endif
        .align  2
destination:
        .space  SOURCE_SIZE
        .align  2
backwards:
        .space  SOURCE_SIZE
        .align  2
small:  .word   1, 2, 3, 4
small_copy:
        .space  16

        .text
        .global _start
_start:
        @ 1. forward copy, 32 bytes per iteration (8 registers)
        ldr     r0, =source
        ldr     r1, =destination
        mov     r2, #SOURCE_SIZE / 32
forward:
        ldmia   r0!, {r3-r10}
        stmia   r1!, {r3-r10}
        subs    r2, r2, #1
        bne     forward
        ldr     r0, =source
        ldr     r1, =destination
        mov     r2, #SOURCE_SIZE
        bl      compare
        cmp     r0, #0
        movne   r0, #1
        bne     exit

        @ 2. backward copy with LDMDB/STMDB from the ends
        ldr     r0, =source + SOURCE_SIZE
        ldr     r1, =backwards + SOURCE_SIZE
        mov     r2, #SOURCE_SIZE / 16
1:      ldmdb   r0!, {r3, r4, r5, r6}
        stmdb   r1!, {r3, r4, r5, r6}
        subs    r2, #1
        bne     1b
        ldr     r0, =source
        ldr     r1, =backwards
        mov     r2, #SOURCE_SIZE
        bl      compare
        cmp     r0, #0
        movne   r0, #2
        bne     exit

        @ 3. IB and DA: copy 4 words with pre-increment then read back post-decrement
        ldr     r0, =small - 4
        ldmib   r0, {r3-r6}             @ 1, 2, 3, 4
        ldr     r1, =small_copy + 12
        stmda   r1, {r3-r6}             @ stores r3 at small_copy, ..., r6 at +12
        ldr     r0, =small_copy
        ldr     r1, =small
        mov     r2, #16
        bl      compare
        cmp     r0, #0
        movne   r0, #3
        bne     exit

        @ 4. stack forms: stmfd/ldmfd and push/pop keep sp balanced
        mov     r11, sp
        mov     r3, #3
        mov     r4, #4
        stmfd   sp!, {r3, r4}
        push    {r3}
        pop     {r5}
        ldmfd   sp!, {r6, r7}
        add     r0, r5, r6
        add     r0, r0, r7              @ 3 + 3 + 4
        cmp     r0, #10
        movne   r0, #4
        bne     exit
        cmp     sp, r11
        movne   r0, #5
        bne     exit

        mov     r0, #1
        ldr     r1, =destination
        mov     r2, #SOURCE_SIZE
        mov     r7, #4
        svc     #0
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ compare(r0, r1, r2 = length) -> r0 = 0 when equal
compare:
        ldrb    r3, [r0], #1
        ldrb    r12, [r1], #1
        subs    r3, r3, r12
        movne   r0, r3
        bxne    lr
        subs    r2, r2, #1
        bne     compare
        mov     r0, #0
        bx      lr
