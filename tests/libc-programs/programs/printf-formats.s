@ printf with flags, widths, precision, 64-bit arguments in register pairs and on the stack.
        .syntax unified
        .arm
        .text
        .global main
main:
        push    {r4, lr}
        sub     sp, sp, #24
        @ printf("%d %lld %d %lld %d\n", 1, 2LL, 3, -4LL, 5): 2LL in r2:r3, 3 at [sp], -4LL at [sp+8], 5 at [sp+16]
        mov     r0, #5
        str     r0, [sp, #16]
        mvn     r0, #3              @ -4 low word
        mvn     r1, #0              @ -1 high word
        strd    r0, r1, [sp, #8]
        mov     r0, #3
        str     r0, [sp]
        mov     r2, #2
        mov     r3, #0
        mov     r1, #1
        ldr     r0, =fmt_mixed
        bl      printf
        @ printf("[%-8s|%8.3s|%c]\n", "left", "truncate", 'Z')
        ldr     r0, =fmt_strings
        ldr     r1, =word_left
        ldr     r2, =word_truncate
        mov     r3, #'Z'
        bl      printf
        @ printf("%+05d %x %#X %#o %u\n", 42, 0xbeef, 255, 8, -1)
        mvn     r0, #0
        str     r0, [sp, #4]
        mov     r0, #8
        str     r0, [sp]
        mov     r3, #255
        ldr     r2, =0xbeef
        mov     r1, #42
        ldr     r0, =fmt_numbers
        bl      printf
        @ printf("%s %p %p %.0d|\n", NULL, NULL, fmt_numbers, 0)
        mov     r0, #0
        str     r0, [sp]
        ldr     r3, =0x21000
        mov     r2, #0
        mov     r1, #0
        ldr     r0, =fmt_null
        bl      printf
        @ the return value: printf("%d\n", printf("hello\n"))
        ldr     r0, =fmt_hello
        bl      printf
        mov     r1, r0
        ldr     r0, =fmt_count
        bl      printf
        @ %hhd %hd %lld of INT64_MIN: 64-bit after one int goes to r2:r3
        ldr     r0, =fmt_lengths
        mov     r1, #0x1ff
        mov     r2, #0
        mov     r3, #0x80000000
        bl      printf
        mov     r0, #0
        add     sp, sp, #24
        pop     {r4, pc}

        .section .rodata
fmt_mixed:      .asciz "%d %lld %d %lld %d\n"
fmt_strings:    .asciz "[%-8s|%8.3s|%c]\n"
fmt_numbers:    .asciz "%+05d %x %#X %#o %u\n"
fmt_null:       .asciz "%s %p %p %.0d|\n"
fmt_hello:      .asciz "hello\n"
fmt_count:      .asciz "%d\n"
fmt_lengths:    .asciz "%hhd %lld\n"
word_left:      .asciz "left"
word_truncate:  .asciz "truncate"
