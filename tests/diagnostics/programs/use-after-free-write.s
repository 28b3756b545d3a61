@ A message built in a heap buffer is freed, then handed to the write system
@ call: the kernel reads the freed bytes (memcheck: "Syscall param write(buf)
@ points to unaddressable byte(s)").
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, r8, lr}
        mov     r0, #8
        bl      malloc
        mov     r4, r0
        ldr     r1, =0x0a6b6f
        str     r1, [r4]                @ "ok\n"
        mov     r0, r4
        bl      free
        mov     r0, #1
        mov     r1, r4
        mov     r2, #3
        mov     r7, #4
        svc     #0                      @! use-after-free
        mov     r0, #0
        pop     {r4, r5, r6, r7, r8, pc}
