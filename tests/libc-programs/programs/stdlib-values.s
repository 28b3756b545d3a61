@ atoi abs rand srand: glibc's exact values.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r4, =numbers
        mov     r5, #0
1:      ldr     r0, [r4, r5, lsl #2]
        cmp     r0, #0
        beq     2f
        bl      atoi
        mov     r6, r0
        bl      abs
        mov     r2, r0
        mov     r1, r6
        ldr     r0, =show_atoi
        bl      printf
        add     r5, r5, #1
        b       1b
2:      mov     r5, #0
3:      bl      rand                @ no srand: seeded with 1
        mov     r1, r0
        ldr     r0, =show_number
        bl      printf
        add     r5, r5, #1
        cmp     r5, #3
        blt     3b
        mov     r0, #2024
        bl      srand
        bl      rand
        mov     r4, r0
        bl      rand
        mov     r2, r0
        mov     r1, r4
        ldr     r0, =show_pair
        bl      printf
        @ a dice roll: rand() % 6 + 1, ten times
        mov     r0, #7
        bl      srand
        mov     r5, #0
4:      bl      rand
        mov     r1, #6
        bl      __aeabi_idivmod
        add     r1, r1, #1
        ldr     r0, =show_die
        bl      printf
        add     r5, r5, #1
        cmp     r5, #10
        blt     4b
        mov     r0, #'\n'
        bl      putchar
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .section .rodata
text_1: .asciz "42"
text_2: .asciz "  -17 apples"
text_3: .asciz "+8"
text_4: .asciz "x9"
text_5: .asciz "2147483647"
text_6: .asciz "-2147483648"
show_atoi:      .asciz "atoi=%d abs=%d\n"
show_number:    .asciz "rand=%d\n"
show_pair:      .asciz "srand(2024): %d %d\n"
show_die:       .asciz "%d "
        .align 2
numbers: .word text_1, text_2, text_3, text_4, text_5, text_6, 0
