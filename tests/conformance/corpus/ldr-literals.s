@ `ldr rX, =expression` of every kind: MOV/MVN when the constant fits, a pool
@ entry otherwise; identical entries shared; pools at .ltorg/.pool and the end.
        .syntax unified
        .equ    BIG, 0x12345678
        .global _start
_start:
        ldr     r0, =0
        ldr     r1, =255
        ldr     r2, =0x3fc00
        ldr     r3, =-1
        ldr     r4, =0xffff00ff
        ldr     r5, =0x101
        ldr     r6, =BIG
        ldr     r7, =0x12345678
        ldr     r8, =data_word
        ldr     r9, =data_word + 4
        ldr     r10, =data_word - 4
        ldr     r11, =_start
        ldr     r12, ='A'
        ldr     r0, =(1 << 20) + 3
        ldreq   r1, =0x1234
        ldrne   r2, =BIG
        ldr     r3, =0xff000000 | 0xff
        ldr     lr, =0xabcdef01
        b       1f
        .ltorg
1:      ldr     r0, =BIG
        ldr     r1, =data_word
        ldr     r2, =0xdeadbeef
        ldr     r3, =0xdeadbeef
        ldr     r4, =later
        ldr     r5, =0x80000000
        ldr     r6, =0x7fffffff
        ldr     r7, =-256
        ldr     r8, =-257
        b       2f
        .pool
2:      ldr     r0, =0x55555555
        ldr     r1, =BIG
later:  ldr     r2, =data_bytes
        ldr     r3, =0xcafe
        nop

        .data
data_word:
        .word   1, 2, 3
data_bytes:
        .byte   1, 2, 3
