@ Output of `arm-linux-gnueabihf-gcc -S -marm -mcpu=cortex-a7 -mfpu=vfpv4 -O0 -fno-unwind-tables
@ -fno-asynchronous-unwind-tables` (GCC 12) for gcc-output.c.txt, with a _start appended.
	.cpu cortex-a7
	.arch armv7-a
	.arch_extension virt
	.arch_extension idiv
	.arch_extension sec
	.arch_extension mp
	.fpu vfpv4
	.eabi_attribute 28, 1
	.eabi_attribute 20, 1
	.eabi_attribute 21, 1
	.eabi_attribute 23, 3
	.eabi_attribute 24, 1
	.eabi_attribute 25, 1
	.eabi_attribute 26, 2
	.eabi_attribute 30, 6
	.eabi_attribute 34, 1
	.eabi_attribute 18, 4
	.file	"g.c"
	.text
	.global	table
	.data
	.align	2
	.type	table, %object
	.size	table, 32
table:
	.word	5
	.word	3
	.word	9
	.word	1
	.word	7
	.word	2
	.word	8
	.word	6
	.section	.rodata
	.align	2
	.type	message, %object
	.size	message, 8
message:
	.ascii	"sorted\012\000"
	.text
	.align	2
	.global	sum
	.syntax unified
	.arm
	.type	sum, %function
sum:
	@ args = 0, pretend = 0, frame = 16
	@ frame_needed = 1, uses_anonymous_args = 0
	@ link register save eliminated.
	str	fp, [sp, #-4]!
	add	fp, sp, #0
	sub	sp, sp, #20
	str	r0, [fp, #-16]
	str	r1, [fp, #-20]
	mov	r3, #0
	str	r3, [fp, #-8]
	mov	r3, #0
	str	r3, [fp, #-12]
	b	.L2
.L3:
	ldr	r3, [fp, #-12]
	lsl	r3, r3, #2
	ldr	r2, [fp, #-16]
	add	r3, r2, r3
	ldr	r3, [r3]
	ldr	r2, [fp, #-8]
	add	r3, r2, r3
	str	r3, [fp, #-8]
	ldr	r3, [fp, #-12]
	add	r3, r3, #1
	str	r3, [fp, #-12]
.L2:
	ldr	r2, [fp, #-12]
	ldr	r3, [fp, #-20]
	cmp	r2, r3
	blt	.L3
	ldr	r3, [fp, #-8]
	mov	r0, r3
	add	sp, fp, #0
	@ sp needed
	ldr	fp, [sp], #4
	bx	lr
	.size	sum, .-sum
	.align	2
	.global	sort
	.syntax unified
	.arm
	.type	sort, %function
sort:
	@ args = 0, pretend = 0, frame = 24
	@ frame_needed = 1, uses_anonymous_args = 0
	@ link register save eliminated.
	str	fp, [sp, #-4]!
	add	fp, sp, #0
	sub	sp, sp, #28
	str	r0, [fp, #-24]
	str	r1, [fp, #-28]
	mov	r3, #0
	str	r3, [fp, #-8]
	b	.L6
.L10:
	mov	r3, #0
	str	r3, [fp, #-12]
	b	.L7
.L9:
	ldr	r3, [fp, #-12]
	lsl	r3, r3, #2
	ldr	r2, [fp, #-24]
	add	r3, r2, r3
	ldr	r2, [r3]
	ldr	r3, [fp, #-12]
	add	r3, r3, #1
	lsl	r3, r3, #2
	ldr	r1, [fp, #-24]
	add	r3, r1, r3
	ldr	r3, [r3]
	cmp	r2, r3
	ble	.L8
	ldr	r3, [fp, #-12]
	lsl	r3, r3, #2
	ldr	r2, [fp, #-24]
	add	r3, r2, r3
	ldr	r3, [r3]
	str	r3, [fp, #-16]
	ldr	r3, [fp, #-12]
	add	r3, r3, #1
	lsl	r3, r3, #2
	ldr	r2, [fp, #-24]
	add	r2, r2, r3
	ldr	r3, [fp, #-12]
	lsl	r3, r3, #2
	ldr	r1, [fp, #-24]
	add	r3, r1, r3
	ldr	r2, [r2]
	str	r2, [r3]
	ldr	r3, [fp, #-12]
	add	r3, r3, #1
	lsl	r3, r3, #2
	ldr	r2, [fp, #-24]
	add	r3, r2, r3
	ldr	r2, [fp, #-16]
	str	r2, [r3]
.L8:
	ldr	r3, [fp, #-12]
	add	r3, r3, #1
	str	r3, [fp, #-12]
.L7:
	ldr	r3, [fp, #-12]
	add	r2, r3, #1
	ldr	r1, [fp, #-28]
	ldr	r3, [fp, #-8]
	sub	r3, r1, r3
	cmp	r2, r3
	blt	.L9
	ldr	r3, [fp, #-8]
	add	r3, r3, #1
	str	r3, [fp, #-8]
.L6:
	ldr	r2, [fp, #-8]
	ldr	r3, [fp, #-28]
	cmp	r2, r3
	blt	.L10
	nop
	nop
	add	sp, fp, #0
	@ sp needed
	ldr	fp, [sp], #4
	bx	lr
	.size	sort, .-sort
	.align	2
	.global	divide
	.syntax unified
	.arm
	.type	divide, %function
divide:
	@ args = 0, pretend = 0, frame = 8
	@ frame_needed = 1, uses_anonymous_args = 0
	@ link register save eliminated.
	str	fp, [sp, #-4]!
	add	fp, sp, #0
	sub	sp, sp, #12
	str	r0, [fp, #-8]
	str	r1, [fp, #-12]
	ldr	r2, [fp, #-8]
	ldr	r3, [fp, #-12]
	udiv	r2, r2, r3
	ldr	r3, [fp, #-8]
	ldr	r1, [fp, #-12]
	udiv	r1, r3, r1
	ldr	r0, [fp, #-12]
	mul	r1, r0, r1
	sub	r3, r3, r1
	add	r3, r2, r3
	mov	r0, r3
	add	sp, fp, #0
	@ sp needed
	ldr	fp, [sp], #4
	bx	lr
	.size	divide, .-divide
	.align	2
	.global	wide
	.syntax unified
	.arm
	.type	wide, %function
wide:
	@ args = 0, pretend = 0, frame = 16
	@ frame_needed = 1, uses_anonymous_args = 0
	@ link register save eliminated.
	push	{r4, r5, r6, r7, r8, r9, fp}
	add	fp, sp, #24
	sub	sp, sp, #20
	strd	r0, [fp, #-36]
	str	r2, [fp, #-40]
	ldr	r3, [fp, #-40]
	asr	r2, r3, #31
	mov	r6, r3
	mov	r7, r2
	ldr	r3, [fp, #-36]
	mul	r2, r7, r3
	ldr	r3, [fp, #-32]
	mul	r3, r6, r3
	add	r3, r2, r3
	ldr	r2, [fp, #-36]
	umull	r4, r5, r2, r6
	add	r3, r3, r5
	mov	r5, r3
	ldrd	r0, [fp, #-36]
	mov	r2, #0
	mov	r3, #0
	lsr	r2, r0, #3
	orr	r2, r2, r1, lsl #29
	asr	r3, r1, #3
	adds	r8, r4, r2
	adc	r9, r5, r3
	mov	r2, r8
	mov	r3, r9
	mov	r0, r2
	mov	r1, r3
	sub	sp, fp, #24
	@ sp needed
	pop	{r4, r5, r6, r7, r8, r9, fp}
	bx	lr
	.size	wide, .-wide
	.align	2
	.global	text
	.syntax unified
	.arm
	.type	text, %function
text:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 1, uses_anonymous_args = 0
	@ link register save eliminated.
	str	fp, [sp, #-4]!
	add	fp, sp, #0
	ldr	r3, .L17
.LPIC0:
	add	r3, pc, r3
	mov	r0, r3
	add	sp, fp, #0
	@ sp needed
	ldr	fp, [sp], #4
	bx	lr
.L18:
	.align	2
.L17:
	.word	message-(.LPIC0+8)
	.size	text, .-text
	.align	2
	.global	_start_c
	.syntax unified
	.arm
	.type	_start_c, %function
_start_c:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 1, uses_anonymous_args = 0
	push	{r4, r5, fp, lr}
	add	fp, sp, #12
	mov	r1, #8
	ldr	r3, .L21
.LPIC1:
	add	r3, pc, r3
	mov	r0, r3
	bl	sort(PLT)
	mov	r1, #8
	ldr	r3, .L21+4
.LPIC2:
	add	r3, pc, r3
	mov	r0, r3
	bl	sum(PLT)
	mov	r3, r0
	mov	r4, r3
	mov	r1, #7
	mov	r0, #100
	bl	divide(PLT)
	mov	r3, r0
	add	r4, r4, r3
	mov	r2, #3
	mov	r0, #0
	mov	r1, #256
	bl	wide(PLT)
	mov	r2, r0
	mov	r3, r1
	mov	r3, r2
	add	r4, r4, r3
	bl	text(PLT)
	mov	r3, r0
	ldrb	r3, [r3]	@ zero_extendqisi2
	add	r3, r4, r3
	mov	r0, r3
	pop	{r4, r5, fp, pc}
.L22:
	.align	2
.L21:
	.word	table-(.LPIC1+8)
	.word	table-(.LPIC2+8)
	.size	_start_c, .-_start_c
	.ident	"GCC: (Debian 12.2.0-14) 12.2.0"
	.section	.note.GNU-stack,"",%progbits
	.text
	.global _start
_start:
	bl _start_c
	mov r7, #1
	svc #0
