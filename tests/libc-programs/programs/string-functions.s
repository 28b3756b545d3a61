@ strcpy strcat strlen strcmp strncmp strncpy strchr strrchr strstr, results printed.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r4, =buffer
        mov     r0, r4
        ldr     r1, =hello
        bl      strcpy
        mov     r0, r4
        ldr     r1, =comma_world
        bl      strcat
        mov     r0, r4
        bl      strlen
        mov     r2, r0
        mov     r1, r4
        ldr     r0, =show_length
        bl      printf
        @ comparisons print the byte differences glibc returns
        ldr     r0, =apple
        ldr     r1, =apricot
        bl      strcmp
        mov     r5, r0
        ldr     r0, =apple
        ldr     r1, =apricot
        mov     r2, #2
        bl      strncmp
        mov     r2, r0
        mov     r1, r5
        ldr     r0, =show_compare
        bl      printf
        ldr     r0, =apricot
        ldr     r1, =apple
        bl      strcmp
        mov     r5, r0
        ldr     r0, =hello
        ldr     r1, =hello
        bl      strcmp
        mov     r2, r0
        mov     r1, r5
        ldr     r0, =show_compare
        bl      printf
        @ strings at different addresses mod 4: glibc's ARMv7 strcmp gives other values of the same sign
        ldr     r0, =apple
        ldr     r1, =shifted_apricot
        bl      strcmp
        mov     r5, r0
        ldr     r0, =shifted_apricot
        ldr     r1, =apple
        bl      strcmp
        mov     r2, r0
        mov     r1, r5
        ldr     r0, =show_compare
        bl      printf
        @ strncpy pads with NULs and does not terminate a long source
        ldr     r0, =small
        mov     r1, #'#'
        mov     r2, #8
        bl      memset
        ldr     r0, =small
        ldr     r1, =abc
        mov     r2, #6
        bl      strncpy
        mov     r5, #0
1:      ldr     r0, =small
        ldrb    r1, [r0, r5]
        ldr     r0, =show_byte
        bl      printf
        add     r5, r5, #1
        cmp     r5, #8
        blt     1b
        mov     r0, #'\n'
        bl      putchar
        @ searching
        mov     r0, r4
        mov     r1, #'o'
        bl      strchr
        sub     r1, r0, r4
        mov     r0, r4
        mov     r6, r1
        mov     r1, #'o'
        bl      strrchr
        sub     r2, r0, r4
        mov     r1, r6
        ldr     r0, =show_positions
        bl      printf
        mov     r0, r4
        ldr     r1, =world
        bl      strstr
        mov     r1, r0
        ldr     r0, =show_string
        bl      printf
        mov     r0, r4
        mov     r1, #'z'
        bl      strchr
        mov     r1, r0
        ldr     r0, =show_pointer
        bl      printf
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        @ glibc's ARMv7 strcmp returns the byte difference when both strings have the
        @ same address mod 4, and another value of the same sign otherwise.
        .section .rodata
        .balign 4
hello:          .asciz "hello"
        .balign 4
comma_world:    .asciz ", world"
world:          .asciz "world"
        .balign 4
apple:          .asciz "apple"
        .balign 4
apricot:        .asciz "apricot"
        .balign 4
        .byte   'x'
shifted_apricot: .asciz "apricot"
abc:            .asciz "abc"
show_length:    .asciz "'%s' has %d bytes\n"
show_compare:   .asciz "%d %d\n"
show_byte:      .asciz "%02x "
show_positions: .asciz "first o at %d, last o at %d\n"
show_string:    .asciz "found: %s\n"
show_pointer:   .asciz "not found: %p\n"
        .bss
buffer: .space 64
small:  .space 8
