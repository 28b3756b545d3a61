@ Every LDM/STM spelling: IA IB DA DB and the stack names FD ED FA EA,
@ writeback, the ^ form, register ranges, PUSH/POP of one and many registers.
        .syntax unified
        .global _start
_start:
        ldm     r0, {r1, r2}
        ldmia   r0!, {r1-r3}
        ldmib   r0, {r4}
        ldmda   r0!, {r5, r7, r9}
        ldmdb   r0, {r1-r12}
        ldmfd   r13!, {r0, r1}
        ldmed   r1, {r2}
        ldmfa   r2!, {r3, r4}
        ldmea   r3, {r4-r6}
        stm     r0, {r1, r2}
        stmia   r0!, {r1-r3}
        stmib   r0, {r4}
        stmda   r0!, {r5, r7, r9}
        stmdb   r0, {r1-r12}
        stmfd   sp!, {r0, r1}
        stmed   r1, {r2}
        stmfa   r2!, {r3, r4}
        stmea   r3, {r4-r6}
        ldmeq   r0, {r1}
        ldmiane r0!, {r2}
        stmdbgt sp!, {r4-r11, lr}
        ldmfdle sp!, {r4-r11, pc}
        ldm     r0, {r0-r15}
        stm     r0, {r0-r15}^
        ldm     r0, {r1, r2}^
        ldmia   r0, {r1-r2, r4-r5, r7}
        push    {r0}
        push    {lr}
        push    {r4, lr}
        push    {r0-r12, lr}
        pop     {r0}
        pop     {pc}
        pop     {r4, pc}
        pop     {r0-r12, pc}
        pushne  {r1}
        popeq   {r1, r2}
