@ reverse-string.s — reverse a string in place with two pointers walking
@ towards each other, print it, and compare it with the expected text.

        .syntax unified
        .data
text:       .asciz  "Sherwood Forest"
expected:   .asciz  "tseroF doowrehS"
newline:    .ascii  "\n"

        .text
        .global _start
_start:
        ldr     r0, =text
        bl      string_length           @ r0 = length
        mov     r4, r0                  @ keep the length for write
        ldr     r1, =text               @ left pointer
        add     r2, r1, r0
        sub     r2, r2, #1              @ right pointer
swap:
        cmp     r1, r2
        bhs     swapped
        ldrb    r3, [r1]
        ldrb    r12, [r2]
        strb    r12, [r1], #1
        strb    r3, [r2], #-1
        b       swap
swapped:
        mov     r0, #1
        ldr     r1, =text
        mov     r2, r4
        mov     r7, #4
        svc     #0
        mov     r0, #1
        ldr     r1, =newline
        mov     r2, #1
        svc     #0

        @ check 1: the length is 15
        cmp     r4, #15
        movne   r0, #1
        bne     exit
        @ check 2: the reversed text equals `expected`, byte by byte
        ldr     r1, =text
        ldr     r2, =expected
compare:
        ldrb    r3, [r1], #1
        ldrb    r12, [r2], #1
        cmp     r3, r12
        movne   r0, #2
        bne     exit
        cmp     r3, #0
        bne     compare
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ string_length(r0 = string) -> r0 = number of bytes before the terminating zero
string_length:
        mov     r1, r0
1:      ldrb    r2, [r1], #1
        cmp     r2, #0
        bne     1b
        sub     r0, r1, r0
        sub     r0, r0, #1
        bx      lr
