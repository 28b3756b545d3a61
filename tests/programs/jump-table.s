@ jump-table.s — dispatch through tables of addresses: `ldr pc, [pc, r0, lsl #2]`
@ with the table right after it, a .word table loaded with LDR + BLX, and
@ `add pc, pc, r0, lsl #2` into a row of branches. A little calculator.

        .syntax unified
        .text
        .global _start
_start:
        @ 1. operations by number: 0 add, 1 subtract, 2 multiply, 3 negate
        ldr     r8, =program            @ op, a, b, expected
        mov     r9, #1
step:
        ldr     r0, [r8], #4
        cmp     r0, #-1
        beq     second_part
        ldm     r8!, {r1, r2, r3}
        bl      calculate
        cmp     r0, r3
        movne   r0, r9
        bne     exit
        add     r9, r9, #1
        b       step

second_part:
        @ 2. call handlers through a table of function pointers (blx register)
        mov     r4, #0
1:      ldr     r1, =handlers
        ldr     r1, [r1, r4, lsl #2]
        blx     r1
        add     r4, r4, #1
        cmp     r4, #HANDLER_COUNT
        blo     1b

        @ 3. a switch by branching into a row of branches
        mov     r0, #2
        bl      switch
        cmp     r0, #30
        movne   r0, #20
        bne     exit
        mov     r0, #5                  @ out of range -> default
        bl      switch
        cmp     r0, #99
        movne   r0, #21
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ calculate(r0 = operation, r1 = a, r2 = b) -> r0
calculate:
        cmp     r0, #3
        movhi   r0, #0
        bxhi    lr
        ldr     pc, [pc, r0, lsl #2]    @ pc reads 8 ahead: the table below
        nop
        .word   op_add, op_subtract, op_multiply, op_negate
op_add:
        add     r0, r1, r2
        bx      lr
op_subtract:
        sub     r0, r1, r2
        bx      lr
op_multiply:
        mul     r0, r1, r2
        bx      lr
op_negate:
        rsb     r0, r1, #0
        bx      lr

@ switch(r0) -> r0: cases 0..3 give 10, 20, 30, 40; anything else 99
switch:
        cmp     r0, #4
        addlo   pc, pc, r0, lsl #2
        b       case_default
        b       case_0
        b       case_1
        b       case_2
        b       case_3
case_0: mov     r0, #10
        bx      lr
case_1: mov     r0, #20
        bx      lr
case_2: mov     r0, #30
        bx      lr
case_3: mov     r0, #40
        bx      lr
case_default:
        mov     r0, #99
        bx      lr

say_one:
        ldr     r1, =text_one
        b       say
say_two:
        ldr     r1, =text_two
        b       say
say_three:
        ldr     r1, =text_three
say:    push    {r7, lr}                @ r7 is callee-saved: keep the caller's
        mov     r0, #1
        mov     r2, #6
        mov     r7, #4
        svc     #0
        pop     {r7, pc}

        .section .rodata
        .align  2
handlers:
        .word   say_one, say_two, say_three
        .equ    HANDLER_COUNT, (. - handlers) / 4
text_one:   .ascii  "one  \n"
text_two:   .ascii  "two  \n"
text_three: .ascii  "three\n"
        .align  2
program:
        .word   0, 2, 3, 5
        .word   1, 10, 4, 6
        .word   2, 6, 7, 42
        .word   3, 9, 0, -9
        .word   1, 0, 1, -1
        .word   -1
