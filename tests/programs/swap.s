@ swap.s — SWP and SWPB, the pre-ARMv6 atomic exchange (a test-and-set lock), assembled
@ for ARMv5TE, where GNU as takes them without a deprecation warning. Exit 0 = all passed.

        .syntax unified
        .arch   armv5te
        .data
        .align  2
lock:   .word   0
small:  .byte   8, 0
done_text: .asciz "swap ok\n"

        .text
        .global _start
_start:
        @ 1-2. swp: exchange a register with memory (a test-and-set lock)
        ldr     r4, =lock
        mov     r2, #1
        swp     r0, r2, [r4]
        mov     r1, #0                  @ the lock was free
        bl      check
        swp     r0, r2, [r4]
        mov     r1, #1                  @ now it is taken
        bl      check
        @ 3. swpb swaps one byte
        ldr     r4, =small
        ldr     r2, =0x1ff
        swpb    r0, r2, [r4]
        ldrb    r1, [r4]
        add     r0, r0, r1              @ 8 + 0xff
        ldr     r1, =263
        bl      check
        @ 4. swp with the same register as source and destination exchanges it
        ldr     r4, =lock
        mov     r3, #5
        swp     r3, r3, [r4]
        mov     r0, r3
        mov     r1, #1
        bl      check
        ldr     r0, [r4]
        mov     r1, #5
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0
        .ltorg

@ check: r0 must equal r1; counts checks in checks_run and exits with the failing
@ check's number. Keeps every register but r12 (more than the AAPCS asks).
check:
        push    {r0, r1}
        ldr     r12, =checks_run
        ldr     r0, [r12]
        add     r0, r0, #1
        str     r0, [r12]
        pop     {r0, r1}
        cmp     r0, r1
        bxeq    lr
        ldr     r0, [r12]               @ the failed check's number
        mov     r7, #1
        svc     #0

@ print_hex(r0): 8 hex digits and a newline; keeps every register.
print_hex:
        push    {r0-r5, r7, lr}
        mov     r4, r0
        mov     r5, #28
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #'a' - 10
        bl      print_char
        subs    r5, r5, #4
        bpl     1b
        mov     r0, #'\n'
        bl      print_char
        pop     {r0-r5, r7, pc}

@ print_char(r0); keeps every register.
print_char:
        push    {r0-r2, r7, lr}
        sub     sp, sp, #8
        strb    r0, [sp]
        mov     r1, sp
        mov     r0, #1
        mov     r2, #1
        mov     r7, #4
        svc     #0
        add     sp, sp, #8
        pop     {r0-r2, r7, pc}

@ print_string(r1 = zero-terminated string); keeps every register.
print_string:
        push    {r0-r2, r7, lr}
        mov     r2, #0
1:      ldrb    r0, [r1, r2]
        cmp     r0, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
