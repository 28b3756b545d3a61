@ conditional.s — conditional execution instead of branches: abs, min/max,
@ clamp, sign, signed versus unsigned comparisons, and flags from ADDS/SUBS
@ (carry, overflow). Every result is checked; prints a line per group.

        .syntax unified
        .text
        .global _start
_start:
        mov     r9, #0                  @ check number

        @ abs(-17) = 17, abs(17) = 17
        mvn     r0, #16                 @ -17
        cmp     r0, #0
        rsblt   r0, r0, #0
        add     r9, r9, #1
        bl      expect_17
        mov     r0, #17
        cmp     r0, #0
        rsblt   r0, r0, #0
        add     r9, r9, #1
        bl      expect_17

        @ max and min of -5 and 3, signed then unsigned
        mvn     r1, #4                  @ -5
        mov     r2, #3
        cmp     r1, r2
        movge   r0, r1
        movlt   r0, r2                  @ signed max = 3
        add     r9, r9, #1
        cmp     r0, #3
        bne     failed
        cmp     r1, r2
        movhs   r0, r1                  @ unsigned max = 0xfffffffb
        movlo   r0, r2
        add     r9, r9, #1
        cmn     r0, #5
        bne     failed
        ldr     r0, =max_text
        bl      print_string

        @ clamp 250 and -3 into 0..200 with two conditional moves each
        mov     r0, #250
        bl      clamp
        add     r9, r9, #1
        cmp     r0, #200
        bne     failed
        mvn     r0, #2
        bl      clamp
        add     r9, r9, #1
        cmp     r0, #0
        bne     failed
        ldr     r0, =clamp_text
        bl      print_string

        @ sign(x): -1, 0 or 1 with no branches
        mvn     r0, #99
        bl      sign
        add     r9, r9, #1
        cmn     r0, #1
        bne     failed
        mov     r0, #0
        bl      sign
        add     r9, r9, #1
        cmp     r0, #0
        bne     failed
        mov     r0, #77
        bl      sign
        add     r9, r9, #1
        cmp     r0, #1
        bne     failed

        @ carry out of ADDS, overflow out of signed ADDS, borrow from SUBS
        mvn     r1, #0                  @ 0xffffffff
        adds    r2, r1, #1              @ 0, C set, V clear
        movcs   r3, #1
        movcc   r3, #0
        add     r9, r9, #1
        cmp     r3, #1
        bne     failed
        mov     r1, #0x7f000000
        orr     r1, r1, #0x00ff0000
        orr     r1, r1, #0xff00
        orr     r1, r1, #0xff           @ 0x7fffffff
        adds    r2, r1, #1              @ 0x80000000, V set
        movvs   r3, #1
        movvc   r3, #0
        add     r9, r9, #1
        cmp     r3, #1
        bne     failed
        mov     r1, #3
        subs    r2, r1, #5              @ borrow: C clear
        movcc   r3, #1
        movcs   r3, #0
        add     r9, r9, #1
        cmp     r3, #1
        bne     failed
        @ 64-bit add with ADDS/ADC: 0x00000001_ffffffff + 1 = 0x00000002_00000000
        mvn     r0, #0
        mov     r1, #1
        adds    r0, r0, #1
        adc     r1, r1, #0
        add     r9, r9, #1
        teq     r0, #0
        teqeq   r1, #2
        bne     failed
        @ TST picks bits: is bit 4 of 0x30 set? and bit 0?
        mov     r0, #0x30
        tst     r0, #0x10
        moveq   r3, #0
        movne   r3, #1
        tst     r0, #1
        addne   r3, r3, #10
        add     r9, r9, #1
        cmp     r3, #1
        bne     failed
        ldr     r0, =flags_text
        bl      print_string
        mov     r0, #0
        b       exit
failed:
        mov     r0, r9
exit:
        mov     r7, #1
        svc     #0

@ expect_17(r0): returns if r0 is 17, else ends the run through failed (the
@ caller has counted the check in r9, which a function must not change).
expect_17:
        cmp     r0, #17
        bxeq    lr
        b       failed

@ clamp(r0) -> r0 limited to 0..200 (signed)
clamp:
        cmp     r0, #0
        movlt   r0, #0
        cmp     r0, #200
        movgt   r0, #200
        bx      lr

@ sign(r0) -> -1, 0, 1
sign:
        cmp     r0, #0
        movgt   r0, #1
        mvnlt   r0, #0
        bx      lr

print_string:
        push    {r0-r2, r7, lr}
        mov     r1, r0
        mov     r2, #0
1:      ldrb    r12, [r1, r2]
        cmp     r12, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .section .rodata
max_text:   .asciz  "max and min: ok\n"
clamp_text: .asciz  "clamp and sign: ok\n"
flags_text: .asciz  "flags: ok\n"
