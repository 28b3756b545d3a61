@ bubble-sort.s — sort an array of signed words in .data with bubble sort,
@ print it, then check it is in order and still sums to the same total.

        .syntax unified
        .data
        .align  2
numbers:
        .word   42, -7, 1000, 3, 0, 99, -250, 17, 8, 8, 65535, -1
        .equ    COUNT, (. - numbers) / 4
space:  .ascii  " "
newline:
        .ascii  "\n"

        .text
        .global _start
_start:
        ldr     r0, =numbers
        mov     r1, #COUNT
        bl      sum_words
        mov     r8, r0                  @ the total before sorting

        ldr     r0, =numbers
        mov     r1, #COUNT
        bl      bubble_sort

        @ print the sorted numbers
        ldr     r4, =numbers
        mov     r5, #COUNT
print_loop:
        ldr     r0, [r4], #4
        bl      print_signed
        subs    r5, r5, #1
        ldrne   r1, =space
        ldreq   r1, =newline
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        cmp     r5, #0
        bne     print_loop

        @ check 1: every element is <= the next (signed)
        ldr     r4, =numbers
        mov     r5, #COUNT - 1
1:      ldr     r0, [r4], #4
        ldr     r1, [r4]
        cmp     r0, r1
        movgt   r0, #1
        bgt     exit
        subs    r5, r5, #1
        bne     1b
        @ check 2: the total is unchanged
        ldr     r0, =numbers
        mov     r1, #COUNT
        bl      sum_words
        cmp     r0, r8
        movne   r0, #2
        bne     exit
        @ check 3: first and last
        ldr     r4, =numbers
        ldr     r0, [r4]
        cmn     r0, #250
        movne   r0, #3
        bne     exit
        ldr     r0, [r4, #(COUNT - 1) * 4]
        ldr     r1, =65535
        cmp     r0, r1
        movne   r0, #3
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ bubble_sort(r0 = array, r1 = count): ascending, signed
bubble_sort:
        push    {r4-r6, lr}
outer:
        subs    r1, r1, #1
        ble     done
        mov     r2, r0                  @ walking pointer
        mov     r3, r1                  @ comparisons in this pass
        mov     r6, #0                  @ swapped anything?
inner:
        ldr     r4, [r2]
        ldr     r5, [r2, #4]
        cmp     r4, r5
        strgt   r5, [r2]
        strgt   r4, [r2, #4]
        movgt   r6, #1
        add     r2, r2, #4
        subs    r3, r3, #1
        bne     inner
        cmp     r6, #0
        bne     outer
done:
        pop     {r4-r6, pc}

@ sum_words(r0 = array, r1 = count) -> r0
sum_words:
        mov     r2, #0
1:      ldr     r3, [r0], #4
        add     r2, r2, r3
        subs    r1, r1, #1
        bne     1b
        mov     r0, r2
        bx      lr

@ print_signed(r0): decimal with a leading '-' for negatives
print_signed:
        push    {r0-r4, r7, lr}
        ldr     r1, =digits_end
        mov     r2, #0
        movs    r4, r0
        rsbmi   r0, r0, #0              @ magnitude
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

        .bss
digits: .space  12
digits_end:
