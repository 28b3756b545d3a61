@ .rept, .irp, .macro with parameters and defaults, nested macros, and
@ conditional assembly with .if/.ifdef/.ifndef/.else/.endif.
        .syntax unified
        .equ    DEBUG, 1

        .macro  load_pair first, second, value=7
        mov     \first, #\value
        add     \second, \first, #1
        .endm

        .macro  save_all
        push    {r4-r11, lr}
        .endm

        .macro  call_saved target
        save_all
        bl      \target
        pop     {r4-r11, pc}
        .endm

        .macro  sum_to register, count
        mov     \register, #0
        .rept   \count
        add     \register, \register, #1
        .endr
        .endm

        .global _start
_start:
        load_pair r0, r1
        load_pair r2, r3, 42
        load_pair first=r4, second=r5, value=9
        call_saved helper
        sum_to  r6, 3
        .rept   4
        nop
        .endr
        .irp    register, r0, r1, r2
        mov     \register, #0
        .endr
        .irp    value, 1, 2, 4, 8
        orr     r7, r7, #\value
        .endr
        .if     DEBUG
        mov     r8, #1
        .else
        mov     r8, #0
        .endif
        .if     DEBUG == 0
        mov     r9, #1
        .elseif DEBUG == 1
        mov     r9, #2
        .else
        mov     r9, #3
        .endif
        .ifdef  DEBUG
        mov     r10, #10
        .endif
        .ifndef NOT_DEFINED
        mov     r11, #11
        .endif
        .ifdef  NOT_DEFINED
        mov     r11, #99
        .endif
        .if     DEBUG > 0 && DEBUG < 5
        mov     r12, #12
        .endif
helper:
        bx      lr

        .data
        .rept   3
        .byte   0xaa, 0xbb
        .endr
        .irp    n, 10, 20, 30
        .word   \n * 2
        .endr
