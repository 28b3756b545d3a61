@ exit-status.s — a program's exit status is the low 8 bits of r0 passed to exit.
@ This one computes 3 * 7 + 21 = 42 and exits with it (the golden exit code is 42,
@ on purpose: it proves the status reaches the shell).

        .syntax unified
        .text
        .global _start
_start:
        mov     r1, #3
        mov     r2, #7
        mul     r0, r1, r2              @ r0 = 21
        add     r0, r0, #21             @ r0 = 42
        ldr     r1, =status_text
        bl      print_string
        mov     r7, #1                  @ exit(42)
        svc     #0

@ print_string(r1 = zero-terminated string); keeps r0.
print_string:
        push    {r0, r2, r7, lr}
        mov     r2, #0
1:      ldrb    r0, [r1, r2]
        cmp     r0, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0, r2, r7, pc}

        .section .rodata
status_text:
        .asciz  "exiting with status 42\n"
