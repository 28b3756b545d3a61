@ fprintf, fputs, fputc and putc on stdout and stderr; fflush puts buffered
@ output ahead of a direct write(2); without it the write would come first.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        ldr     r4, =stdout
        ldr     r4, [r4]
        ldr     r5, =stderr
        ldr     r5, [r5]
        mov     r0, r4
        ldr     r1, =greeting
        ldr     r2, =name
        mov     r3, #42
        bl      fprintf
        mov     r6, r0
        mov     r0, r5
        ldr     r1, =to_stderr
        bl      fprintf             @ goes to stderr, not stdout
        ldr     r0, =piece
        mov     r1, r4
        bl      fputs
        mov     r1, r0              @ fputs' result
        ldr     r0, =show_result
        mov     r2, r6
        bl      printf
        mov     r0, #'['
        mov     r1, r4
        bl      fputc
        mov     r0, #']'
        mov     r1, r4
        bl      putc
        mov     r0, #'\n'
        mov     r1, r4
        bl      putc
        @ ordering: buffered text, fflush, then a direct write
        ldr     r0, =before
        bl      printf
        mov     r0, r4
        bl      fflush
        mov     r0, #1
        ldr     r1, =direct
        mov     r2, #direct_end - direct
        mov     r7, #4
        svc     #0
        @ this one stays buffered until exit, so it comes after the second write
        ldr     r0, =after
        bl      printf
        mov     r0, #1
        ldr     r1, =direct
        mov     r2, #direct_end - direct
        mov     r7, #4
        svc     #0
        mov     r0, #0
        pop     {r4, r5, r6, pc}

        .section .rodata
greeting:       .asciz "Hello %s, the answer is %d\n"
name:           .asciz "Marian"
to_stderr:      .asciz "this goes to stderr\n"
piece:          .asciz "fputs adds no newline, "
show_result:    .asciz "fputs returned %d, fprintf returned %d\n"
before:         .asciz "flushed before the write\n"
after:          .asciz "printed after, shown last\n"
direct:         .ascii "(write)\n"
direct_end:
