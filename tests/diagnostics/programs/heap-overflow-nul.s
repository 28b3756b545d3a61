@ The classic off-by-one: malloc(strlen(s)) has no room for the NUL, and the
@ copy loop writes it one byte past the block (which the buddy block's slack
@ would silently absorb without the checker). puts then reads that byte too.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r5, =message
        mov     r0, r5
        bl      strlen
        bl      malloc                  @ malloc(n), not malloc(n + 1)
        mov     r4, r0
        mov     r1, r5
        mov     r2, r4
copy:
        ldrb    r3, [r1], #1
        strb    r3, [r2], #1            @! heap-overflow
        cmp     r3, #0
        bne     copy
        mov     r0, r4
        bl      puts                    @! heap-overflow
        mov     r0, r4
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .section .rodata
message:
        .asciz  "hello, heap"
