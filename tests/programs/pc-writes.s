@ pc-writes.s — every way an instruction can change the program counter:
@ B/BL, BX and BLX to registers, MOV PC, ADD PC (PC reads 8 ahead), LDR PC,
@ POP {PC}, LDM with PC, and SUB PC for a computed return. Each path adds
@ its bit to r9; the program prints r9 and exits 0 when all bits are set.

        .syntax unified
        .text
        .global _start
_start:
        mov     r9, #0
        bl      set_bit_0               @ BL, returns with BX LR
        ldr     r0, =set_bit_1
        blx     r0                      @ BLX register
        adr     lr, after_mov
        b       set_bit_2               @ returns with MOV PC, LR
after_mov:
        add     r0, pc, #4              @ r0 = this address + 8 + 4
        mov     lr, r0
        b       set_bit_3               @ returns with LDR PC from the stack
        nop
        bl      set_bit_4               @ lands here: POP {PC}
        bl      set_bit_5               @ LDMFD SP!, {R4, PC}
        mov     r0, #1
        add     pc, pc, r0, lsl #2      @ pc reads 8 ahead, + 4: skips two instructions
        orr     r9, r9, #0x8000         @ skipped
        orr     r9, r9, #0x8000         @ skipped
        orr     r9, r9, #1 << 6
        ldr     pc, =after_ldr_pc       @ LDR PC from a literal
        orr     r9, r9, #0x8000         @ skipped
after_ldr_pc:
        orr     r9, r9, #1 << 7
        bl      set_bit_8               @ SUB PC, LR, #0 style return
        adr     r0, table
        ldr     pc, [r0, #4]            @ the second entry of a table
        orr     r9, r9, #0x8000
table:  .word   0, after_table
after_table:
        orr     r9, r9, #1 << 9

        @ print r9 in hex and check it is 0x3ff
        mov     r0, r9
        bl      print_hex
        ldr     r1, =0x3ff
        cmp     r9, r1
        moveq   r0, #0
        movne   r0, #1
        mov     r7, #1
        svc     #0

set_bit_0:
        orr     r9, r9, #1 << 0
        bx      lr
set_bit_1:
        orr     r9, r9, #1 << 1
        bx      lr
set_bit_2:
        orr     r9, r9, #1 << 2
        mov     pc, lr
set_bit_3:
        orr     r9, r9, #1 << 3
        str     lr, [sp, #-4]!
        ldr     pc, [sp], #4
set_bit_4:
        push    {lr}
        orr     r9, r9, #1 << 4
        pop     {pc}
set_bit_5:
        stmfd   sp!, {r4, lr}
        orr     r9, r9, #1 << 5
        ldmfd   sp!, {r4, pc}
set_bit_8:
        orr     r9, r9, #1 << 8
        sub     pc, lr, #0

print_hex:
        push    {r4-r5, r7, lr}
        mov     r4, r0
        ldr     r1, =hex_buffer
        mov     r5, #28
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #'a' - 10
        strb    r0, [r1], #1
        subs    r5, r5, #4
        bpl     1b
        mov     r0, #'\n'
        strb    r0, [r1]
        mov     r0, #1
        ldr     r1, =hex_buffer
        mov     r2, #9
        mov     r7, #4
        svc     #0
        pop     {r4-r5, r7, pc}

        .bss
hex_buffer:
        .space  12
