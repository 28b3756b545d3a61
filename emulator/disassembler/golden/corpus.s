.syntax unified
.text
.global _start
_start:
add r0,r1,#5
adds r0,r1,#5
addeq r0,r1,#5
addseq r0,r1,#5
add r0, r1, #0x1000
add r0, r1, #0xff000000
mov r0, #0x101 & 0xff
mvn r0, #0
mov r9, r10
mov r11, r12
mov r13, r14
add r0, r1, r2, lsl #3
add r0, r1, r2, lsl r3
add r0, r1, r2, rrx
add r0, r1, r2, ror #0x1f
mov r0, r1, lsl #2
movs r0, r1, lsr #32
mov r0, r1, rrx
mov r0, r1, lsl r2
cmp r0, #1
cmp r0, #-1
tst r0, #0x80000000
teq r0, r1
cmn r0, r1, lsl #2
mul r0, r1, r2
muls r0, r1, r2
mla r0,r1,r2,r3
mls r0,r1,r2,r3
umull r0,r1,r2,r3
smlals r0,r1,r2,r3
sdiv r0,r1,r2
udiv r0,r1,r2
movw r0, #0x1234
movt r0, #0x1234
clz r0, r1
rbit r0, r1
rev r0, r1
rev16 r0, r1
revsh r0, r1
sxtb r0, r1
sxtb r0, r1, ror #8
uxtah r0, r1, r2, ror #16
ubfx r0, r1, #3, #4
sbfx r0, r1, #3, #4
bfi r0, r1, #3, #4
bfc r0, #3, #4
ldr r0, [r1]
ldr r0, [r1, #4]
ldr r0, [r1, #-4]
ldr r0, [r1, #4]!
ldr r0, [r1], #4
ldr r0, [r1], #-4
ldr r0, [r1, r2]
ldr r0, [r1, -r2]
ldr r0, [r1, r2, lsl #2]
ldr r0, [r1], -r2, asr #2
ldr r0, [r1, r2]!
ldrb r0, [r1, #0]
strb r0, [r1, #-0]
ldrh r0, [r1, #2]
ldrh r0, [r1, r2]
ldrsh r0, [r1, #-2]!
ldrsb r0, [r1], #2
ldrd r0, r1, [r2]
strd r0, r1, [r2, #8]
ldr r0, lab
ldr r0, =0x12345678
ldrt r0, [r1]
lab:
ldm r0, {r1,r2}
ldm r0!, {r1-r5, lr}
stmdb sp!, {r4, lr}
push {r4, lr}
pop {r4, pc}
push {r4}
pop {r4}
ldmia sp!, {r4}
stmfd sp!, {r4-r6}
ldmib r0, {r1}
stmda r0, {r1}
ldmdb r0, {r1}^
b lab
bl _start
bleq lab
bx lr
blx r3
blx _start
svc #0
svc 0x123456
nop
mrs r0, apsr
msr apsr_nzcvq, r0
msr apsr_g, r0
msr apsr_nzcvq, #0xf0000000
adr r0, lab
adr r0, _start
lsl r0, r1, #2
lsl r0, r1, r2
asr r0, r1, #32
rrx r0, r1
mov r0, r1, lsl #0
stmdb sp!, {r4}
stmdb sp!, {r4, r5}
pusheq {r4, lr}
popne {r4}
ldmia sp, {r4, r5}
stmia sp!, {r4, r5}
ldmdb sp!, {r4, r5}
ldrh r0, lab
ldrd r0, r1, lab
ldrb r0, lab
ldrsb r0, lab
ldr r0, [pc, #-8]
ldr r0, [pc, r1]
add r0, pc, #8
mov r0, #4, 2
stmia r0, {r1}
stmia r0!, {r1,r2}
stmib r0, {r1}
stmdb r0!, {r1}
ldmda r0, {r1}
ldmia r0, {r1}
stmdb sp, {r1,r2}
ldm sp, {r1}
moveq r0, r0
movs r0, r0
mov r1, r1
movw r0, #20
movw r0, #33
mov r0, #32
mov r0, #33
mvn r0, #16
mvn r0, #17
msr apsr_nzcvqg, r0
ldr r0, [r1, #4095]
ldr r0, [r1, #0]!
ldr r0, [r1], #0
ldrh r0, [r1, #0]!
ldrh r0, [r1, #-0]
ldrh r0, [r1], #-0
ldr r0, [r1, #-0]!
ldr r0, [r1, r2, rrx]
ldr r0, [r1, r2, lsr #32]
ldr r0, [r1, #64]
ldr r0, [r1, #-64]
ldr r0, [r1, #-17]
ldr r0, [r1, #-16]
ldrh r0, [r1, #-64]
ldrd r0, r1, [r2, #64]!
bkpt 0x12
udf #0x1234
nopeq
svceq 5
swi 0x10
ldrdeq r2, r3, [r0, #-8]!
strh r0, [r1, -r2]!
ldrsh r0, [r1], -r2
mov pc, lr
lsls r0, #1
ror r0, r1, #1
rors r0, r1, r2
and r0, r0, #0xff
cmp r0, #0xff00
bic r0, r0, #0x1f
mov r0, #0x3fc00
ldr r1, =message
ldr r2, =0xdeadbeef
ldr r3, =message
blx r12
b far
.ltorg
.type helper, %function
helper:
push {r4-r11, lr}
mov r0, #0
pop {r4-r11, pc}
.size helper, .-helper
.global helper2
helper2:
local_alias:
mul r0, r1, r0
bx lr
table:
.word helper, helper2, 0
.hword 1, 2
.byte 3
.align 2
bl helper
.byte 1,2,3
.align 2
after_bytes:
.space 16
mov r0, r0
.space 3
.align 2
.byte 0, 0
.align 2
far:
add r0, r0, #1
.space 12
.word 0x01020304
.asciz "hi"
.align 2
bx lr

.data
message: .asciz "Hello, world\n"
.align 2
value: .word 42
