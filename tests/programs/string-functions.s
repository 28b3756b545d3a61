@ string-functions.s — strlen, strcmp, strcpy and memset written in assembly,
@ with a macro for the system calls. Checks each; prints the built string.

        .syntax unified
        .equ    SYS_EXIT, 1
        .equ    SYS_WRITE, 4

        .macro  syscall number
        mov     r7, #\number
        svc     #0
        .endm

        .macro  expect register, value, check
        cmp     \register, #\value
        movne   r0, #\check
        bne     exit
        .endm

        .data
hello:      .asciz  "hello"
help:       .asciz  "help"
hello_too:  .asciz  "hello"
empty:      .asciz  ""
        .align  2
buffer:     .space  32

        .text
        .global _start
_start:
        ldr     r0, =hello
        bl      strlen
        expect  r0, 5, 1
        ldr     r0, =empty
        bl      strlen
        expect  r0, 0, 2

        ldr     r0, =hello
        ldr     r1, =hello_too
        bl      strcmp
        expect  r0, 0, 3
        ldr     r0, =hello
        ldr     r1, =help
        bl      strcmp                  @ 'l' < 'p'
        cmp     r0, #0
        movge   r0, #4
        bge     exit
        ldr     r0, =help
        ldr     r1, =empty
        bl      strcmp
        cmp     r0, #0
        movle   r0, #5
        ble     exit

        @ buffer = "=====" then strcpy "hello" over the start: "hello"
        ldr     r0, =buffer
        mov     r1, #'='
        mov     r2, #10
        bl      memset
        ldr     r0, =buffer
        ldrb    r0, [r0, #9]
        expect  r0, '=', 6
        ldr     r0, =buffer
        ldr     r1, =hello
        bl      strcpy
        ldr     r0, =buffer
        bl      strlen
        expect  r0, 5, 7
        @ append " world\n" after it
        ldr     r0, =buffer + 5
        adr     r1, world
        bl      strcpy
        ldr     r0, =buffer
        bl      strlen
        mov     r2, r0
        expect  r2, 12, 8
        ldr     r1, =buffer
        mov     r0, #1
        syscall SYS_WRITE
        mov     r0, #0
exit:
        syscall SYS_EXIT

world:  .asciz  " world\n"
        .align  2

@ strlen(r0) -> r0
strlen:
        mov     r1, r0
1:      ldrb    r2, [r1], #1
        cmp     r2, #0
        bne     1b
        sub     r0, r1, r0
        sub     r0, r0, #1
        bx      lr

@ strcmp(r0, r1) -> r0 < 0, 0, > 0
strcmp:
1:      ldrb    r2, [r0], #1
        ldrb    r3, [r1], #1
        cmp     r2, #1                  @ C clear when r2 = 0
        cmpcs   r2, r3                  @ compare only while not at the end
        beq     1b
        sub     r0, r2, r3
        bx      lr

@ strcpy(r0 = destination, r1 = source) -> r0 = destination
strcpy:
        mov     r12, r0
1:      ldrb    r2, [r1], #1
        strb    r2, [r12], #1
        cmp     r2, #0
        bne     1b
        bx      lr

@ memset(r0 = destination, r1 = byte, r2 = count)
memset:
        subs    r2, r2, #1
        strbpl  r1, [r0, r2]
        bpl     memset
        bx      lr
