@ A number is converted to decimal digits backwards, from the end of a
@ 12-byte buffer, and then the whole buffer is written out: the bytes before
@ the first digit were never stored (memcheck: "Syscall param write(buf)
@ points to uninitialised byte(s)").
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, r8, lr}
        mov     r0, #12
        bl      malloc
        mov     r4, r0
        add     r5, r4, #11
        mov     r1, #10
        strb    r1, [r5]                @ '\n' last
        ldr     r6, =4096
digits:
        mov     r0, r6
        mov     r1, #10
        udiv    r2, r0, r1              @ quotient
        mls     r3, r2, r1, r0          @ remainder
        add     r3, r3, #48
        strb    r3, [r5, #-1]!
        movs    r6, r2
        bne     digits
        mov     r0, #1
        mov     r1, r4                  @ should be r5 (the first digit), with r2 = end - r5
        mov     r2, #12
        mov     r7, #4
        svc     #0                      @! uninitialized-read
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, r7, r8, pc}
