@ swap.s — SWP and SWPB, the pre-ARMv6 atomic exchange (a test-and-set lock), assembled
@ for ARMv5TE, where GNU as takes them without a deprecation warning. Exit 0 = all passed.

        .syntax unified
        .arch   armv5te
        .data
        .align  2
lock:   .word   0
small:  .byte   8, 0
done_text: .asciz "swap ok\n"

        .text
        .global _start
_start:
        @ 1-2. swp: exchange a register with memory (a test-and-set lock)
        ldr     r4, =lock
        mov     r2, #1
        swp     r0, r2, [r4]
        mov     r1, #0                  @ the lock was free
        bl      check
        swp     r0, r2, [r4]
        mov     r1, #1                  @ now it is taken
        bl      check
        @ 3. swpb swaps one byte
        ldr     r4, =small
        ldr     r2, =0x1ff
        swpb    r0, r2, [r4]
        ldrb    r1, [r4]
        add     r0, r0, r1              @ 8 + 0xff
        ldr     r1, =263
        bl      check
        @ 4. swp with the same register as source and destination exchanges it
        ldr     r4, =lock
        mov     r3, #5
        swp     r3, r3, [r4]
        mov     r0, r3
        mov     r1, #1
        bl      check
        ldr     r0, [r4]
        mov     r1, #5
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg

        .include "lib/checks.inc"
