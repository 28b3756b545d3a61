@ MOVW/MOVT with #:lower16: and #:upper16: of labels, expressions and constants.
        .syntax unified
        .equ    CONSTANT, 0xdeadbeef
        .global _start
_start:
        movw    r0, #:lower16:message
        movt    r0, #:upper16:message
        movw    r1, #:lower16:_start
        movt    r1, #:upper16:_start
        movw    r2, #:lower16:CONSTANT
        movt    r2, #:upper16:CONSTANT
        movw    r3, #:lower16:(message + 0x10)
        movt    r3, #:upper16:(message + 0x10)
        movw    r4, #0xffff
        movt    r4, #0
        movw    r5, #0
        movweq  r6, #1234
        movtne  r6, #0x8000
        movw    r7, #:lower16:table_end - table
        movw    r8, #:lower16:buffer
        movt    r8, #:upper16:buffer
        movw    r9, #:lower16:0x12345678
        movt    r9, #:upper16:0x12345678
        bx      lr

        .data
message:
        .asciz  "movw and movt build any 32-bit value"
table:  .word   1, 2, 3
table_end:
        .bss
buffer: .space  64
