@ .fnstart/.cantunwind/.fnend make GNU as emit an .ARM.exidx table entry, which
@ ld places after .rodata (and it adds a program header, moving .text).
        .syntax unified
        .text
        .global _start
        .type   _start, %function
_start:
        .fnstart
        .cantunwind
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .fnend
        .size   _start, . - _start

        .data
value:  .word   1
