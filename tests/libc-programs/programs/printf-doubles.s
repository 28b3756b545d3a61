@ Doubles in a variadic call travel like 64-bit integers: in r2:r3 or an 8-byte-aligned stack slot.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        sub     sp, sp, #24
        @ printf("%f %.2f %e %g\n", pi, 2.5, 1e-5, 1e21)
        ldr     r0, =one_e21
        ldrd    r0, r1, [r0]
        strd    r0, r1, [sp, #16]
        ldr     r0, =small
        ldrd    r0, r1, [r0]
        strd    r0, r1, [sp, #8]
        ldr     r0, =two_and_a_half
        ldrd    r0, r1, [r0]
        strd    r0, r1, [sp]
        ldr     r2, =pi
        ldrd    r2, r3, [r2]
        ldr     r0, =format
        bl      printf
        @ an int in r1, the double in r2:r3; the next two doubles come from the stack slots set above
        ldr     r0, =two_and_a_half
        ldrd    r2, r3, [r0]
        mov     r1, #7
        ldr     r0, =mixed
        bl      printf
        @ rounding as glibc does it: half to even on the exact binary value
        ldr     r0, =two_and_a_half
        ldrd    r2, r3, [r0]
        ldr     r0, =rounding
        bl      printf
        mov     r0, #0
        add     sp, sp, #24
        pop     {r4, pc}

        .section .rodata
        .align 3
pi:             .word   0x54442d11, 0x400921fb   @ 3.14159265358979
two_and_a_half: .word   0x00000000, 0x40040000   @ 2.5
small:          .word   0x88e368f1, 0x3ee4f8b5   @ 1e-5
one_e21:        .word   0xd6e2ef50, 0x444b1ae4   @ 1e21
format:         .asciz "%f %.2f %e %g\n"
mixed:          .asciz "%d %08.3f|%-10.1e|%+G\n"
rounding:       .asciz "%.0f %a\n"
