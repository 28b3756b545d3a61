@ struct-data.s — an array of records laid out with .equ field offsets:
@   struct student { uint32 id; uint8 age; uint8 grade; uint16 score; char *name; }
@ Finds the best score, the average age, and prints each record.

        .syntax unified
        .equ    ID, 0
        .equ    AGE, 4
        .equ    GRADE, 5
        .equ    SCORE, 6
        .equ    NAME, 8
        .equ    RECORD_SIZE, 12

        .data
        .align  2
students:
        .word   1001
        .byte   19, 'B'
        .hword  812
        .word   name_ada
        .word   1002
        .byte   22, 'A'
        .hword  955
        .word   name_alan
        .word   1003
        .byte   20, 'C'
        .hword  640
        .word   name_grace
        .word   1004
        .byte   23, 'A'
        .hword  901
        .word   name_linus
        .equ    STUDENT_COUNT, (. - students) / RECORD_SIZE

name_ada:   .asciz  "Ada"
name_alan:  .asciz  "Alan"
name_grace: .asciz  "Grace"
name_linus: .asciz  "Linus"
best_text:  .asciz  "best: "

        .text
        .global _start
_start:
        ldr     r4, =students
        mov     r5, #STUDENT_COUNT
        mov     r6, #0                  @ best score so far
        mov     r7, #0                  @ record with the best score
        mov     r8, #0                  @ sum of ages
print_record:
        ldr     r0, [r4, #ID]
        bl      print_unsigned
        mov     r0, #' '
        bl      print_char
        ldr     r0, [r4, #NAME]
        bl      print_string
        mov     r0, #' '
        bl      print_char
        ldrb    r0, [r4, #GRADE]
        bl      print_char
        mov     r0, #' '
        bl      print_char
        ldrh    r0, [r4, #SCORE]
        bl      print_unsigned
        mov     r0, #'\n'
        bl      print_char
        ldrh    r0, [r4, #SCORE]
        cmp     r0, r6
        movhi   r6, r0
        movhi   r7, r4
        ldrb    r0, [r4, #AGE]
        add     r8, r8, r0
        add     r4, r4, #RECORD_SIZE
        subs    r5, r5, #1
        bne     print_record

        ldr     r0, =best_text
        bl      print_string
        ldr     r0, [r7, #NAME]
        bl      print_string
        mov     r0, #'\n'
        bl      print_char

        @ check 1: the best is Alan with 955
        ldr     r0, [r7, #ID]
        ldr     r1, =1002
        cmp     r0, r1
        movne   r0, #1
        bne     exit
        @ check 2: ages sum to 84, average 21
        cmp     r8, #84
        movne   r0, #2
        bne     exit
        mov     r0, r8
        mov     r1, #STUDENT_COUNT
        udiv    r0, r0, r1
        cmp     r0, #21
        movne   r0, #3
        bne     exit
        @ check 4: raise Grace's score by 100 with a halfword store, read it back
        ldr     r4, =students + 2 * RECORD_SIZE
        ldrh    r0, [r4, #SCORE]
        add     r0, r0, #100
        strh    r0, [r4, #SCORE]
        ldr     r1, [r4, #AGE]          @ age, grade and score in one word
        lsr     r1, r1, #16
        cmp     r1, #740
        movne   r0, #4
        bne     exit
        mov     r0, #0
exit:
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

print_string:
        push    {r0-r2, r7, lr}
        mov     r1, r0
        mov     r2, #0
1:      ldrb    r12, [r1, r2]
        cmp     r12, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

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
digits: .space  12
digits_end:
