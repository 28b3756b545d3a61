@ literal-pools.s — `ldr rX, =value` loads constants MOV cannot encode from a
@ literal pool that the assembler places at .ltorg (or the end of the section);
@ identical constants share one pool entry. Also MOVW/MOVT with :lower16: and
@ :upper16:, and constants the assembler turns into MOV or MVN.

        .syntax unified
        .text
        .global _start
_start:
        ldr     r0, =0x12345678         @ needs a pool entry
        movw    r1, #0x5678
        movt    r1, #0x1234
        bl      check                   @ 1
        ldr     r0, =0xff               @ fits MOV: no pool entry
        mov     r1, #255
        bl      check                   @ 2
        ldr     r0, =0xffffff00         @ fits MVN #0xff
        mvn     r1, #0xff
        bl      check                   @ 3
        ldr     r0, =message            @ an address
        movw    r1, #:lower16:message
        movt    r1, #:upper16:message
        bl      check                   @ 4
        b       after_first_pool

        .ltorg                          @ the first pool lands here

after_first_pool:
        ldr     r0, =0x12345678         @ a new pool: the old one may be too far in general
        ldr     r1, =0x12345678         @ shares the entry just made
        bl      check                   @ 5
        ldr     r0, =message + 8        @ address arithmetic
        ldr     r1, =message
        add     r1, r1, #8
        bl      check                   @ 6
        ldr     r0, =-2                 @ MVN #1
        mvn     r1, #1
        bl      check                   @ 7
        ldr     r0, =(1 << 31) | 1
        ldr     r1, =0x80000001
        bl      check                   @ 8
        @ reach over 1 KiB of code so the next pool is far away
        b       far_away
        .space  1200
far_away:
        ldr     r0, =0xcafef00d
        movw    r1, #0xf00d
        movt    r1, #0xcafe
        bl      check                   @ 9
        ldr     r0, =message
        bl      print_string
        mov     r0, #0
        mov     r7, #1
        svc     #0

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

print_string:
        push    {r0-r2, r7, lr}
        mov     r1, r0
        mov     r2, #0
1:      ldrb    r12, [r1, r2]
        cmp     r12, #0
        addne   r2, r2, #1
        bne     1b
        mov     r0, #1
        mov     r7, #4
        svc     #0
        pop     {r0-r2, r7, pc}

        .pool                           @ the second pool; .pool is .ltorg's other name

        .data
message:
        .asciz  "literal pools: all 9 checks passed\n"

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
