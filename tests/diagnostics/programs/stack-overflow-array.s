@ Each call reserves a 4 KiB local array; a deep (but finite) recursion runs
@ out of stack while storing into the newest array.
        .syntax unified
        .text
        .global main
main:
        push    {r4, lr}
        ldr     r0, =100000
        bl      deep
        mov     r0, #0
        pop     {r4, pc}

deep:
        push    {r4, lr}
        sub     sp, sp, #4096
        str     r0, [sp]                @! stack-overflow
        subs    r0, r0, #1
        blne    deep
        add     sp, sp, #4096
        pop     {r4, pc}
