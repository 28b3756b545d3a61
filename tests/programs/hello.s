@ hello.s — the first program: write a line to stdout and exit with status 0.
@ Linux EABI system calls: r7 = call number, arguments in r0-r2, `svc #0`.

        .syntax unified
        .arm

        .equ    SYS_EXIT, 1
        .equ    SYS_WRITE, 4
        .equ    STDOUT, 1

        .data
message:
        .ascii  "Hello, world!\n"
        .equ    MESSAGE_LENGTH, . - message

        .text
        .global _start
_start:
        mov     r0, #STDOUT             @ file descriptor
        ldr     r1, =message            @ address of the bytes
        mov     r2, #MESSAGE_LENGTH     @ how many bytes
        mov     r7, #SYS_WRITE
        svc     #0

        mov     r0, #0                  @ exit status 0: success
        mov     r7, #SYS_EXIT
        svc     #0
