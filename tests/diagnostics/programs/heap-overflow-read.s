@ read(0, line, 64) into a 16-byte block: the kernel may store up to 64
@ bytes there, so the call is wrong however short the input is (memcheck:
@ "Syscall param read(buf) points to unaddressable byte(s)").
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, r8, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        mov     r0, #0
        mov     r1, r4
        mov     r2, #16
        mov     r7, #3
        svc     #0                      @ read(0, line, 16): fine
        mov     r0, #0
        mov     r1, r4
        mov     r2, #64
        svc     #0                      @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, r7, r8, pc}
