@ free() of a stack address: malloc never returned it.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        sub     sp, sp, #16
        mov     r0, sp
        bl      free                    @! invalid-free
        add     sp, sp, #16
        mov     r0, #0
        pop     {r4, pc}
