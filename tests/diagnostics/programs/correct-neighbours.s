@ A correct program whose blocks lie side by side with no slack between
@ them: a string reversed into a buffer by a pointer walking down from one
@ past its end (strb r3, [r2, #-1]! starts from the next block's first
@ address, and stores below it: into its own buffer), a string that puts
@ reads up to its NUL inside its block, and write() of exactly the bytes
@ stored.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0                  @ the reversed text: 15 letters and the NUL
        mov     r0, #16
        bl      malloc
        mov     r5, r0                  @ a neighbour, in use
        mov     r1, #0
        str     r1, [r5]
        add     r2, r4, #16             @ one past the end of the buffer = the neighbour's start
        mov     r1, #0
        strb    r1, [r2, #-1]!          @ the NUL, at the buffer's last byte
        ldr     r1, =text
reverse:
        ldrb    r3, [r1], #1
        cmp     r3, #0
        beq     done
        strb    r3, [r2, #-1]!
        b       reverse
done:
        mov     r0, r4
        bl      puts
        mov     r0, #1
        mov     r1, r4
        mov     r2, #15
        mov     r7, #4
        svc     #0                      @ write(1, buffer, 15): every byte was stored
        ldr     r0, [r5]
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .section .rodata
text:   .asciz  "abcdefghijklmno"
