@ Data directives of every width, strings with every escape, space/fill, and
@ .word label arithmetic resolved by the linker.
        .syntax unified
        .global _start
_start:
        ldr     r0, =table
        bx      lr

        .data
table:
        .word   0x11223344, -1, 0
        .long   0x55667788
        .int    42
        .4byte  0xcafebabe
        .hword  0x1234, -2
        .short  0x5678
        .2byte  0x9abc
        .byte   1, 2, 0xff, -128
        .quad   0x0123456789abcdef
        .ascii  "plain"
        .ascii  "tab\there\n", "two\0parts"
        .ascii  "quote \" backslash \\ octal \101\102 hex \x43 bell \b\f\r"
        .asciz  "zero-terminated"
        .string "also zero-terminated"
        .asciz  "a", "b"
        .space  3
        .skip   2, 0x7e
        .zero   4
        .fill   3, 1, 0xab
        .fill   2, 2, 0x1234
        .fill   2, 4, 0x01020304
        .fill   1
        .align  2
pointers:
        .word   table, table + 4, pointers - table, _start
        .word   end_of_data - table
        .word   label_in_text
        .hword  end_of_data - pointers
        .byte   end_of_data - pointers
        .align  2
end_of_data:

        .section .rodata
constants:
        .word   1, 2, 3
        .asciz  "read-only"

        .text
label_in_text:
        nop
