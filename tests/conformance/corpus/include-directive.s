@ .include pulls in constants and a macro from a file beside this one.
        .syntax unified
        .include "include/constants.inc"
        .global _start
_start:
        write_text text, 5
        mov     r0, #SYS_WRITE
        bx      lr
        .data
text:   .ascii  "hello"
