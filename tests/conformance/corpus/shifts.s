@ Shifts written every way: as operand shifts, as LSL/LSR/ASR/ROR/RRX
@ instructions, by immediate and by register, and the edge amounts.
        .syntax unified
        .global _start
_start:
        mov     r0, r1, lsl #3
        mov     r0, r1, LSL #31
        mov     r0, r1, lsr #1
        mov     r0, r1, lsr #32
        mov     r0, r1, asr #32
        mov     r0, r1, asr #7
        mov     r0, r1, ror #16
        mov     r0, r1, rrx
        mov     r0, r1, lsl r2
        movs    r0, r1, lsr r2
        mov     r0, r1, asr r2
        mov     r0, r1, ror r2
        lsl     r0, r1, #3
        lsls    r0, r1, #1
        lsr     r0, r1, #32
        lsrs    r0, r0, #1
        asr     r0, r1, #32
        asrs    r0, r1, #2
        ror     r0, r1, #1
        rors    r0, r1, #31
        rrx     r0, r1
        rrxs    r0, r1
        lsl     r0, r1, r2
        lsr     r0, r1, r2
        asr     r0, r1, r2
        ror     r0, r1, r2
        lsleq   r0, r1, #4
        asrne   r3, r3, r4
        add     r0, r1, r2, lsl #2
        add     r0, r1, r2, lsl r3
        sub     r0, r1, r2, asr #1
        rsb     r0, r1, r1, lsl #4
        and     r0, r1, r2, ror #8
        orr     r0, r0, r1, lsr #24
        eor     r0, r0, r0, rrx
        bic     r0, r1, r2, asr r3
        cmp     r0, r1, lsl #1
        cmn     r0, r1, lsr #2
        tst     r0, r1, asr #3
        teq     r0, r1, ror #4
        mvn     r0, r1, lsl #5
        mov     r0, r1, lsl #0
        ldr     r0, [r1, r2, lsl #2]
        ldr     r0, [r1, -r2, lsr #3]
        ldr     r0, [r1, r2, asr #32]!
        str     r0, [r1], r2, ror #30
        ldrb    r0, [r1, r2, rrx]
        strb    r0, [r1, -r2, lsl #1]!
