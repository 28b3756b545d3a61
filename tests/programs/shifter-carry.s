@ shifter-carry.s — the barrel shifter's result and carry-out for every shift
@ kind, by register (amounts 0, 1, 2, 31, 32, 33, 255, 256) and by immediate,
@ with the carry flag first clear and then set. Each line prints the shift,
@ the value, the amount, the carry in, the result and NZCV (upper case = set).
@ The output is the check: it must match qemu-arm's line for line.

        .syntax unified
        .text
        .global _start
_start:
        @ shifts by register: kind (r10) x value (r8) x amount (r9) x carry in (r11)
        mov     r10, #0
kind_loop:
        mov     r8, #0
value_loop:
        mov     r9, #0
amount_loop:
        mov     r11, #0
carry_loop:
        ldr     r0, =values
        ldr     r4, [r0, r8, lsl #2]
        ldr     r0, =amounts
        ldr     r5, [r0, r9, lsl #2]
        lsl     r6, r11, #29            @ C is bit 29
        msr     APSR_nzcvq, r6
        add     pc, pc, r10, lsl #3     @ two instructions per kind
        nop
        movs    r0, r4, lsl r5
        b       1f
        movs    r0, r4, lsr r5
        b       1f
        movs    r0, r4, asr r5
        b       1f
        movs    r0, r4, ror r5
        b       1f
1:      mrs     r6, APSR
        ldr     r1, =kind_names
        add     r1, r1, r10, lsl #2
        bl      print_line
        add     r11, r11, #1
        cmp     r11, #2
        blo     carry_loop
        add     r9, r9, #1
        cmp     r9, #AMOUNT_COUNT
        blo     amount_loop
        add     r8, r8, #1
        cmp     r8, #VALUE_COUNT
        blo     value_loop
        add     r10, r10, #1
        cmp     r10, #4
        blo     kind_loop

        @ shifts by immediate: nine forms x value x carry in
        mov     r10, #0
immediate_loop:
        mov     r8, #0
immediate_value_loop:
        mov     r11, #0
immediate_carry_loop:
        ldr     r0, =values
        ldr     r4, [r0, r8, lsl #2]
        ldr     r0, =immediate_amounts
        ldr     r5, [r0, r10, lsl #2]
        lsl     r6, r11, #29
        msr     APSR_nzcvq, r6
        add     pc, pc, r10, lsl #3
        nop
        lsls    r0, r4, #1
        b       2f
        lsls    r0, r4, #31
        b       2f
        lsrs    r0, r4, #1
        b       2f
        lsrs    r0, r4, #32
        b       2f
        asrs    r0, r4, #1
        b       2f
        asrs    r0, r4, #32
        b       2f
        rors    r0, r4, #1
        b       2f
        rors    r0, r4, #31
        b       2f
        rrxs    r0, r4
        b       2f
2:      mrs     r6, APSR
        ldr     r1, =immediate_names
        add     r1, r1, r10, lsl #2
        bl      print_line
        add     r11, r11, #1
        cmp     r11, #2
        blo     immediate_carry_loop
        add     r8, r8, #1
        cmp     r8, #VALUE_COUNT
        blo     immediate_value_loop
        add     r10, r10, #1
        cmp     r10, #9
        blo     immediate_loop

        mov     r0, #0
        mov     r7, #1
        svc     #0

@ print_line(r0 = result, r1 = 3-letter name, r4 = value, r5 = amount,
@            r6 = flags word, r11 = carry in): "lsl 80000001 020 c0 -> 00000002 nZCv"
@ Six registers keep sp a multiple of 8 at the calls; r7 is callee-saved.
print_line:
        push    {r0, r4-r7, lr}
        mov     r4, r0
        ldr     r0, =line_buffer
        ldrb    r2, [r1]
        strb    r2, [r0], #1
        ldrb    r2, [r1, #1]
        strb    r2, [r0], #1
        ldrb    r2, [r1, #2]
        strb    r2, [r0], #1
        mov     r2, #' '
        strb    r2, [r0], #1
        ldr     r1, [sp, #4]            @ the value
        mov     r2, #8
        bl      put_hex
        mov     r2, #' '
        strb    r2, [r0], #1
        mov     r1, r5
        mov     r2, #3
        bl      put_hex
        ldr     r2, =(' ' | ('c' << 8))
        strh    r2, [r0], #2
        add     r2, r11, #'0'
        strb    r2, [r0], #1
        ldr     r2, =(' ' | ('-' << 8) | ('>' << 16) | (' ' << 24))
        mov     r3, #4                  @ byte by byte, lowest first: the line is
4:      strb    r2, [r0], #1            @ not word-aligned here
        lsr     r2, r2, #8
        subs    r3, r3, #1
        bne     4b
        mov     r1, r4
        mov     r2, #8
        bl      put_hex
        mov     r2, #' '
        strb    r2, [r0], #1
        ldr     r1, =flag_letters
        mov     r3, #31                 @ N is bit 31, then Z, C, V
3:      ldrb    r2, [r1], #1
        lsr     r12, r6, r3
        tst     r12, #1
        subne   r2, r2, #'a' - 'A'
        strb    r2, [r0], #1
        sub     r3, r3, #1
        cmp     r3, #28
        bhs     3b
        mov     r2, #'\n'
        strb    r2, [r0], #1
        ldr     r1, =line_buffer
        sub     r2, r0, r1
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0, r4-r7, pc}

@ put_hex(r0 = write pointer, r1 = value, r2 = digits) -> r0 advanced
put_hex:
        push    {r3, r4}
        sub     r3, r2, #1
        lsl     r3, r3, #2              @ shift for the first digit
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
        .align  2
values:
        .word   0x80000001, 0x40000000, 0xffffffff, 0x00000001, 0
        .equ    VALUE_COUNT, (. - values) / 4
amounts:
        .word   0, 1, 2, 31, 32, 33, 255, 256
        .equ    AMOUNT_COUNT, (. - amounts) / 4
immediate_amounts:
        .word   1, 31, 1, 32, 1, 32, 1, 31, 0
kind_names:
        .ascii  "lsl lsr asr ror "
immediate_names:
        .ascii  "lsl lsl lsr lsr asr asr ror ror rrx "
flag_letters:
        .ascii  "nzcv"

        .bss
line_buffer:
        .space  64
