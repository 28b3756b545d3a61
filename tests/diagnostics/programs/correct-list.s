@ A correct program: a list built with malloc, printed, and freed node by
@ node; calls keep sp 8-byte aligned and functions restore r4-r11.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r4, #0
        mov     r5, #5
build:
        mov     r0, #8
        bl      malloc
        str     r5, [r0]
        str     r4, [r0, #4]
        mov     r4, r0
        subs    r5, r5, #1
        bne     build
        mov     r0, r4
        bl      print_list
        mov     r0, r4
        bl      free_list
        mov     r0, #0
        pop     {r4, r5, r6, pc}

@ print_list(node): prints each value
print_list:
        push    {r4, lr}
        mov     r4, r0
1:      cmp     r4, #0
        beq     2f
        ldr     r0, =format
        ldr     r1, [r4]
        bl      printf
        ldr     r4, [r4, #4]
        b       1b
2:      pop     {r4, pc}

@ free_list(node): frees every node, reading next before the free
free_list:
        push    {r4, r5, r6, lr}
        mov     r4, r0
1:      cmp     r4, #0
        beq     2f
        ldr     r5, [r4, #4]
        mov     r0, r4
        bl      free
        mov     r4, r5
        b       1b
2:      pop     {r4, r5, r6, pc}

        .section .rodata
format: .asciz  "%d\n"
