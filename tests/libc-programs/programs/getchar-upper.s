@ Copies stdin to stdout in upper case with getchar/toupper/putchar; exits with the number of lines.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        mov     r4, #0
next:
        bl      getchar
        cmn     r0, #1              @ EOF?
        beq     done
        cmp     r0, #'\n'
        addeq   r4, r4, #1
        bl      toupper
        bl      putchar
        b       next
done:
        mov     r0, r4
        pop     {r4, pc}
