@ A linked list on the heap: malloc nodes, walk, sum; calloc zeroes; realloc keeps contents; free all.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, r7, lr}
        sub     sp, sp, #4
        mov     r4, #0              @ head
        mov     r5, #1
build:  mov     r0, #8
        bl      malloc
        str     r5, [r0]            @ node->value
        str     r4, [r0, #4]        @ node->next
        mov     r4, r0
        add     r5, r5, #1
        cmp     r5, #10
        ble     build
        mov     r6, #0              @ sum
        mov     r7, r4
walk:   cmp     r7, #0
        beq     walked
        ldr     r0, [r7]
        add     r6, r6, r0
        ldr     r7, [r7, #4]
        b       walk
walked: ldr     r0, =show_sum
        mov     r1, r6
        bl      printf
        @ calloc gives zeroed memory
        mov     r0, #4
        mov     r1, #4
        bl      calloc
        mov     r7, r0
        ldr     r1, [r7]
        ldr     r2, [r7, #12]
        ldr     r0, =show_calloc
        bl      printf
        @ realloc keeps the contents
        mov     r0, #0x41
        strb    r0, [r7]
        mov     r0, #0
        strb    r0, [r7, #1]
        mov     r0, r7
        mov     r1, #1000
        bl      realloc
        mov     r7, r0
        mov     r1, r7
        ldr     r0, =show_realloc
        bl      printf
        mov     r0, r7
        bl      free
        @ free the list
free_list:
        cmp     r4, #0
        beq     freed
        ldr     r5, [r4, #4]
        mov     r0, r4
        bl      free
        mov     r4, r5
        b       free_list
freed:  mov     r0, #0
        bl      free                @ free(NULL) does nothing
        ldr     r0, =done
        bl      puts
        mov     r0, #0
        add     sp, sp, #4
        pop     {r4, r5, r6, r7, pc}

        .section .rodata
show_sum:       .asciz "sum of 1..10 = %d\n"
show_calloc:    .asciz "calloc: %d %d\n"
show_realloc:   .asciz "realloc kept: %s\n"
done:           .asciz "all freed"
