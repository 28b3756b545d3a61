@ Register names: the APCS aliases, mixed case, and the special registers.
        .syntax unified
        .global _start
_start:
        mov     a1, a2
        mov     a3, a4
        add     v1, v2, v3
        add     v4, v5, v6
        sub     v7, v8, #1
        mov     sb, sl
        mov     fp, ip
        mov     r0, sp
        mov     lr, pc
        MOV     R0, R1
        Add     R2, R3, #4
        ldr     r0, [fp, #-8]
        str     ip, [sp, #4]
        push    {fp, lr}
        pop     {fp, pc}
        stmfd   sp!, {v1-v4, ip, lr}
        ldmfd   sp!, {v1-v4, ip, pc}
        mul     a1, a2, a3
        cmp     sl, sb
        bx      ip
        blx     v1
        mov     r9, r10
        mov     r11, r12
        mov     r13, r14
