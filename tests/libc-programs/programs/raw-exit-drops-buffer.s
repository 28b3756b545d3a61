@ printf output sits in glibc's stdout buffer (stdout is a pipe here); the exit
@ system call ends the process without flushing it, so only write(2)'s bytes appear.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        ldr     r0, =buffered
        bl      printf
        mov     r0, #1
        ldr     r1, =direct
        mov     r2, #direct_end - direct
        mov     r7, #4              @ write
        svc     #0
        mov     r0, #4
        mov     r7, #1              @ exit, without fflush
        svc     #0
        .section .rodata
buffered:       .asciz "this line is still in the buffer\n"
direct:         .ascii "written directly\n"
direct_end:
