@ Output of `arm-linux-gnueabihf-gcc -S -marm -mcpu=cortex-a7 -mfpu=vfpv4 -fno-pie -O1 -fno-unwind-tables
@ -fno-asynchronous-unwind-tables` (GCC 12.2) for gcc-switch.c.txt, with a _start appended.
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
	.eabi_attribute 30, 1
	.eabi_attribute 34, 1
	.eabi_attribute 18, 4
	.file	"h.c"
	.text
	.section	.rodata.str1.4,"aMS",%progbits,1
	.align	2
.LC0:
	.ascii	"zero\000"
	.align	2
.LC1:
	.ascii	"one\000"
	.align	2
.LC2:
	.ascii	"two\000"
	.align	2
.LC3:
	.ascii	"three\000"
	.align	2
.LC4:
	.ascii	"five\000"
	.align	2
.LC5:
	.ascii	"six\000"
	.align	2
.LC6:
	.ascii	"many\000"
	.text
	.align	2
	.global	name
	.syntax unified
	.arm
	.type	name, %function
name:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	cmp	r0, #6
	ldrls	pc, [pc, r0, asl #2]
	b	.L2
.L4:
	.word	.L9
	.word	.L10
	.word	.L7
	.word	.L6
	.word	.L2
	.word	.L5
	.word	.L3
.L9:
	movw	r0, #:lower16:.LC0
	movt	r0, #:upper16:.LC0
	bx	lr
.L7:
	movw	r0, #:lower16:.LC2
	movt	r0, #:upper16:.LC2
	bx	lr
.L6:
	movw	r0, #:lower16:.LC3
	movt	r0, #:upper16:.LC3
	bx	lr
.L5:
	movw	r0, #:lower16:.LC4
	movt	r0, #:upper16:.LC4
	bx	lr
.L3:
	movw	r0, #:lower16:.LC5
	movt	r0, #:upper16:.LC5
	bx	lr
.L2:
	movw	r0, #:lower16:.LC6
	movt	r0, #:upper16:.LC6
	bx	lr
.L10:
	movw	r0, #:lower16:.LC1
	movt	r0, #:upper16:.LC1
	bx	lr
	.size	name, .-name
	.align	2
	.global	area
	.syntax unified
	.arm
	.type	area, %function
area:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	ldrsh	r2, [r0]
	ldrsh	r1, [r0, #2]
	ldrb	r0, [r0, #4]	@ zero_extendqisi2
	mla	r0, r1, r2, r0
	bx	lr
	.size	area, .-area
	.align	2
	.global	product
	.syntax unified
	.arm
	.type	product, %function
product:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	asr	r2, r0, #31
	asr	r3, r1, #31
	mul	r3, r0, r3
	mla	r3, r1, r2, r3
	umull	r0, r1, r0, r1
	add	r1, r3, r1
	bx	lr
	.size	product, .-product
	.align	2
	.global	bits
	.syntax unified
	.arm
	.type	bits, %function
bits:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	@ link register save eliminated.
	ubfx	r0, r0, #3, #5
	bx	lr
	.size	bits, .-bits
	.align	2
	.global	_start_c
	.syntax unified
	.arm
	.type	_start_c, %function
_start_c:
	@ args = 0, pretend = 0, frame = 0
	@ frame_needed = 0, uses_anonymous_args = 0
	push	{r4, r5, r6, r7, r8, lr}
	movw	r4, #:lower16:.LANCHOR0
	movt	r4, #:upper16:.LANCHOR0
	movw	r5, #:lower16:.LANCHOR1
	movt	r5, #:upper16:.LANCHOR1
	add	r7, r4, #24
	mov	r6, #0
.L15:
	mov	r0, r4
	bl	area
	str	r0, [r5], #4
	add	r6, r6, r0
	add	r4, r4, #6
	cmp	r4, r7
	bne	.L15
	movw	r3, #:lower16:.LANCHOR1
	movt	r3, #:upper16:.LANCHOR1
	ldr	r4, [r3, #64]
	add	r4, r6, r4
	str	r4, [r3, #64]
	and	r0, r4, #7
	bl	name
	ldrb	r0, [r0]	@ zero_extendqisi2
	add	r0, r0, r6
	lsl	r3, r4, #2
	subs	r3, r4, r3
	add	r0, r0, r3
	ubfx	r4, r4, #3, #5
	add	r0, r0, r4
	pop	{r4, r5, r6, r7, r8, pc}
	.size	_start_c, .-_start_c
	.global	buffer
	.global	points
	.data
	.align	2
	.set	.LANCHOR0,. + 0
	.type	points, %object
	.size	points, 24
points:
	.short	1
	.short	2
	.byte	97
	.space	1
	.short	-3
	.short	4
	.byte	98
	.space	1
	.short	5
	.short	-6
	.byte	99
	.space	1
	.short	7
	.short	8
	.byte	100
	.space	1
	.bss
	.align	2
	.set	.LANCHOR1,. + 0
	.type	buffer, %object
	.size	buffer, 64
buffer:
	.space	64
	.type	counter, %object
	.size	counter, 4
counter:
	.space	4
	.ident	"GCC: (Debian 12.2.0-14) 12.2.0"
	.section	.note.GNU-stack,"",%progbits
	.text
	.global _start
_start:
	bl _start_c
	mov r7, #1
	svc #0
