@ ADR forward and backward, branches of every kind to labels, numeric local
@ labels (1b / 1f, reused), and BX/BLX to registers.
        .syntax unified
        .global _start
_start:
back_target:
        nop
        adr     r0, back_target
        adr     r1, forward_target
        adr     r2, .
        adreq   r3, _start
        adr     r4, data_in_text + 4
        b       forward_target
        bl      function
        beq     back_target
        bne     forward_target
        bllt    function
        blx     function
        bx      lr
        bxeq    r3
        blx     r12
        blxne   r2
1:      subs    r0, r0, #1
        bne     1b
        b       1f
        nop
1:      b       1b
2:      b       2f
        b       2b
2:      nop
        b       .
        b       . + 8
        bl      . - 4
function:
        bx      lr
        .align  2
data_in_text:
        .word   0, 1
forward_target:
        mov     pc, lr
        b       _start
        bgt     back_target
