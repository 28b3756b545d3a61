@ binary-search.s — search a sorted table of words for keys; found keys give
@ their index, missing keys give -1. Prints "key -> index" for each.

        .syntax unified
        .section .rodata
        .align  2
sorted:
        .word   2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53
        .equ    SORTED_COUNT, (. - sorted) >> 2
queries:        @ key, expected index
        .word   2, 0
        .word   53, 15
        .word   19, 7
        .word   20, -1
        .word   1, -1
        .word   100, -1
        .word   41, 12
        .equ    QUERY_COUNT, (. - queries) / 8
arrow:  .ascii  " -> "

        .text
        .global _start
_start:
        ldr     r8, =queries
        mov     r9, #0                  @ query number
query:
        ldm     r8!, {r4, r5}           @ key, expected
        ldr     r0, =sorted
        mov     r1, #SORTED_COUNT
        mov     r2, r4
        bl      binary_search
        mov     r6, r0
        mov     r0, r4
        bl      print_signed
        mov     r0, #1
        ldr     r1, =arrow
        mov     r2, #4
        mov     r7, #4
        svc     #0
        mov     r0, r6
        bl      print_signed
        bl      print_newline
        add     r9, r9, #1
        cmp     r6, r5
        movne   r0, r9                  @ check n = the failing query
        bne     exit
        cmp     r9, #QUERY_COUNT
        blo     query
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ binary_search(r0 = array, r1 = count, r2 = key) -> r0 = index or -1
binary_search:
        push    {r4, r5}
        mov     r3, #0                  @ low
        sub     r1, r1, #1              @ high
1:      cmp     r3, r1
        bgt     4f
        add     r12, r3, r1
        asr     r12, r12, #1            @ middle
        ldr     r4, [r0, r12, lsl #2]
        cmp     r4, r2
        beq     3f
        addlt   r3, r12, #1
        subgt   r1, r12, #1
        b       1b
3:      mov     r0, r12
        pop     {r4, r5}
        bx      lr
4:      mvn     r0, #0                  @ -1
        pop     {r4, r5}
        bx      lr

print_signed:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
        movs    r4, r0
        rsbmi   r0, r0, #0
        mov     r3, #10
1:      udiv    r7, r0, r3
        mls     r12, r7, r3, r0
        add     r12, r12, #'0'
        strb    r12, [r1, #-1]!
        add     r2, r2, #1
        movs    r0, r7
        bne     1b
        cmp     r4, #0
        movlt   r12, #'-'
        strblt  r12, [r1, #-1]!
        addlt   r2, r2, #1
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r4, r7, pc}

print_newline:
        push    {r0-r2, r7, lr}
        mov     r0, #1
        ldr     r1, =newline
        mov     r2, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .data
newline: .byte  10
        .bss
digits: .space  12
digits_end:
