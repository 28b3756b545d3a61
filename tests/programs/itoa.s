@ itoa.s — convert integers to text in any base (2..16) into a buffer, then
@ write the buffer. Checks each conversion against the expected text.

        .syntax unified
        .text
        .global _start
_start:
        ldr     r9, =cases
        mov     r10, #1                 @ check number
next_case:
        ldr     r0, [r9], #4            @ value
        ldr     r1, [r9], #4            @ base (0 ends the list)
        ldr     r8, [r9], #4            @ expected text
        cmp     r1, #0
        beq     all_passed
        ldr     r2, =buffer
        bl      itoa                    @ r0 = length
        mov     r4, r0
        @ write the buffer and a newline
        mov     r2, r0
        ldr     r1, =buffer
        mov     r0, #1
        mov     r7, #4
        svc     #0
        mov     r0, #1
        ldr     r1, =newline
        mov     r2, #1
        svc     #0
        @ compare with the expected text, including the terminating zero
        ldr     r1, =buffer
1:      ldrb    r2, [r1], #1
        ldrb    r3, [r8], #1
        cmp     r2, r3
        movne   r0, r10
        bne     exit
        cmp     r2, #0
        bne     1b
        add     r10, r10, #1
        b       next_case
all_passed:
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ itoa(r0 = value, r1 = base, r2 = buffer) -> r0 = length; writes a
@ zero-terminated string. Base 10 is signed; other bases are unsigned.
itoa:
        push    {r4-r7, lr}
        mov     r4, r2                  @ start of the buffer
        mov     r5, #0                  @ negative?
        cmp     r1, #10
        bne     convert
        cmp     r0, #0
        rsblt   r0, r0, #0
        movlt   r5, #1
convert:
        mov     r6, r2                  @ write pointer
        ldr     r7, =digit_chars
1:      udiv    r3, r0, r1
        mls     r12, r3, r1, r0         @ remainder
        ldrb    r12, [r7, r12]
        strb    r12, [r6], #1
        movs    r0, r3
        bne     1b
        cmp     r5, #0
        movne   r12, #'-'
        strbne  r12, [r6], #1
        mov     r12, #0
        strb    r12, [r6]
        sub     r0, r6, r4              @ length
        @ the digits came out backwards: reverse them
        sub     r6, r6, #1
2:      cmp     r4, r6
        bhs     3f
        ldrb    r2, [r4]
        ldrb    r3, [r6]
        strb    r3, [r4], #1
        strb    r2, [r6], #-1
        b       2b
3:      pop     {r4-r7, pc}

        .section .rodata
digit_chars:
        .ascii  "0123456789abcdef"
newline:
        .ascii  "\n"
t1:     .asciz  "0"
t2:     .asciz  "12345"
t3:     .asciz  "-2147483648"
t4:     .asciz  "ffffffff"
t5:     .asciz  "101010"
t6:     .asciz  "777"
t7:     .asciz  "-1"
t8:     .asciz  "deadbeef"
t9:     .asciz  "2147483647"
        .align  2
cases:  @ value, base, expected
        .word   0, 10, t1
        .word   12345, 10, t2
        .word   0x80000000, 10, t3
        .word   -1, 16, t4
        .word   42, 2, t5
        .word   0777, 8, t6
        .word   -1, 10, t7
        .word   0xdeadbeef, 16, t8
        .word   0x7fffffff, 10, t9
        .word   0, 0, 0

        .bss
buffer: .space  40
