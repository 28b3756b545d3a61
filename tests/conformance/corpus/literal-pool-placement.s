@ Where literal pools land: aligned after odd-sized data, an empty .ltorg,
@ pools in a second code section, forward .equ values, and entries shared
@ only within one pool.
        .syntax unified
        .global _start
_start:
        ldr     r0, =0x11111111
        ldr     r1, =forward_value
        ldr     r2, =0x11111111
        b       1f
        .byte   1, 2, 3
        .ltorg
1:      .ltorg
        ldr     r3, =0x11111111
        ldr     r4, =0x22222222
        ldrne   r5, =message
        adr     r6, 1b
        .hword  0x7777
        .align  2
        ldr     r7, =0x33333333
        ldr     r8, =0x44444444 + 1
        .equ    forward_value, 0xabcdef12

        .section .text.more, "ax", %progbits
more:
        ldr     r0, =0x22222222
        ldr     r1, =message + 1
        bx      lr

        .data
message:
        .asciz  "pool"
