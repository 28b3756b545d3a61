@ bitfields.s — packing and unpacking fields: UBFX/SBFX extract, BFI inserts,
@ BFC clears, the extend family (SXTB, UXTH, SXTAB, UXTAB with ROR), byte
@ reversal (REV, REV16, REVSH), rotates, and the flags through MRS/MSR.
@ Decodes an RGB565 colour and prints its channels.

        .syntax unified
        .text
        .global _start
_start:
        @ RGB565: rrrrrggg gggbbbbb; 0xfa60 = red 31, green 19, blue 0
        movw    r4, #0xfa60
        ubfx    r0, r4, #11, #5
        mov     r1, #31
        bl      check                   @ 1
        ubfx    r0, r4, #5, #6
        mov     r1, #19
        bl      check                   @ 2
        ubfx    r0, r4, #0, #5
        mov     r1, #0
        bl      check                   @ 3
        @ print "r=31 g=19 b=0" from the fields
        ldr     r0, =red_text
        bl      print_string
        ubfx    r0, r4, #11, #5
        bl      print_unsigned
        ldr     r0, =green_text
        bl      print_string
        ubfx    r0, r4, #5, #6
        bl      print_unsigned
        ldr     r0, =blue_text
        bl      print_string
        and     r0, r4, #0x1f
        bl      print_unsigned
        mov     r0, #'\n'
        bl      print_char

        @ 4. signed field: bits 4..7 of 0xf0 are 1111 = -1
        mov     r0, #0xf0
        sbfx    r0, r0, #4, #4
        mvn     r1, #0
        bl      check
        @ 5. insert blue = 21 into the colour, 6. clear green
        mov     r0, #21
        bfi     r4, r0, #0, #5
        mov     r0, r4
        movw    r1, #0xfa75
        bl      check
        bfc     r4, #5, #6
        mov     r0, r4
        movw    r1, #0xf815
        bl      check
        @ 7-9. extends
        mov     r2, #0x80
        sxtb    r0, r2
        mvn     r1, #0x7f
        bl      check
        ldr     r2, =0x12345678
        uxth    r0, r2, ror #16
        movw    r1, #0x1234
        bl      check
        mov     r3, #1000
        sxtab   r0, r3, r2, ror #8      @ 1000 + sign-extended 0x56
        ldr     r1, =1000 + 0x56
        bl      check
        @ 10. uxtab
        mov     r3, #1
        uxtab   r0, r3, r2              @ 1 + 0x78
        mov     r1, #0x79
        bl      check
        @ 11-13. byte reversal
        rev     r0, r2
        ldr     r1, =0x78563412
        bl      check
        rev16   r0, r2
        ldr     r1, =0x34127856
        bl      check
        movw    r2, #0x0080
        revsh   r0, r2                  @ 0x8000 sign-extended
        ldr     r1, =0xffff8000
        bl      check
        @ 14. rotate right by 8 and rrx through the carry
        ldr     r2, =0x12345678
        ror     r0, r2, #8
        ldr     r1, =0x78123456
        bl      check
        @ 15. set the carry with msr, then rrx shifts it into bit 31
        mov     r0, #0x20000000         @ C flag
        msr     APSR_nzcvq, r0
        mov     r0, #2
        rrx     r0, r0
        ldr     r1, =0x80000001
        bl      check
        @ 16. mrs reads the flags back: cmp 1, 2 sets N only
        mov     r0, #1
        cmp     r0, #2
        mrs     r0, APSR
        and     r0, r0, #0xf0000000
        mov     r1, #0x80000000
        bl      check
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

        .section .rodata
red_text:   .asciz  "r="
green_text: .asciz  " g="
blue_text:  .asciz  " b="

        .bss
        .balign 4
checks_run:
        .space  4               @ how many checks have run: the exit status of a failure
digits: .space  12
digits_end:
