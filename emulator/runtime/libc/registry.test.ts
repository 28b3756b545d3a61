import { describe, expect, it } from 'vitest';
import { STREAM_HANDLES } from './context.js';
import { BUILTIN_FUNCTIONS } from './registry.js';
import { HEAP_BASE, TestMachine } from './test-machine.js';

const signed = (value: number): number => value | 0;

describe('the registry', () => {
  it('describes every function the issue lists, from its prototype', () => {
    const required = 'malloc free calloc realloc printf sprintf puts putchar getchar scanf fgets exit abort strlen strcmp strncmp strcpy strncpy strcat memcpy memmove memset memcmp atoi abs rand srand time'.split(' ');
    for (const name of required) expect(BUILTIN_FUNCTIONS.has(name), name).toBe(true);
    const printf = BUILTIN_FUNCTIONS.get('printf')!;
    expect(printf).toMatchObject({ parameters: ['format'], parameterNames: ['format'], variadic: true, returns: 'int', writesStdout: true, readsStdin: false });
    expect(BUILTIN_FUNCTIONS.get('fgets')).toMatchObject({ parameters: ['buffer', 'int', 'stream'], returns: 'string', readsStdin: true });
    expect(BUILTIN_FUNCTIONS.get('memcpy')).toMatchObject({ parameters: ['buffer', 'pointer', 'size'], returns: 'pointer' });
    expect(BUILTIN_FUNCTIONS.get('exit')).toMatchObject({ parameters: ['int'], returns: 'noreturn' });
    expect(BUILTIN_FUNCTIONS.get('malloc')).toMatchObject({ usesHeap: true, returns: 'pointer', parameters: ['size'] });
    for (const entry of BUILTIN_FUNCTIONS.values()) expect(entry.summary.length).toBeGreaterThan(10);
  });
});

describe('printf and friends through the AAPCS', () => {
  it('reads r1-r3 then the stack, with 64-bit values in even register pairs and 8-byte-aligned slots', () => {
    const machine = new TestMachine();
    const outcome = machine.call('printf', '%d %lld %d %lld %d|', 1, 2n, 3, -4n, 5);
    expect(outcome).toEqual({ kind: 'return' });
    expect(machine.takeOutput()).toBe('1 2 3 -4 5|');
    expect(machine.r0).toBe(11);
    // r1 holds 1, the 64-bit value skips r3 and goes to the stack
    machine.call('printf', '%d %d %lld %s', 1, 2, 0x123456789n, 'end');
    expect(machine.takeOutput()).toBe('1 2 4886718345 end');
    machine.call('printf', '%lld %c%c%c%c %x', -1n, 65, 66, 67, 68, 0xbeef);
    expect(machine.takeOutput()).toBe('-1 ABCD beef');
    machine.call('printf', '%f %.2e', 0x400921fb54442d18n, 0x3ff0000000000000n);
    expect(machine.takeOutput()).toBe('3.141593 1.00e+00');
  });

  it('stores the count so far for %n, in the size its length asks for', () => {
    const machine = new TestMachine();
    const slots = machine.reserve(16);
    machine.memory.load(slots, new Uint8Array(16).fill(0xee));
    machine.call('printf', 'abc%nde%hhn|%lln', slots, slots + 4, slots + 8);
    expect(machine.takeOutput()).toBe('abcde|');
    expect([machine.readWord(slots), machine.readWord(slots + 4), machine.readWord(slots + 8), machine.readWord(slots + 12)]).toEqual([3, 0xeeeeee05, 6, 0]);
    expect(machine.call('printf', 'x%n', 0x10)).toMatchObject({ kind: 'fault', fault: { address: 0x10, access: 'write' } });
  });

  it('reads positional arguments with the types the whole format gives them', () => {
    const machine = new TestMachine();
    machine.call('printf', '%3$s %2$lld %1$d %2$llx', 5, 0x1_0000_0002n, 'three');
    expect(machine.takeOutput()).toBe('three 4294967298 5 100000002');
  });

  it('prints (null) and (nil) as glibc', () => {
    const machine = new TestMachine();
    machine.call('printf', '[%s] [%.3s] [%p] [%p]', 0, 0, 0, 0x1234);
    expect(machine.takeOutput()).toBe('[(null)] [] [(nil)] [0x1234]');
  });

  it('faults when %s points at unreadable memory, naming the function and address', () => {
    const machine = new TestMachine();
    const outcome = machine.call('printf', 'x=%s', 0x4);
    expect(outcome).toMatchObject({ kind: 'fault', fault: { address: 4, access: 'read' } });
    if (outcome.kind === 'fault') expect(outcome.fault.message).toContain('printf read address 0x00000004');
    expect(machine.call('puts', 0)).toMatchObject({ kind: 'fault', fault: { address: 0 } });
  });

  it('returns -1 for a format that ends inside a conversion, keeping the output before it', () => {
    const machine = new TestMachine();
    machine.call('printf', 'abc%');
    expect(signed(machine.r0)).toBe(-1);
    expect(machine.takeOutput()).toBe('abc');
  });

  it('sprintf and snprintf write a NUL-terminated result and return the full length', () => {
    const machine = new TestMachine();
    const buffer = machine.reserve(64);
    machine.call('sprintf', buffer, '%05d|%-4s|', 42, 'ab');
    expect(machine.readString(buffer)).toBe('00042|ab  |');
    expect(machine.r0).toBe(11);
    machine.call('snprintf', buffer, 5, 'hello world %d', 7);
    expect(machine.readString(buffer)).toBe('hell');
    expect(machine.r0).toBe(13);
    machine.memory.load(buffer, 'Z\0');
    machine.call('snprintf', buffer, 0, 'xyz');
    expect(machine.readString(buffer)).toBe('Z');
    expect(machine.r0).toBe(3);
  });

  it('fprintf, fputs and fputc write to stdout or stderr and refuse other streams', () => {
    const machine = new TestMachine();
    machine.call('fprintf', STREAM_HANDLES.stdout, '%s-%d\n', 'x', 5);
    expect(machine.r0).toBe(4);
    machine.call('fputs', 'abc', STREAM_HANDLES.stderr);
    expect(machine.r0).toBe(1);
    machine.call('fputc', 0x41, STREAM_HANDLES.stdout);
    expect(machine.r0).toBe(0x41);
    expect(machine.takeOutput()).toBe('x-5\nabcA');
    machine.call('fputs', 'abc', 0x1234);
    expect(signed(machine.r0)).toBe(-1);
    machine.call('fflush', 0);
    expect(machine.r0).toBe(0);
  });

  it('puts adds a newline and returns length + 1; putchar returns the byte', () => {
    const machine = new TestMachine();
    machine.call('puts', 'hi');
    expect(machine.r0).toBe(3);
    machine.call('putchar', 0x141);
    expect(machine.r0).toBe(0x41);
    expect(machine.takeOutput()).toBe('hi\nA');
  });
});

describe('reading stdin', () => {
  it('getchar waits without consuming, then returns bytes, then -1 at end of input', () => {
    const machine = new TestMachine();
    expect(machine.call('getchar')).toEqual({ kind: 'waiting-for-input' });
    machine.type('a');
    machine.call('getchar');
    expect(machine.r0).toBe(97);
    machine.stdin.close();
    machine.call('getchar');
    expect(signed(machine.r0)).toBe(-1);
  });

  it('fgets waits for a whole line, stops at size-1 bytes, and returns NULL at end of input', () => {
    const machine = new TestMachine();
    const buffer = machine.reserve(32);
    machine.type('hello');
    expect(machine.call('fgets', buffer, 32, 0)).toEqual({ kind: 'waiting-for-input' });
    machine.type(' world\nnext');
    machine.call('fgets', buffer, 32, 0);
    expect(machine.r0).toBe(buffer);
    expect(machine.readString(buffer)).toBe('hello world\n');
    machine.call('fgets', buffer, 3, 0);
    expect(machine.readString(buffer)).toBe('ne');
    expect(machine.call('fgets', buffer, 32, 0)).toEqual({ kind: 'waiting-for-input' });
    machine.stdin.close();
    machine.call('fgets', buffer, 32, 0);
    expect(machine.readString(buffer)).toBe('xt');
    machine.call('fgets', buffer, 32, 0);
    expect(machine.r0).toBe(0);
    machine.call('fgets', buffer, 1, 0);
    expect(machine.r0).toBe(buffer);
    expect(machine.readString(buffer)).toBe('');
    machine.call('fgets', buffer, 0, 0);
    expect(machine.r0).toBe(0);
  });

  it('scanf stops with waiting-for-input mid-number and resumes exactly', () => {
    const machine = new TestMachine();
    const first = machine.reserve(4);
    const second = machine.reserve(4);
    machine.type('12');
    expect(machine.call('scanf', '%d %d', first, second)).toEqual({ kind: 'waiting-for-input' });
    expect(machine.readWord(first)).toBe(0);
    machine.type('3 -45\n');
    machine.call('scanf', '%d %d', first, second);
    expect(machine.r0).toBe(2);
    expect(machine.readWord(first)).toBe(123);
    expect(signed(machine.readWord(second))).toBe(-45);
    machine.stdin.close();
    machine.call('scanf', '%d', first);
    expect(signed(machine.r0)).toBe(-1);
  });

  it('sscanf reads from a string', () => {
    const machine = new TestMachine();
    const number = machine.reserve(4);
    const word = machine.reserve(16);
    machine.call('sscanf', '  77 apples', '%d %s', number, word);
    expect(machine.r0).toBe(2);
    expect(machine.readWord(number)).toBe(77);
    expect(machine.readString(word)).toBe('apples');
    machine.call('sscanf', '', '%d', number);
    expect(signed(machine.r0)).toBe(-1);
  });
});

describe('the heap functions', () => {
  it('malloc, calloc, realloc and free hand out and take back blocks', () => {
    const machine = new TestMachine();
    machine.call('malloc', 10);
    const first = machine.r0;
    expect(first).toBe(HEAP_BASE);
    machine.call('malloc', 0);
    expect(machine.r0).toBe(HEAP_BASE + 16);
    machine.memory.load(first, 'abcdefghij');
    machine.call('realloc', first, 100);
    const moved = machine.r0;
    expect(machine.readString(moved).slice(0, 10)).toBe('abcdefghij');
    expect(machine.call('free', moved)).toEqual({ kind: 'return' });
    expect(machine.call('free', 0)).toEqual({ kind: 'return' });
    machine.memory.load(HEAP_BASE + 0x100, 'xxxx');
    machine.call('calloc', 2, 2);
    expect(machine.readWord(machine.r0)).toBe(0);
    machine.call('malloc', 0x100000);
    expect(machine.r0).toBe(0);
    machine.call('calloc', 0x10000, 0x10000);
    expect(machine.r0).toBe(0);
  });

  it('reports a double free and a free of a non-heap pointer as SIGABRT with plain words', () => {
    const machine = new TestMachine();
    machine.call('malloc', 8);
    const block = machine.r0;
    machine.call('free', block);
    const twice = machine.call('free', block);
    expect(twice).toMatchObject({ kind: 'signal', signal: 'SIGABRT', status: 134 });
    if (twice.kind === 'signal') expect(twice.message).toContain('double free');
    const stranger = machine.call('free', 0x20000);
    if (stranger.kind === 'signal') expect(stranger.message).toContain('not returned by malloc');
    expect(machine.call('realloc', 0x20000, 4)).toMatchObject({ kind: 'signal' });
  });
});

describe('<stdlib.h> and <string.h> values as glibc 2.36 gives them', () => {
  it('rand follows glibc\'s TYPE_3 generator', () => {
    const machine = new TestMachine();
    const draw = (count: number): number[] => Array.from({ length: count }, () => (machine.call('rand'), machine.r0));
    expect(draw(5)).toEqual([1804289383, 846930886, 1681692777, 1714636915, 1957747793]);
    machine.call('srand', 0);
    expect(draw(3)).toEqual([1804289383, 846930886, 1681692777]);
    machine.call('srand', 42);
    expect(draw(3)).toEqual([71876166, 708592740, 1483128881]);
    machine.call('srand', -5);
    expect(draw(3)).toEqual([1469203335, 1952330421, 2063378439]);
  });

  it('compares as differences of unsigned bytes', () => {
    const machine = new TestMachine();
    const result = (name: string, ...args: (string | number)[]): number => (machine.call(name, ...args), signed(machine.r0));
    expect([result('strcmp', 'abc', 'abd'), result('strcmp', 'abd', 'abc'), result('strcmp', 'a', 'abc'), result('strcmp', 'abc', '')]).toEqual([-1, 1, -98, 97]);
    expect([result('strcmp', '\xff', 'a'), result('strncmp', 'abcx', 'abcy', 3), result('strncmp', 'abcx', 'abzy', 4)]).toEqual([158, 0, -23]);
    expect([result('memcmp', 'abc', 'abd', 3), result('memcmp', '\xff', 'a', 1), result('memcmp', 'az', 'ab', 2)]).toEqual([-1, 158, 24]);
    expect([result('atoi', '  -12x'), result('atoi', '99999999999'), result('atoi', '+7'), result('atoi', ''), result('atoi', '\n\t 5')]).toEqual([-12, 2147483647, 7, 0, 5]);
    expect([result('abs', -2147483648), result('abs', -5)]).toEqual([-2147483648, 5]);
    expect([result('isdigit', 53), result('isalpha', 97), result('isalnum', 90), result('isspace', 10), result('isupper', 90), result('islower', 97), result('toupper', 97), result('tolower', -1)]).toEqual([2048, 1024, 8, 8192, 256, 512, 65, -1]);
  });

  it('strtol stores where it stopped', () => {
    const machine = new TestMachine();
    const end = machine.reserve(4);
    const text = machine.string('  0x1fz');
    machine.call('strtol', text, end, 0);
    expect([machine.r0, machine.readWord(end) - text]).toEqual([31, 6]);
    const other = machine.string('0xz');
    machine.call('strtol', other, end, 16);
    expect([machine.r0, machine.readWord(end) - other]).toEqual([0, 1]);
    const overflow = machine.string('-99999999999');
    machine.call('strtol', overflow, end, 10);
    expect([signed(machine.r0), machine.readWord(end) - overflow]).toEqual([-2147483648, 12]);
  });

  it('copies, concatenates, searches and fills', () => {
    const machine = new TestMachine();
    const buffer = machine.reserve(32);
    machine.call('strcpy', buffer, 'abc');
    machine.call('strcat', buffer, 'def');
    expect(machine.readString(buffer)).toBe('abcdef');
    machine.call('strlen', buffer);
    expect(machine.r0).toBe(6);
    machine.call('strncpy', buffer, 'xy', 5);
    expect(Array.from(machine.memory.bytes.subarray(buffer - 0x10000, buffer - 0x10000 + 6))).toEqual([120, 121, 0, 0, 0, 102]);
    machine.call('memset', buffer, 0x41, 4);
    machine.call('memmove', buffer + 1, buffer, 5);
    expect(machine.readString(buffer)).toBe('AAAAA');
    machine.call('strchr', 'hello', 108);
    const hello = machine.r0;
    expect(machine.readString(hello)).toBe('llo');
    machine.call('strrchr', 'hello', 108);
    expect(machine.readString(machine.r0)).toBe('lo');
    machine.call('strstr', 'haystack', 'st');
    expect(machine.readString(machine.r0)).toBe('stack');
    machine.call('strstr', 'haystack', 'xyz');
    expect(machine.r0).toBe(0);
    machine.call('memchr', 'abcdef', 100, 6);
    expect(machine.readString(machine.r0)).toBe('def');
    machine.call('memchr', 'abcdef', 100, 3);
    expect(machine.r0).toBe(0);
    machine.call('strdup', 'copy me');
    expect(machine.r0).toBe(HEAP_BASE);
    expect(machine.readString(machine.r0)).toBe('copy me');
    expect(machine.heap.sizeOf(HEAP_BASE)).toBe(8);
  });

  it('divides like the EABI helpers, with SIGFPE on division by zero', () => {
    const machine = new TestMachine();
    machine.call('__aeabi_idivmod', -7, 2);
    expect([signed(machine.r0), signed(machine.registers[1])]).toEqual([-3, -1]);
    machine.call('__aeabi_idiv', -2147483648, -1);
    expect(signed(machine.r0)).toBe(-2147483648);
    machine.call('__aeabi_uidivmod', 0xffffffff, 10);
    expect([machine.r0, machine.registers[1]]).toEqual([429496729, 5]);
    expect(machine.call('__aeabi_idiv', 1, 0)).toMatchObject({ kind: 'signal', signal: 'SIGFPE', status: 136 });
    machine.call('__aeabi_ldivmod', -10000000000n, 3n);
    expect([signed(machine.registers[0]), signed(machine.registers[1]), signed(machine.registers[2]), signed(machine.registers[3])]).toEqual([-3333333333 | 0, -1, -1, -1]);
    machine.call('__aeabi_uldivmod', 0xffffffffffffffffn, 0x100000000n);
    expect([machine.registers[0], machine.registers[1], machine.registers[2], machine.registers[3]]).toEqual([0xffffffff, 0, 0xffffffff, 0]);
    expect(machine.call('__aeabi_uldivmod', 1n, 0n)).toMatchObject({ kind: 'signal', signal: 'SIGFPE' });
  });

  it('exit, abort and time', () => {
    const machine = new TestMachine();
    expect(machine.call('exit', 3)).toEqual({ kind: 'exit', code: 3 });
    expect(machine.call('abort')).toMatchObject({ kind: 'signal', signal: 'SIGABRT', status: 134 });
    const slot = machine.reserve(4);
    machine.call('time', slot);
    expect([machine.r0, machine.readWord(slot)]).toEqual([1_700_000_000, 1_700_000_000]);
  });
});
