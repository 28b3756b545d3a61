@ linked-list.s — a singly linked list of nodes in .data ({ value, next }):
@ walk it, sum it, reverse it in place by relinking pointers, and insert a new
@ node (from .bss) in sorted position. Prints the list after each step.

        .syntax unified
        .equ    VALUE, 0
        .equ    NEXT, 4

        .data
        .align  2
node_a: .word   10, node_b
node_b: .word   20, node_c
node_c: .word   30, node_d
node_d: .word   40, 0
head:   .word   node_a

        .bss
        .align  2
new_node:
        .space  8

        .text
        .global _start
_start:
        ldr     r0, =head
        ldr     r0, [r0]
        bl      print_list
        bl      list_sum
        cmp     r0, #100
        movne   r0, #1
        bne     exit

        @ reverse: prev = 0; while (node) { next = node->next; node->next = prev; prev = node; node = next; }
        ldr     r3, =head
        ldr     r0, [r3]
        mov     r1, #0
1:      cmp     r0, #0
        beq     2f
        ldr     r2, [r0, #NEXT]
        str     r1, [r0, #NEXT]
        mov     r1, r0
        mov     r0, r2
        b       1b
2:      str     r1, [r3]
        mov     r0, r1
        bl      print_list
        ldr     r0, [r1, #VALUE]
        cmp     r0, #40                 @ check 2: 40 is first now
        movne   r0, #2
        bne     exit

        @ insert 25 into the (descending) list, keeping it sorted
        ldr     r4, =new_node
        mov     r0, #25
        str     r0, [r4, #VALUE]
        ldr     r3, =head               @ r3 = address of the link to update
3:      ldr     r0, [r3]
        cmp     r0, #0
        beq     4f
        ldr     r1, [r0, #VALUE]
        cmp     r1, #25
        addgt   r3, r0, #NEXT
        bgt     3b
4:      str     r0, [r4, #NEXT]
        str     r4, [r3]
        ldr     r0, =head
        ldr     r0, [r0]
        bl      print_list
        bl      list_sum
        cmp     r0, #125                @ check 3
        movne   r0, #3
        bne     exit
        mov     r0, #0
exit:
        mov     r7, #1
        svc     #0

@ list_sum(r0 = first node) -> r0
list_sum:
        mov     r1, #0
1:      cmp     r0, #0
        ldrne   r2, [r0, #VALUE]
        addne   r1, r1, r2
        ldrne   r0, [r0, #NEXT]
        bne     1b
        mov     r0, r1
        bx      lr

@ print_list(r0 = first node): "10 -> 20 -> 30\n"; keeps r0-r3
print_list:
        push    {r0-r4, lr}
        mov     r4, r0
1:      ldr     r0, [r4, #VALUE]
        bl      print_unsigned
        ldr     r4, [r4, #NEXT]
        cmp     r4, #0
        beq     2f
        ldr     r0, =arrow
        mov     r1, #4
        bl      write_bytes
        b       1b
2:      ldr     r0, =newline
        mov     r1, #1
        bl      write_bytes
        pop     {r0-r4, pc}

@ write_bytes(r0 = address, r1 = count)
write_bytes:
        push    {r7, lr}
        mov     r2, r1
        mov     r1, r0
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r7, pc}

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

        .section .rodata
arrow:   .ascii  " -> "
newline: .ascii  "\n"
        .bss
digits: .space  12
digits_end:
