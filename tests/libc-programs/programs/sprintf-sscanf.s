@ sprintf into a buffer, snprintf truncation and its return value, sscanf back out.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, lr}
        sub     sp, sp, #12
        ldr     r0, =buffer
        ldr     r1, =make
        mov     r2, #12
        ldr     r3, =name
        bl      sprintf
        mov     r4, r0
        ldr     r0, =show
        ldr     r1, =buffer
        mov     r2, r4
        bl      printf
        ldr     r0, =buffer
        mov     r1, #6
        ldr     r2, =make
        mov     r3, #345
        ldr     r4, =name
        str     r4, [sp]
        bl      snprintf
        mov     r2, r0
        ldr     r0, =show
        ldr     r1, =buffer
        bl      printf
        @ sscanf("12 apples 0x1F", "%d %s %x", &a, word, &b)
        ldr     r0, =sentence
        ldr     r1, =parse
        ldr     r2, =number_a
        ldr     r3, =word
        ldr     r4, =number_b
        str     r4, [sp]
        bl      sscanf
        mov     r1, r0
        ldr     r0, =show_parsed
        ldr     r2, =number_a
        ldr     r2, [r2]
        ldr     r3, =word
        ldr     r4, =number_b
        ldr     r4, [r4]
        str     r4, [sp]
        bl      printf
        mov     r0, #0
        add     sp, sp, #12
        pop     {r4, r5, pc}

        .section .rodata
make:           .asciz "%d items for %s"
name:           .asciz "Robin"
show:           .asciz "[%s] length %d\n"
sentence:       .asciz "12 apples 0x1F"
parse:          .asciz "%d %s %x"
show_parsed:    .asciz "sscanf=%d a=%d word=%s b=%d\n"
        .bss
buffer:         .space 64
word:           .space 16
        .align 2
number_a:       .space 4
number_b:       .space 4
