/**
 * BUILTIN_FUNCTIONS: every C library function Sherwood provides when a
 * program calls it and does not define it. Each entry says what it takes
 * (from its C prototype), what it returns in r0, whether it may wait for
 * stdin, and runs against a LibcContext. The runtime calls `call(context)`
 * when execution reaches the function's address, then continues at lr on
 * 'return'; r0 (and r1 for the division helpers) hold the result, r1-r3, r12
 * are the caller's to consider clobbered (AAPCS).
 */
import * as stdio from './builtins-stdio.js';
import * as stdlib from './builtins-stdlib.js';
import { finish } from './builtins-stdlib.js';
import type { BuiltinOutcome, LibcContext } from './context.js';
import { strcmpArmv7 } from './strcmp-armv7.js';
import * as strings from './strings.js';

/** How an argument is used: 'string' is a NUL-terminated string read, 'format' a printf/scanf format, 'buffer' memory written. */
export type ParameterKind = 'int' | 'unsigned' | 'size' | 'pointer' | 'string' | 'format' | 'buffer' | 'stream';
export type ReturnKind = 'int' | 'unsigned' | 'size' | 'pointer' | 'string' | 'void' | 'noreturn';

export interface BuiltinFunction {
  readonly name: string;
  /** The C prototype, e.g. 'int printf(const char *format, ...)', for disassembly, call stacks and editor help. */
  readonly prototype: string;
  /** One line of plain words. */
  readonly summary: string;
  readonly parameters: readonly ParameterKind[];
  readonly parameterNames: readonly string[];
  /** Takes `...` after the named parameters (arguments follow the AAPCS: r0-r3, then the stack). */
  readonly variadic: boolean;
  readonly returns: ReturnKind;
  /** May end with 'waiting-for-input'. */
  readonly readsStdin: boolean;
  readonly writesStdout: boolean;
  /** Calls the heap interface. */
  readonly usesHeap: boolean;
  call(context: LibcContext): BuiltinOutcome;
}

interface Traits {
  readsStdin?: boolean;
  writesStdout?: boolean;
  usesHeap?: boolean;
}

function parameterKind(declaration: string): ParameterKind {
  if (/FILE\s*\*/.test(declaration)) return 'stream';
  if (/\bformat\b/.test(declaration)) return 'format';
  if (/const\s+char\s*\*/.test(declaration)) return 'string';
  if (/\*/.test(declaration)) return /const/.test(declaration) ? 'pointer' : 'buffer';
  if (/size_t/.test(declaration)) return 'size';
  if (/unsigned/.test(declaration)) return 'unsigned';
  return 'int';
}

function returnKind(type: string): ReturnKind {
  if (/noreturn/.test(type)) return 'noreturn';
  if (/char\s*\*/.test(type)) return 'string';
  if (/\*/.test(type)) return 'pointer';
  if (/^void$/.test(type.trim())) return 'void';
  if (/size_t/.test(type)) return 'size';
  if (/unsigned/.test(type)) return 'unsigned';
  return 'int';
}

/** Builds an entry from its prototype: 'type name(parameter, ...)'. */
function define(prototype: string, summary: string, call: (context: LibcContext) => BuiltinOutcome, traits: Traits = {}): BuiltinFunction {
  const match = /^(.*?)\b(\w+)\((.*)\)$/.exec(prototype);
  if (!match) throw new Error(`malformed prototype in the built-in table: ${prototype}`);
  const [, type, name, list] = match;
  const declarations = list === 'void' ? [] : list.split(',').map((part) => part.trim());
  const variadic = declarations.at(-1) === '...';
  const named = variadic ? declarations.slice(0, -1) : declarations;
  return Object.freeze({
    name,
    prototype,
    summary,
    parameters: Object.freeze(named.map(parameterKind)),
    parameterNames: Object.freeze(named.map((declaration) => /(\w+)\s*$/.exec(declaration)?.[1] ?? '')),
    variadic,
    returns: returnKind(type),
    readsStdin: traits.readsStdin ?? false,
    writesStdout: traits.writesStdout ?? false,
    usesHeap: traits.usesHeap ?? false,
    call,
  });
}

const out: Traits = { writesStdout: true };
const input: Traits = { readsStdin: true };
const heap: Traits = { usesHeap: true };

const a = (context: LibcContext, index: number): number => context.argument(index);

/** memcpy/memmove, telling a heap checker that the bytes are copied, not used. */
function copy(context: LibcContext, move: (memory: LibcContext['memory'], destination: number, source: number, count: number) => strings.LibcResult): BuiltinOutcome {
  const monitor = context.heapMonitor;
  if (monitor === undefined) return finish(context, move(context.memory, a(context, 0), a(context, 1), a(context, 2)));
  monitor.beginCopy();
  const result = move(context.memory, a(context, 0), a(context, 1), a(context, 2));
  monitor.endCopy(a(context, 1), a(context, 0), a(context, 2));
  return finish(context, result);
}

/**
 * A comparison's reads, for a heap checker: the bytes C's semantics reach in both areas (up to the
 * first difference, and for strings the first NUL; at most `count`), each area as one read. The
 * comparison itself runs unchecked (glibc's ARMv7 strcmp reads whole words, past the NUL), as
 * memcheck judges its own replacements. By length for memcmp: zeros inside do not end its read.
 */
function compareChecked(context: LibcContext, compute: () => strings.LibcResult, stopAtNul: boolean, count: number): BuiltinOutcome {
  const monitor = context.heapMonitor;
  if (monitor === undefined) return finish(context, compute());
  const first = a(context, 0);
  const second = a(context, 1);
  monitor.beginInternal();
  const result = compute();
  let reach = 0;
  while (reach < count) {
    const x = context.memory.readByte((first + reach) >>> 0);
    const y = context.memory.readByte((second + reach) >>> 0);
    if (x < 0 || y < 0) break;
    reach++;
    if (x !== y || (stopAtNul && x === 0)) break;
  }
  monitor.endInternal();
  if (reach > 0) {
    monitor.checkRange(first, reach, false);
    monitor.checkRange(second, reach, false);
  }
  return finish(context, result);
}

/** strcmp as glibc's ARMv7 code computes it (its return values, not just their signs). */
const compare = (context: LibcContext): BuiltinOutcome =>
  compareChecked(context, () => strcmpArmv7(context.memory, a(context, 0), a(context, 1)), true, Number.POSITIVE_INFINITY);

/** memcmp. */
const compareBytes = (context: LibcContext): BuiltinOutcome =>
  compareChecked(context, () => strings.memcmp(context.memory, a(context, 0), a(context, 1), a(context, 2)), false, a(context, 2));

const ENTRIES: BuiltinFunction[] = [
  // <stdio.h>
  define('int printf(const char *format, ...)', 'Prints the arguments to stdout as the format says; returns the number of bytes printed.', stdio.printf, out),
  define('int sprintf(char *buffer, const char *format, ...)', 'Like printf, but writes into buffer (with a NUL); returns the length.', stdio.sprintf),
  define('int snprintf(char *buffer, size_t size, const char *format, ...)', 'Like sprintf, writing at most size bytes including the NUL; returns the length the whole output needs.', stdio.snprintf),
  define('int fprintf(FILE *stream, const char *format, ...)', 'Like printf, to stdout or stderr.', stdio.fprintf, out),
  define('int fputs(const char *text, FILE *stream)', 'Writes text (no newline added) to stdout or stderr.', stdio.fputs, out),
  define('int fputc(int character, FILE *stream)', 'Writes one byte to stdout or stderr; returns it.', stdio.fputc, out),
  define('int putc(int character, FILE *stream)', 'Same as fputc.', stdio.fputc, out),
  define('int fflush(FILE *stream)', 'Passes buffered output on now (stream NULL: all streams).', stdio.fflush, out),
  define('int puts(const char *text)', 'Prints text and a newline to stdout.', stdio.puts, out),
  define('int putchar(int character)', 'Prints one byte to stdout; returns it.', stdio.putchar, out),
  define('int getchar(void)', 'Reads one byte from stdin; returns it, or -1 (EOF) at end of input.', stdio.getchar, input),
  define('char *fgets(char *buffer, int size, FILE *stream)', 'Reads a line from stdin (through the newline, at most size-1 bytes) into buffer; returns buffer, or NULL at end of input.', stdio.fgets, input),
  define('int scanf(const char *format, ...)', 'Reads values from stdin as the format says into the pointed-to variables; returns how many were stored, or -1 (EOF).', stdio.scanf, input),
  define('int sscanf(const char *text, const char *format, ...)', 'Like scanf, reading from a string.', stdio.sscanf),
  // <stdlib.h>
  define('void *malloc(size_t size)', 'Allocates size bytes on the heap; returns the block, or NULL.', stdlib.malloc, heap),
  define('void free(void *block)', 'Returns a block from malloc, calloc or realloc to the heap.', stdlib.free, heap),
  define('void *calloc(size_t count, size_t size)', 'Allocates count*size bytes set to zero; returns the block, or NULL.', stdlib.calloc, heap),
  define('void *realloc(void *block, size_t size)', 'Resizes a block (moving it if needed, keeping its bytes); returns the new block, or NULL.', stdlib.realloc, heap),
  define('char *strdup(const char *text)', 'A copy of text in a new heap block (free it later); NULL when the heap is full.', stdlib.strdup, heap),
  define('noreturn void exit(int status)', 'Ends the program with status (stdout is flushed).', stdlib.exit),
  define('noreturn void abort(void)', 'Ends the program at once with SIGABRT.', stdlib.abort),
  define('int atoi(const char *text)', 'The decimal number at the start of text (after spaces), or 0.', stdlib.atoiCall),
  define('long atol(const char *text)', 'Like atoi (long is 32 bits on ARM).', stdlib.atoiCall),
  define('long strtol(const char *text, char **end, int base)', 'The number at the start of text in base (0: decimal, 0x hex or 0 octal); stores where it stopped in *end.', stdlib.strtolCall),
  define('int abs(int value)', 'The absolute value (abs(INT_MIN) stays INT_MIN).', stdlib.absCall),
  define('long labs(long value)', 'Like abs (long is 32 bits on ARM).', stdlib.absCall),
  define('int rand(void)', 'The next number from glibc\'s generator, 0 to 2147483647.', stdlib.rand),
  define('void srand(unsigned seed)', 'Restarts rand() from seed.', stdlib.srand),
  define('long time(long *seconds)', 'Seconds since 1970-01-01, also stored at seconds when it is not NULL.', stdlib.time),
  // <string.h>
  define('size_t strlen(const char *text)', 'The number of bytes before the NUL.', (context) => finish(context, strings.strlen(context.memory, a(context, 0)))),
  define('int strcmp(const char *first, const char *second)', 'Compares two strings: negative, 0 or positive.', compare),
  define('int strncmp(const char *first, const char *second, size_t count)', 'Compares at most count bytes of two strings.', (context) => finish(context, strings.strncmp(context.memory, a(context, 0), a(context, 1), a(context, 2)))),
  define('char *strcpy(char *destination, const char *source)', 'Copies source (with its NUL) to destination; returns destination.', (context) => finish(context, strings.strcpy(context.memory, a(context, 0), a(context, 1)))),
  define('char *strncpy(char *destination, const char *source, size_t count)', 'Copies at most count bytes, padding with NULs (no NUL if source is longer).', (context) => finish(context, strings.strncpy(context.memory, a(context, 0), a(context, 1), a(context, 2)))),
  define('char *strcat(char *destination, const char *source)', 'Appends source to the string in destination; returns destination.', (context) => finish(context, strings.strcat(context.memory, a(context, 0), a(context, 1)))),
  define('char *strncat(char *destination, const char *source, size_t count)', 'Appends at most count bytes of source and a NUL.', (context) => finish(context, strings.strncat(context.memory, a(context, 0), a(context, 1), a(context, 2)))),
  define('char *strchr(const char *text, int character)', 'The first occurrence of character in text, or NULL.', (context) => finish(context, strings.strchr(context.memory, a(context, 0), a(context, 1)))),
  define('char *strrchr(const char *text, int character)', 'The last occurrence of character in text, or NULL.', (context) => finish(context, strings.strrchr(context.memory, a(context, 0), a(context, 1)))),
  define('char *strstr(const char *text, const char *part)', 'The first occurrence of part in text, or NULL.', (context) => finish(context, strings.strstr(context.memory, a(context, 0), a(context, 1)))),
  define('void *memcpy(void *destination, const void *source, size_t count)', 'Copies count bytes; returns destination.', (context) => copy(context, strings.memcpy)),
  define('void *memmove(void *destination, const void *source, size_t count)', 'Copies count bytes, correct even when the areas overlap; returns destination.', (context) => copy(context, strings.memmove)),
  define('void *memset(void *destination, int value, size_t count)', 'Sets count bytes to value; returns destination.', (context) => finish(context, strings.memset(context.memory, a(context, 0), a(context, 1), a(context, 2)))),
  define('void *memchr(const void *area, int character, size_t count)', 'The first byte equal to character among count bytes, or NULL.', (context) => finish(context, strings.memchr(context.memory, a(context, 0), a(context, 1), a(context, 2)))),
  define('int memcmp(const void *first, const void *second, size_t count)', 'Compares count bytes: negative, 0 or positive.', compareBytes),
  // <ctype.h>
  ...(Object.keys(strings.ctype) as (keyof typeof strings.ctype)[]).map((name) =>
    define(`int ${name}(int character)`, name.startsWith('to') ? `Converts a letter to ${name === 'toupper' ? 'upper' : 'lower'} case.` : `Nonzero when character is ${name.slice(2)}.`, (context) => context.returnValue(strings.ctype[name](a(context, 0) | 0))),
  ),
  // EABI run-time helpers that gcc-built code calls for division
  define('int __aeabi_idiv(int dividend, int divisor)', 'Signed division (r0 = quotient, r1 = remainder); SIGFPE on division by zero.', stdlib.signedDivide),
  define('int __aeabi_idivmod(int dividend, int divisor)', 'Signed division: r0 = quotient, r1 = remainder.', stdlib.signedDivide),
  define('unsigned __aeabi_uidiv(unsigned dividend, unsigned divisor)', 'Unsigned division (r0 = quotient, r1 = remainder).', stdlib.unsignedDivide),
  define('unsigned __aeabi_uidivmod(unsigned dividend, unsigned divisor)', 'Unsigned division: r0 = quotient, r1 = remainder.', stdlib.unsignedDivide),
  define('long long __aeabi_ldivmod(long long dividend, long long divisor)', '64-bit signed division: r0:r1 = quotient, r2:r3 = remainder.', stdlib.signedDivide64),
  define('unsigned long long __aeabi_uldivmod(unsigned long long dividend, unsigned long long divisor)', '64-bit unsigned division: r0:r1 = quotient, r2:r3 = remainder.', stdlib.unsignedDivide64),
];

export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map(ENTRIES.map((entry) => [entry.name, entry]));

/** The entry for `name`, or undefined when Sherwood has no built-in by that name. */
export function findBuiltin(name: string): BuiltinFunction | undefined {
  return BUILTIN_FUNCTIONS.get(name);
}
