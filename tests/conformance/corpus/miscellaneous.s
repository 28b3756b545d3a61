@ The rest: multiplies and divides, bit-field and extend instructions, byte
@ reversal, CLZ/RBIT, status register access, SVC/SWI, NOP and friends.
        .syntax unified
        .global _start
_start:
        mul     r0, r1, r2
        muls    r0, r1, r2
        mla     r0, r1, r2, r3
        mls     r0, r1, r2, r3
        umull   r0, r1, r2, r3
        umlal   r0, r1, r2, r3
        smull   r0, r1, r2, r3
        smlals  r0, r1, r2, r3
        sdiv    r0, r1, r2
        udiv    r3, r4, r5
        udivne  r6, r7, r8
        clz     r0, r1
        rbit    r2, r3
        rev     r4, r5
        rev16   r6, r7
        revsh   r8, r9
        sxtb    r0, r1
        sxth    r0, r1, ror #8
        uxtb    r0, r1, ror #16
        uxth    r0, r1, ror #24
        sxtab   r0, r1, r2
        sxtah   r0, r1, r2, ror #8
        uxtab   r0, r1, r2, ror #16
        uxtah   r0, r1, r2
        ubfx    r0, r1, #0, #32
        ubfx    r0, r1, #31, #1
        sbfx    r0, r1, #8, #8
        bfi     r0, r1, #4, #12
        bfc     r0, #0, #16
        bfc     r0, #31, #1
        mrs     r0, APSR
        mrs     r1, CPSR
        msr     APSR_nzcvq, r2
        msr     APSR_nzcvq, #0xf0000000
        msr     CPSR_f, r3
        msr     APSR_g, r4
        svc     #0
        svc     0x123
        svcne   #0xffffff
        swi     #1
        nop
        nopeq
        mov     r0, r0
        bkpt    #0
        bkpt    0x1234
        udf     #0
        udfle   #1024
        yield
        wfi
        wfe
        sev
        dmb     ish
        dsb     sy
        isb
        clrex
