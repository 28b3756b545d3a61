@ word-count.s — like `wc`: count lines, words and bytes of standard input,
@ reading one byte at a time. A word is a run of characters other than space,
@ tab and newline. Input: word-count.stdin. Prints "lines words bytes".

        .syntax unified
        .text
        .global _start
_start:
        mov     r4, #0                  @ lines
        mov     r5, #0                  @ words
        mov     r6, #0                  @ bytes
        mov     r8, #0                  @ inside a word?
next_byte:
        mov     r0, #0
        ldr     r1, =byte
        mov     r2, #1
        mov     r7, #3                  @ read
        svc     #0
        cmp     r0, #1
        bne     done
        add     r6, r6, #1
        ldr     r1, =byte
        ldrb    r0, [r1]
        cmp     r0, #'\n'
        addeq   r4, r4, #1
        cmpne   r0, #' '
        cmpne   r0, #'\t'
        moveq   r8, #0                  @ a separator ends the word
        beq     next_byte
        cmp     r8, #0
        addeq   r5, r5, #1              @ the first character of a word
        mov     r8, #1
        b       next_byte
done:
        mov     r0, r4
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        mov     r0, r5
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        mov     r0, r6
        bl      print_unsigned
        mov     r0, #'\n'
        bl      print_char
        @ check 1: the input file has 4 lines, 17 words, 109 bytes
        cmp     r4, #4
        cmpeq   r5, #17
        cmpeq   r6, #109
        movne   r0, #1
        moveq   r0, #0
        mov     r7, #1
        svc     #0

print_unsigned:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
        mov     r3, #10
1:      udiv    r4, r0, r3
        mls     r12, r4, r3, r0
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r4
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

print_char:
        push    {r0-r2, r7, lr}
        sub     sp, sp, #8
        strb    r0, [sp]
        mov     r1, sp
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     sp, sp, #8
        pop     {r0-r2, r7, pc}

        .bss
byte:   .space  4
digits: .space  12
digits_end:
