@ Sections: .text/.data/.bss/.section .rodata switched back and forth, with the
@ metadata directives compilers emit (they produce no bytes).
        .syntax unified
        .arch   armv7-a
        .cpu    cortex-a7
        .fpu    vfpv4
        .eabi_attribute 28, 1
        .eabi_attribute 20, 1
        .file   "sections.c"
        .arm
        .code   32
        .text
        .global _start
        .type   _start, %function
_start:
        ldr     r0, =counter
        ldr     r1, [r0]
        add     r1, r1, #1
        str     r1, [r0]
        .size   _start, . - _start

        .data
        .type   counter, %object
        .size   counter, 4
counter:
        .word   41

        .section .rodata
greeting:
        .asciz  "hello"

        .text
        .func   second
second:
        ldr     r0, =greeting
        ldr     r1, =buffer
        bx      lr
        .endfunc

        .bss
        .align  2
buffer: .space  16

        .data
more:   .word   0x600d
        .globl  more
        .extern nothing_used

        .section .rodata
        .byte   1, 2, 3
        .ident  "GCC: (made up) 1.0"
        .end
        mov     r0, #1
