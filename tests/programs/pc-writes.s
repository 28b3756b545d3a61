@ pc-writes.s — every way an instruction can change the program counter:
@ B/BL, BX and BLX to registers, MOV PC, ADD PC (PC reads 8 ahead), LDR PC,
@ POP {PC}, LDM with PC, and SUB PC for a computed return. Each path sets
@ its bit: the paths in _start in r9, the functions (which must keep r4-r11,
@ as the AAPCS asks) in the word `bits`. The program prints both together
@ and exits 0 when all ten bits are set.

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

        @ print the bits in hex and check they are 0x3ff
        ldr     r0, =bits
        ldr     r0, [r0]
        orr     r9, r9, r0
        mov     r0, r9
        bl      print_hex
        ldr     r1, =0x3ff
        cmp     r9, r1
        moveq   r0, #0
        movne   r0, #1
        mov     r7, #1
        svc     #0

@ set_bit_N: bits |= 1 << N, each returning its own way; they change only r0-r2.
set_bit_0:
        mov     r0, #1 << 0
        b       set_bits                @ a tail call: set_bits returns to our caller
set_bit_1:
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, #1 << 1
        str     r2, [r1]
        bx      lr
set_bit_2:
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, #1 << 2
        str     r2, [r1]
        mov     pc, lr
set_bit_3:
        str     lr, [sp, #-4]!
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, #1 << 3
        str     r2, [r1]
        ldr     pc, [sp], #4
set_bit_4:
        push    {lr}
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, #1 << 4
        str     r2, [r1]
        pop     {pc}
set_bit_5:
        stmfd   sp!, {r4, lr}
        ldr     r4, =bits               @ r4 is free to use: it is restored below
        ldr     r2, [r4]
        orr     r2, r2, #1 << 5
        str     r2, [r4]
        ldmfd   sp!, {r4, pc}
set_bit_8:
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, #1 << 8
        str     r2, [r1]
        sub     pc, lr, #0

@ set_bits(r0 = mask): bits |= mask
set_bits:
        ldr     r1, =bits
        ldr     r2, [r1]
        orr     r2, r2, r0
        str     r2, [r1]
        bx      lr

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
        .balign 4
bits:   .space  4
hex_buffer:
        .space  12
