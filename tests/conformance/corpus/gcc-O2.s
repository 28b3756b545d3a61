@ Output of `arm-linux-gnueabihf-gcc -S -marm -mcpu=cortex-a7 -mfpu=vfpv4 -O2 -fno-unwind-tables
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
	.eabi_attribute 30, 2
	.eabi_attribute 34, 1
	.eabi_attribute 18, 4
	.file	"g.c"
	.text
	.align	2
	.global	sum
	.syntax unified
	.arm
	.type	sum, %function
sum:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	cmp	r1, #0
	ble	.L4
	mov	r3, r0
	mov	r0, #0
	add	r1, r3, r1, lsl #2
.L3:
	ldr	r2, [r3], #4
	cmp	r3, r1
	add	r0, r0, r2
	bne	.L3
	bx	lr
.L4:
	mov	r0, #0
	bx	lr
	.size	sum, .-sum
	.align	2
	.global	sort
	.syntax unified
	.arm
	.type	sort, %function
sort:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	str	lr, [sp, #-4]!
	subs	lr, r1, #0
	ldrle	pc, [sp], #4
	sub	ip, r0, #4
	add	ip, ip, lr, lsl #2
.L10:
	cmp	lr, #1
	movgt	r3, r0
	ble	.L24
.L12:
	ldr	r2, [r3]
	ldr	r1, [r3, #4]!
	cmp	r2, r1
	stmdagt	r3, {r1, r2}
	cmp	r3, ip
	bne	.L12
	sub	lr, lr, #1
	sub	ip, ip, #4
	cmp	lr, #1
	movgt	r3, r0
	bgt	.L12
.L24:
	subs	lr, lr, #1
	ldreq	pc, [sp], #4
	sub	ip, ip, #4
	b	.L10
	.size	sort, .-sort
	.align	2
	.global	divide
	.syntax unified
	.arm
	.type	divide, %function
divide:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	udiv	r3, r0, r1
	mls	r0, r1, r3, r0
	add	r0, r3, r0
	bx	lr
	.size	divide, .-divide
	.align	2
	.global	wide
	.syntax unified
	.arm
	.type	wide, %function
wide:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	mul	r3, r2, r1
	asr	ip, r2, #31
	mla	r3, r0, ip, r3
	umull	r2, ip, r2, r0
	lsr	r0, r0, #3
	orr	r0, r0, r1, lsl #29
	add	r3, r3, ip
	adds	r0, r2, r0
	adc	r1, r3, r1, asr #3
	bx	lr
	.size	wide, .-wide
	.align	2
	.global	text
	.syntax unified
	.arm
	.type	text, %function
text:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	ldr	r0, .L28
.LPIC0:
	add	r0, pc, r0
	bx	lr
.L29:
	.align	2
.L28:
	.word	.LANCHOR0-(.LPIC0+8)
	.size	text, .-text
	.align	2
	.global	_start_c
	.syntax unified
	.arm
	.type	_start_c, %function
_start_c:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	str	lr, [sp, #-4]!
	mov	ip, #8
	ldr	lr, .L39
.LPIC1:
	add	lr, pc, lr
.L33:
	mov	r3, lr
	mov	r2, #1
.L32:
	ldr	r1, [r3]
	add	r2, r2, #1
	ldr	r0, [r3, #4]!
	cmp	r1, r0
	strdgt	r0, [r3, #-4]
	cmp	ip, r2
	bgt	.L32
	sub	ip, ip, #1
	cmp	ip, #1
	bne	.L33
	ldr	r3, .L39+4
	mov	r0, #0
.LPIC2:
	add	r3, pc, r3
	add	r1, r3, #32
.L34:
	ldr	r2, [r3], #4
	cmp	r1, r3
	add	r0, r0, r2
	bne	.L34
	add	r0, r0, #131
	ldr	pc, [sp], #4
.L40:
	.align	2
.L39:
	.word	.LANCHOR1-(.LPIC1+8)
	.word	.LANCHOR1-(.LPIC2+8)
	.size	_start_c, .-_start_c
	.global	table
	.section	.rodata
	.align	2
	.set	.LANCHOR0,. + 0
	.type	message, %object
	.size	message, 8
message:
	.ascii	"sorted\012\000"
	.data
	.align	2
	.set	.LANCHOR1,. + 0
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
	.ident	"GCC: (Debian 12.2.0-14) 12.2.0"
	.section	.note.GNU-stack,"",%progbits
	.text
	.global _start
_start:
	bl _start_c
	mov r7, #1
	svc #0
