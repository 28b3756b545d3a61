@ for (i = 0; i <= 4; i++) a[i] = i;  with a = malloc(4 * 4): the loop runs
@ once too often, and a[4] is the first word of the list node allocated next.
@ Each store is [r4, r2, lsl #2], so the last one's address comes from r4, a
@ pointer into the array. The node itself is correct (stored through its own
@ pointer), and reading it back shows the damage.
        .syntax unified
        .text
        .global main
main:
        push    {r4, r5, r6, lr}
        mov     r0, #16
        bl      malloc
        mov     r4, r0                  @ int a[4]
        mov     r0, #16
        bl      malloc
        mov     r5, r0                  @ a node: value, next
        mov     r1, #100
        str     r1, [r5]
        mov     r1, #0
        str     r1, [r5, #4]
        mov     r2, #0
fill:
        str     r2, [r4, r2, lsl #2]    @! heap-overflow
        add     r2, r2, #1
        cmp     r2, #4
        ble     fill                    @ should be blt
        ldr     r0, [r5]                @ the node's value is 4 now, not 100
        mov     r0, r4
        bl      free
        mov     r0, r5
        bl      free
        mov     r0, #0
        pop     {r4, r5, r6, pc}
