@ uppercase-stdin.s — read standard input in 16-byte chunks with the read system
@ call until it returns 0 (end of file), turn ASCII letters to upper case, write
@ each chunk back out, and finish with the number of bytes and letters seen.
@ Its input is uppercase-stdin.stdin beside it.

        .syntax unified
        .equ    SYS_EXIT, 1
        .equ    SYS_READ, 3
        .equ    SYS_WRITE, 4
        .equ    CHUNK, 16

        .bss
buffer: .space  CHUNK

        .text
        .global _start
_start:
        mov     r8, #0                  @ bytes read
        mov     r9, #0                  @ letters changed
read_chunk:
        mov     r0, #0                  @ stdin
        ldr     r1, =buffer
        mov     r2, #CHUNK
        mov     r7, #SYS_READ
        svc     #0
        cmp     r0, #0
        blt     read_failed
        beq     finished
        add     r8, r8, r0
        mov     r4, r0                  @ bytes in this chunk
        ldr     r1, =buffer
        mov     r2, #0
convert:
        ldrb    r3, [r1, r2]
        sub     r12, r3, #'a'
        cmp     r12, #'z' - 'a'         @ unsigned: is it a..z?
        subls   r3, r3, #'a' - 'A'
        strbls  r3, [r1, r2]
        addls   r9, r9, #1
        add     r2, r2, #1
        cmp     r2, r4
        blo     convert
        mov     r0, #1
        ldr     r1, =buffer
        mov     r2, r4
        mov     r7, #SYS_WRITE
        svc     #0
        b       read_chunk

finished:
        ldr     r0, =bytes_text
        bl      print_string
        mov     r0, r8
        bl      print_unsigned
        ldr     r0, =letters_text
        bl      print_string
        mov     r0, r9
        bl      print_unsigned
        mov     r0, #'\n'
        bl      print_char
        mov     r0, #0
        cmp     r8, #0                  @ check 1: there was some input
        moveq   r0, #1
        mov     r7, #SYS_EXIT
        svc     #0
read_failed:
        mov     r0, #2
        mov     r7, #SYS_EXIT
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

        .section .rodata
bytes_text:     .asciz  "bytes: "
letters_text:   .asciz  ", letters raised: "

        .bss
digits: .space  12
digits_end:
