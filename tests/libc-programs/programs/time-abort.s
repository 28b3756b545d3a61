@ time() (the C function) answers with and without a pointer, agrees with itself and is
@ after 2017; then abort() ends the program with SIGABRT (status 134) after output that
@ was flushed by hand (abort does not flush stdio buffers).
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        sub     sp, sp, #8
        mov     r0, #0
        bl      time
        mov     r4, r0
        mov     r0, sp
        bl      time
        mov     r5, r0
        ldr     r6, [sp]
        @ time(&t) returned what it stored, and at most one second after time(NULL)
        cmp     r5, r6
        ldrne   r0, =mismatch
        blne    puts
        sub     r0, r5, r4
        cmp     r0, #1
        ldrhi   r0, =backwards
        blhi    puts
        ldr     r1, =1500000000
        cmp     r4, r1
        ldrls   r0, =too_early
        blls    puts
        ldr     r0, =fine
        bl      printf
        mov     r0, #0
        bl      fflush
        ldr     r0, =lost
        bl      printf
        bl      abort
        mov     r0, #0              @ never reached
        add     sp, sp, #8
        pop     {r4, r5, r6, pc}
        .section .rodata
mismatch:       .asciz "time(&t) returned something else than it stored"
backwards:      .asciz "time went backwards or jumped"
too_early:      .asciz "time is before 2017"
fine:           .asciz "time ok, now abort\n"
lost:           .asciz "this line stays in the buffer"
