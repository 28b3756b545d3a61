@ A correct program whose strings fill their blocks exactly (15 letters and
@ the NUL in malloc(16)), side by side: printf prints two of them in one call,
@ strcmp compares them (glibc's strcmp reads whole words, past the NUL, into
@ the slack of a 5-byte block: only the bytes up to the NUL count), strcat
@ appends, and write() sends exactly the bytes stored.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, r8, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0
        ldr     r1, =first
        bl      strcpy
        mov     r0, #16
        bl      malloc
        mov     r5, r0
        ldr     r1, =second
        bl      strcpy
        ldr     r0, =format
        mov     r1, r4
        mov     r2, r5
        bl      printf                  @ the first string ends where the second's block begins
        mov     r0, r4
        mov     r1, r5
        bl      strcmp
        mov     r0, #5
        bl      malloc
        mov     r6, r0
        ldr     r1, =short
        bl      strcpy                  @ "abcd" and its NUL: the whole 5-byte request
        mov     r0, #8
        bl      malloc
        mov     r7, r0
        ldr     r1, =other
        bl      strcpy                  @ "xabcd"
        mov     r0, r6                  @ "abcd" at a word against "abcd" at an odd address:
        add     r1, r7, #1              @ glibc's word-wise path reads r6's slack
        bl      strcmp
        mov     r0, r7
        bl      free
        mov     r0, #32
        bl      malloc
        mov     r8, r0
        mov     r1, #0
        strb    r1, [r8]
        mov     r1, r5
        bl      strcat
        mov     r0, r8
        mov     r1, r4
        bl      strcat
        bl      puts
        mov     r0, #1
        mov     r1, r4
        mov     r2, #15
        mov     r7, #4
        svc     #0
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, r6
        bl      free
        mov     r0, r8
        bl      free
        ldr     r0, =short
        bl      puts
        mov     r0, #0
        pop     {r4, r5, r6, r7, r8, pc}

        .section .rodata
first:  .asciz  "fifteen letters"
second: .asciz  "second"
short:  .asciz  "abcd"
other:  .asciz  "xabcd"
format: .asciz  "%s|%s\n"
