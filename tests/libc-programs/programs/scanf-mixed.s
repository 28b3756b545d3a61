@ scanf with %s, %c, %x and a literal; then the rest of the line with fgets; time(NULL) is not printed (it varies).
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, lr}
        sub     sp, sp, #4
        ldr     r0, =format
        ldr     r1, =word
        ldr     r2, =letter
        ldr     r3, =hex
        bl      scanf
        mov     r4, r0
        ldr     r0, =show
        mov     r1, r4
        ldr     r2, =word
        ldr     r3, =letter
        ldrb    r3, [r3]
        ldr     r5, =hex
        ldr     r5, [r5]
        str     r5, [sp]
        bl      printf
        ldr     r0, =rest
        mov     r1, #40
        ldr     r2, =stdin
        ldr     r2, [r2]
        bl      fgets
        ldr     r0, =show_rest
        ldr     r1, =rest
        bl      printf
        ldr     r0, =format
        ldr     r1, =word
        ldr     r2, =letter
        ldr     r3, =hex
        bl      scanf
        mov     r1, r0
        ldr     r0, =show_eof
        bl      printf
        mov     r0, #0
        add     sp, sp, #4
        pop     {r4, r5, pc}

        .section .rodata
format:         .asciz "%15s %c, %x"
show:           .asciz "scanf=%d word=%s letter=%c hex=%d\n"
show_rest:      .asciz "rest=[%s]\n"
show_eof:       .asciz "at end: %d\n"
        .bss
        .align  2
word:           .space 16
letter:         .space 4
hex:            .space 4
rest:           .space 40
