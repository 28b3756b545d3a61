@ A linked list of four nodes built in a loop, but the clean-up frees only the
@ head: the other three nodes leak (the second is definitely lost, the rest
@ indirectly lost), all allocated by the same call.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r4, #0                  @ head
        mov     r5, #4
build:
        mov     r0, #8
        bl      malloc                  @! leak*3
        str     r5, [r0]                @ node->value
        str     r4, [r0, #4]            @ node->next
        mov     r4, r0
        subs    r5, r5, #1
        bne     build
        mov     r0, r4
        bl      free                    @ frees the head only
        mov     r4, #0
        mov     r0, #0
        pop     {r4, r5, r6, pc}
