@ flags-arithmetic.s — NZCV after ADDS, SUBS, ADCS, SBCS, RSBS, RSCS, CMP, CMN,
@ ANDS, TEQ and MULS for edge-case operand pairs, each with the carry first
@ clear and then set. One line per case: "adds 7fffffff 00000001 c0 -> 80000000 NzcV".
@ The output is the check: it must match qemu-arm's line for line.

        .syntax unified
        .equ    OPERATION_COUNT, 11
        .text
        .global _start
_start:
        mov     r10, #0                 @ operation
operation_loop:
        mov     r8, #0                  @ operand pair
pair_loop:
        mov     r11, #0                 @ carry in
carry_loop:
        ldr     r0, =pairs
        add     r0, r0, r8, lsl #3
        ldrd    r4, r5, [r0]
        lsl     r6, r11, #29
        msr     APSR_nzcvq, r6
        mov     r0, #0
        add     pc, pc, r10, lsl #3
        nop
        adds    r0, r4, r5
        b       1f
        subs    r0, r4, r5
        b       1f
        adcs    r0, r4, r5
        b       1f
        sbcs    r0, r4, r5
        b       1f
        rsbs    r0, r4, r5
        b       1f
        rscs    r0, r4, r5
        b       1f
        cmp     r4, r5
        b       1f
        cmn     r4, r5
        b       1f
        ands    r0, r4, r5, lsl #1      @ the shifter's carry-out lands in C
        b       1f
        teq     r4, r5
        b       1f
        muls    r0, r4, r5              @ N and Z only; C and V kept
        b       1f
1:      mrs     r6, APSR
        ldr     r1, =names
        add     r1, r1, r10, lsl #2
        bl      print_line
        add     r11, r11, #1
        cmp     r11, #2
        blo     carry_loop
        add     r8, r8, #1
        cmp     r8, #PAIR_COUNT
        blo     pair_loop
        add     r10, r10, #1
        cmp     r10, #OPERATION_COUNT
        blo     operation_loop
        mov     r0, #0
        mov     r7, #1
        svc     #0

@ print_line(r0 = result, r1 = 4-letter name, r4, r5 = operands, r6 = flags, r11 = carry in)
@ reads r4-r6 and r11 without changing them; r7 (the syscall number) is saved.
print_line:
        push    {r7, lr}
        mov     r12, r0
        ldr     r0, =line_buffer
        ldr     r2, [r1]
        str     r2, [r0], #4
        mov     r2, #' '
        strb    r2, [r0], #1
        mov     r1, r4
        bl      put_hex
        mov     r2, #' '
        strb    r2, [r0], #1
        mov     r1, r5
        bl      put_hex
        mov     r2, #' '
        strb    r2, [r0], #1
        mov     r2, #'c'
        strb    r2, [r0], #1
        add     r2, r11, #'0'
        strb    r2, [r0], #1
        adr     r1, arrow
        mov     r3, #4                  @ byte by byte: the line is not word-aligned here
3:      ldrb    r2, [r1], #1
        strb    r2, [r0], #1
        subs    r3, r3, #1
        bne     3b
        mov     r1, r12
        bl      put_hex
        mov     r2, #' '
        strb    r2, [r0], #1
        adr     r1, flag_letters
        mov     r3, #31
2:      ldrb    r2, [r1], #1
        lsr     r12, r6, r3
        tst     r12, #1
        subne   r2, r2, #'a' - 'A'
        strb    r2, [r0], #1
        sub     r3, r3, #1
        cmp     r3, #28
        bhs     2b
        mov     r2, #'\n'
        strb    r2, [r0], #1
        ldr     r1, =line_buffer
        sub     r2, r0, r1
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r7, pc}

arrow:  .ascii  " -> "
flag_letters:
        .ascii  "nzcv"

@ put_hex(r0 = write pointer, r1 = value) -> r0 advanced by 8
put_hex:
        push    {r3, r4}
        mov     r3, #28
1:      lsr     r4, r1, r3
        and     r4, r4, #15
        cmp     r4, #10
        addlo   r4, r4, #'0'
        addhs   r4, r4, #'a' - 10
        strb    r4, [r0], #1
        subs    r3, r3, #4
        bpl     1b
        pop     {r3, r4}
        bx      lr

        .section .rodata
        .align  3
pairs:
        .word   0, 0
        .word   1, 1
        .word   0x7fffffff, 1
        .word   0x80000000, 1
        .word   0xffffffff, 1
        .word   0, 1
        .word   0x80000000, 0x80000000
        .word   0x7fffffff, 0xffffffff
        .word   0x12345678, 0x87654321
        .word   0xffffffff, 0xffffffff
        .equ    PAIR_COUNT, (. - pairs) / 8
names:
        .ascii  "addssubsadcssbcsrsbsrscscmp cmn andsteq muls"

        .bss
line_buffer:
        .space  64
