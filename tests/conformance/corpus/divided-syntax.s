@ Pre-UAL (divided) spellings: condition before the S or the size suffix.
        .syntax divided
        .arm
        .global _start
_start:
        addeqs  r0, r1, r2
        subnes  r3, r3, #1
        movges  r4, r5
        rsblts  r6, r7, #0
        andhis  r0, r0, #0xff
        orrlss  r1, r1, r2, lsl #2
        mvncss  r2, r3
        bicccs  r4, r4, #3
        eormis  r5, r5, r6
        adcpls  r0, r0, #0
        sbcvss  r1, r1, r2
        rscvcs  r2, r3, #7
        mulgts  r0, r1, r2
        mlales  r3, r4, r5, r6
        umullals r0, r1, r2, r3
        smlaleqs r4, r5, r6, r7
        ldreqb  r0, [r1]
        ldrneh  r2, [r3, #2]
        ldrgesb r4, [r5, #-1]
        ldrltsh r6, [r7, r8]
        streqb  r0, [r1], #1
        strneh  r2, [r3, #-4]!
        ldreqd  r0, r1, [r2]
        strned  r2, r3, [r4, #8]
        ldmeqia r0!, {r1, r2}
        ldmneib r0, {r3}
        ldmcsda r1, {r4, r5}
        ldmccdb r2!, {r6, r7}
        stmeqfd sp!, {r0-r3}
        ldmnefd sp!, {r0-r3}
        stmhiea r3, {r4}
        ldmlsea r3, {r4}
        stmgeed r5!, {r6}
        ldmltfa r5!, {r6}
        ldreqt  r0, [r1]
        strnebt r2, [r3], #4
        swi     0
        swieq   0x123456
        nop
