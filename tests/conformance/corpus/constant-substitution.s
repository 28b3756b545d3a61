@ Constants a rotated 8-bit immediate cannot hold as written: GNU as flips
@ MOV<->MVN, ADD<->SUB, CMP<->CMN, AND<->BIC, ADC<->SBC to make them fit.
        .syntax unified
        .global _start
_start:
        mov     r0, #-1
        mov     r1, #0xffffff00
        mvn     r2, #-2
        mvn     r3, #0xfffffffe
        movs    r4, #-256
        add     r0, r1, #-4
        add     r2, r3, #-0x100
        sub     r4, r5, #-8
        sub     sp, sp, #-16
        adds    r0, r0, #-1
        subs    r1, r1, #-255
        cmp     r0, #-1
        cmp     r1, #-0x3fc
        cmn     r2, #-5
        cmn     r3, #-256
        and     r0, r1, #0xffffff00
        and     r2, r3, #-4
        bic     r4, r5, #0xffffff0f
        bic     r6, r7, #-2
        ands    r0, r0, #0xfffffff0
        adc     r0, r1, #-3
        sbc     r2, r3, #-1
        moveq   r0, #-16
        addne   r1, r2, #-0xff000000
        mov     r0, #0x3fc
        mov     r1, #0xff000000
        mov     r2, #0xf000000f
        mov     r3, #0x00ab0000
        mov     r4, #0x102 << 6
        add     r5, r6, #0x40000
        mvn     r7, #0x3f0
        orr     r8, r8, #0x80000000
        eor     r9, r9, #0xc0000003
        tst     r0, #0x00ff0000
        teq     r1, #0x3
        rsb     r2, r3, #0x100
        mov     r0, #0
        sub     r0, r0, #0
        cmp     r0, #0
