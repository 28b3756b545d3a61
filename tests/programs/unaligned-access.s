@ unaligned-access.s — Linux user mode on ARMv7 lets LDR, STR, LDRH and STRH
@ reach unaligned addresses (qemu-arm does the same); the bytes are read
@ little-endian across the boundary. LDM/STM/LDRD/STRD are not used here:
@ they must stay aligned. Prints each value read in hex.
@ sherwood: allow misaligned-access

        .syntax unified
        .data
        .align  2
bytes:  .byte   0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99
        .align  2
scratch:
        .space  12

        .text
        .global _start
_start:
        ldr     r4, =bytes
        ldr     r0, [r4, #1]            @ 1. word at offset 1
        ldr     r1, =0x44332211
        bl      check
        ldr     r0, [r4, #3]            @ 2. word at offset 3
        ldr     r1, =0x66554433
        bl      check
        ldrh    r0, [r4, #5]            @ 3. halfword at offset 5
        movw    r1, #0x6655
        bl      check
        ldrsh   r0, [r4, #7]            @ 4. signed halfword 0x8877
        ldr     r1, =0xffff8877
        bl      check
        @ 5-6. unaligned stores, read back aligned
        ldr     r5, =scratch
        ldr     r0, =0xa1b2c3d4
        str     r0, [r5, #2]
        movw    r0, #0xeeff
        strh    r0, [r5, #7]
        ldr     r0, [r5]
        ldr     r1, =0xc3d40000
        bl      check
        ldr     r0, [r5, #4]
        ldr     r1, =0xff00a1b2
        bl      check
        mov     r0, #0
        mov     r7, #1
        svc     #0

@ check(r0 = value read, r1 = expected): prints r0; counts checks in checks_run
@ and exits with the check's number on a mismatch
check:
        push    {r4, r5, r6, lr}        @ r6 only pads the frame to 16 bytes: sp
        mov     r4, r0                  @ must stay a multiple of 8 at the bl
        mov     r5, r1
        bl      print_hex
        ldr     r1, =checks_run
        ldr     r0, [r1]
        add     r0, r0, #1
        str     r0, [r1]
        cmp     r4, r5
        popeq   {r4, r5, r6, pc}
        mov     r7, #1                  @ exit status r0: the failed check's number
        svc     #0

print_hex:
        push    {r4-r5, r7, lr}
        mov     r4, r0
        ldr     r1, =hex_buffer
        mov     r5, #28
1:      lsr     r0, r4, r5
        and     r0, r0, #15
        cmp     r0, #10
        addlo   r0, r0, #'0'
        addhs   r0, r0, #'a' - 10
        strb    r0, [r1], #1
        subs    r5, r5, #4
        bpl     1b
        mov     r0, #'\n'
        strb    r0, [r1]
        mov     r0, #1
        ldr     r1, =hex_buffer
        mov     r2, #9
        mov     r7, #4
        svc     #0
        pop     {r4-r5, r7, pc}

        .bss
        .balign 4
checks_run:
        .space  4
hex_buffer:
        .space  12
