@ push {lr} alone leaves sp 4 bytes off an 8-byte boundary at the call.
        .syntax unified
        .text
        .global main
main:
        push    {lr}
        ldr     r0, =text
        bl      puts                    @! sp-misaligned
        mov     r0, #0
        pop     {pc}

        .section .rodata
text:   .asciz  "misaligned"
