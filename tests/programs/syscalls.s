@ syscalls.s — the Linux EABI calls a teaching program meets besides read/write/exit:
@ getpid, time, gettimeofday, clock_gettime, nanosleep, brk, exit_group, an unknown
@ number (-ENOSYS) and a bad descriptor (-EBADF). Only facts that hold on any run are
@ checked (no absolute times are printed). Exit 0 = all checks passed.

        .syntax unified
        .data
        .align  3
stamp:  .word   0
timeval: .word  0, 0
before: .word   0, 0
after:  .word   0, 0
request: .word  0, 20000000            @ 20 ms
bad_request: .word 0, 1000000000
done_text: .asciz "syscalls ok\n"

        .text
        .global _start
_start:
        @ 1-2. getpid: positive, the same twice
        mov     r7, #20
        svc     #0
        mov     r4, r0
        cmp     r0, #0
        movgt   r0, #1
        mov     r1, #1
        bl      check
        mov     r7, #20
        svc     #0
        mov     r1, r4
        bl      check
        @ 3-4. time(&stamp): after 2017 and stored where asked
        ldr     r0, =stamp
        mov     r7, #13
        svc     #0
        mov     r4, r0
        ldr     r1, =1500000000
        cmp     r0, r1
        movhi   r0, #1
        movls   r0, #0
        mov     r1, #1
        bl      check
        ldr     r0, =stamp
        ldr     r0, [r0]
        mov     r1, r4
        bl      check
        @ 5-6. gettimeofday: the same second as time (or the next), microseconds < 10^6
        ldr     r0, =timeval
        mov     r1, #0
        mov     r7, #78
        svc     #0
        mov     r1, #0
        bl      check
        ldr     r5, =timeval
        ldr     r0, [r5]
        sub     r0, r0, r4
        cmp     r0, #1
        movls   r0, #1
        movhi   r0, #0
        mov     r1, #1
        bl      check
        ldr     r0, [r5, #4]
        ldr     r1, =1000000
        cmp     r0, r1
        movlo   r0, #1
        movhs   r0, #0
        mov     r1, #1
        bl      check
        @ 8-10. clock_gettime(CLOCK_MONOTONIC) around nanosleep(20 ms): at least 20 ms apart
        mov     r0, #1
        ldr     r1, =before
        ldr     r7, =263
        svc     #0
        mov     r1, #0
        bl      check
        ldr     r0, =request
        mov     r1, #0
        ldr     r7, =162
        svc     #0
        mov     r1, #0
        bl      check
        mov     r0, #1
        ldr     r1, =after
        ldr     r7, =263
        svc     #0
        ldr     r2, =before
        ldr     r3, =after
        ldr     r4, [r3]
        ldr     r5, [r2]
        sub     r4, r4, r5              @ seconds apart
        ldr     r5, =1000000000
        ldr     r6, [r3, #4]
        ldr     r7, [r2, #4]
        sub     r6, r6, r7
        mla     r0, r4, r5, r6          @ nanoseconds apart (fits: well under 2 s)
        ldr     r1, =20000000
        cmp     r0, r1
        movge   r0, #1
        movlt   r0, #0
        mov     r1, #1
        bl      check
        @ 11. nanosleep with 10^9 nanoseconds is refused: -EINVAL
        ldr     r0, =bad_request
        mov     r1, #0
        ldr     r7, =162
        svc     #0
        mvn     r1, #21                 @ -22
        bl      check
        @ 12-15. brk: query, grow by 8 KiB, use the new memory, shrink back
        mov     r0, #0
        mov     r7, #45
        svc     #0
        mov     r4, r0
        add     r0, r4, #8192
        mov     r7, #45
        svc     #0
        add     r1, r4, #8192
        bl      check
        ldr     r2, =0x5eed
        add     r3, r4, #4096
        str     r2, [r3, #4]
        ldr     r0, [r3, #4]
        mov     r1, r2
        bl      check
        mov     r0, r4
        mov     r7, #45
        svc     #0
        mov     r1, r4
        bl      check
        mov     r0, #0
        mov     r7, #45
        svc     #0
        mov     r1, r4
        bl      check
        @ 16. write to a descriptor that is not open: -EBADF
        mov     r0, #99
        ldr     r1, =done_text
        mov     r2, #1
        mov     r7, #4
        svc     #0
        mvn     r1, #8                  @ -9
        bl      check
        @ 17. a number Linux does not have: -ENOSYS
        ldr     r7, =500
        svc     #0
        mvn     r1, #37                 @ -38
        bl      check
        ldr     r1, =done_text
        bl      print_string
        mov     r0, #0
        mov     r7, #248                @ exit_group
        svc     #0
        .ltorg

        .include "lib/checks.inc"
