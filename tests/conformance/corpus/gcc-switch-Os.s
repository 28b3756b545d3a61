@ Output of `arm-linux-gnueabihf-gcc -S -marm -mcpu=cortex-a7 -mfpu=vfpv4 -fno-pie -Os -fno-unwind-tables
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
	.eabi_attribute 30, 4
	.eabi_attribute 34, 1
	.eabi_attribute 18, 4
	.file	"h.c"
	.text
	.section	.rodata.str1.1,"aMS",%progbits,1
.LC0:
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
	ldrls	r3, .L4
	ldrls	r0, [r3, r0, lsl #2]
	ldrhi	r0, .L4+4
	bx	lr
.L5:
	.align	2
.L4:
	.word	.LANCHOR0
	.word	.LC0
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
	ldrb	r3, [r0, #4]	@ zero_extendqisi2
	ldrh	r1, [r0]
	ldrh	r0, [r0, #2]
	smlabb	r0, r1, r0, r3
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
	smull	r0, r1, r0, r1
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
	mov	r2, #0
	ldr	r6, .L13
	mov	r4, r2
	ldr	r5, .L13+4
	mov	r7, r6
.L10:
	mov	r0, r5
	add	r2, r2, #1
	add	r5, r5, #6
	bl	area
	add	r4, r4, r0
	cmp	r2, #4
	str	r0, [r6], #4
	bne	.L10
	ldr	r2, [r7, #64]
	add	r2, r4, r2
	str	r2, [r7, #64]
	and	r0, r2, #7
	bl	name
	ldrb	r0, [r0]	@ zero_extendqisi2
	mvn	r3, #2
	add	r0, r0, r4
	mla	r0, r2, r3, r0
	ubfx	r2, r2, #3, #5
	add	r0, r0, r2
	pop	{r4, r5, r6, r7, r8, pc}
.L14:
	.align	2
.L13:
	.word	.LANCHOR2
	.word	.LANCHOR1
	.size	_start_c, .-_start_c
	.section	.rodata.str1.1
.LC1:
	.ascii	"zero\000"
.LC2:
	.ascii	"one\000"
.LC3:
	.ascii	"two\000"
.LC4:
	.ascii	"three\000"
.LC5:
	.ascii	"five\000"
.LC6:
	.ascii	"six\000"
	.global	buffer
	.global	points
	.section	.rodata
	.align	2
	.set	.LANCHOR0,. + 0
	.type	CSWTCH.6, %object
	.size	CSWTCH.6, 28
CSWTCH.6:
	.word	.LC1
	.word	.LC2
	.word	.LC3
	.word	.LC4
	.word	.LC0
	.word	.LC5
	.word	.LC6
	.data
	.align	1
	.set	.LANCHOR1,. + 0
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
	.set	.LANCHOR2,. + 0
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
