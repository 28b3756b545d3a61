@ memset memcpy memmove (overlapping both ways) memcmp, printed as bytes.
        .syntax unified
        .text
        .global main
print_area:                         @ prints the 16 bytes of area as characters
        push    {r4, lr}
        ldr     r0, =show
        ldr     r1, =area
        bl      printf
        pop     {r4, pc}
main:
        push    {r4, lr}
        ldr     r0, =area
        mov     r1, #'.'
        mov     r2, #16
        bl      memset
        ldr     r0, =area
        ldr     r1, =letters
        mov     r2, #10
        bl      memcpy
        bl      print_area
        ldr     r0, =area
        add     r0, r0, #3
        ldr     r1, =area
        mov     r2, #10
        bl      memmove              @ forward overlap
        bl      print_area
        ldr     r0, =area
        ldr     r1, =area
        add     r1, r1, #5
        mov     r2, #8
        bl      memmove              @ backward overlap
        bl      print_area
        ldr     r0, =letters
        ldr     r1, =other
        mov     r2, #4
        bl      memcmp
        mov     r4, r0
        ldr     r0, =letters
        ldr     r1, =other
        mov     r2, #3
        bl      memcmp
        mov     r2, r0
        mov     r1, r4
        ldr     r0, =show_compare
        bl      printf
        mov     r0, #0
        pop     {r4, pc}

        .data
letters:        .ascii "ABCDEFGHIJ"
other:          .ascii "ABCx"
show:           .asciz "[%.16s]\n"
show_compare:   .asciz "memcmp: %d %d\n"
        .align 2
area:           .space 17
