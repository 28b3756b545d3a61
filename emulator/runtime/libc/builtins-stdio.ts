/**
 * <stdio.h> built-ins: printf sprintf snprintf puts putchar getchar fgets
 * scanf sscanf. Those reading stdin return 'waiting-for-input' (changing
 * nothing) when the bytes they need have not arrived yet.
 */
import { WAITING_FOR_INPUT, type BuiltinOutcome, type LibcContext } from './context.js';
import { memoryFault } from './memory.js';
import { formatPrintfInto, lastPrintfFailure, lastPrintfFault } from './printf.js';
import { scanFormat } from './scanf.js';
import { END_OF_INPUT, INPUT_PENDING, lineLength, takeByte } from './stdin.js';

const NEWLINE = new Uint8Array([10]);
const oneByte = new Uint8Array(1);

/** Formats the call's format (at register `formatRegister`) and variadic arguments into context.formatted. */
function format(context: LibcContext, formatRegister: number, name: string): number | BuiltinOutcome {
  const text = context.readString(context.argument(formatRegister));
  if (text === null) return context.stringFault(name);
  const args = context.arguments.reset(formatRegister + 1, name);
  context.formatted.clear();
  const count = formatPrintfInto(context.formatted, text, args);
  if (count < 0 && lastPrintfFailure === 'fault') {
    const fault = lastPrintfFault ?? args.fault;
    if (fault) {
      fault.message = fault.message.replace(/^printf/, name);
      return { kind: 'fault', fault };
    }
  }
  return count;
}

export function printf(context: LibcContext): BuiltinOutcome {
  const count = format(context, 0, 'printf');
  if (typeof count !== 'number') return count;
  // glibc has already put the output before a bad conversion into the stream when it returns -1.
  if (context.formatted.length > 0) context.stdout.write(context.formatted.view());
  return context.returnValue(count);
}

/** Copies context.formatted (at most `limit` bytes) and a NUL to `destination`. */
function store(context: LibcContext, destination: number, limit: number, name: string): BuiltinOutcome | null {
  const bytes = context.formatted.view();
  const length = Math.min(bytes.length, limit);
  for (let index = 0; index < length; index++) {
    if (!context.memory.writeByte((destination + index) >>> 0, bytes[index])) return { kind: 'fault', fault: memoryFault(name, 'write', destination + index) };
  }
  if (!context.memory.writeByte((destination + length) >>> 0, 0)) return { kind: 'fault', fault: memoryFault(name, 'write', destination + length) };
  return null;
}

export function sprintf(context: LibcContext): BuiltinOutcome {
  const destination = context.argument(0);
  const count = format(context, 1, 'sprintf');
  if (typeof count !== 'number') return count;
  return store(context, destination, 0x7fffffff, 'sprintf') ?? context.returnValue(count);
}

export function snprintf(context: LibcContext): BuiltinOutcome {
  const destination = context.argument(0);
  const size = context.argument(1);
  const count = format(context, 2, 'snprintf');
  if (typeof count !== 'number') return count;
  if (size > 0) {
    const failed = store(context, destination, size - 1, 'snprintf');
    if (failed) return failed;
  }
  return context.returnValue(count);
}

/** fprintf(stream, format, ...): printf to stdout or stderr; -1 for any other stream. */
export function fprintf(context: LibcContext): BuiltinOutcome {
  const output = context.outputFor(context.argument(0));
  if (output === null) return context.returnValue(-1);
  const count = format(context, 1, 'fprintf');
  if (typeof count !== 'number') return count;
  if (context.formatted.length > 0) output.write(context.formatted.view());
  return context.returnValue(count);
}

/** fputs(text, stream): no newline added; returns a non-negative number (glibc: 1), or -1 (EOF). */
export function fputs(context: LibcContext): BuiltinOutcome {
  const output = context.outputFor(context.argument(1));
  const text = context.readString(context.argument(0));
  if (text === null) return context.stringFault('fputs');
  if (output === null) return context.returnValue(-1);
  output.write(text);
  return context.returnValue(1);
}

/** fputc / putc (character, stream): returns the byte written, or -1 (EOF). */
export function fputc(context: LibcContext): BuiltinOutcome {
  const output = context.outputFor(context.argument(1));
  if (output === null) return context.returnValue(-1);
  oneByte[0] = context.argument(0) & 0xff;
  output.write(oneByte);
  return context.returnValue(oneByte[0]);
}

/** fflush(stream): NULL or stdout flushes stdout; returns 0. */
export function fflush(context: LibcContext): BuiltinOutcome {
  const stream = context.argument(0);
  const output = stream === 0 ? context.stdout : context.outputFor(stream);
  output?.flush?.();
  return context.returnValue(0);
}

export function puts(context: LibcContext): BuiltinOutcome {
  const text = context.readString(context.argument(0));
  if (text === null) return context.stringFault('puts');
  const length = text.length;
  context.stdout.write(text);
  context.stdout.write(NEWLINE);
  return context.returnValue(Math.min(0x7fffffff, length + 1));
}

export function putchar(context: LibcContext): BuiltinOutcome {
  oneByte[0] = context.argument(0) & 0xff;
  context.stdout.write(oneByte);
  return context.returnValue(oneByte[0]);
}

export function getchar(context: LibcContext): BuiltinOutcome {
  const byte = takeByte(context.stdin);
  if (byte === INPUT_PENDING) return WAITING_FOR_INPUT;
  return context.returnValue(byte === END_OF_INPUT ? -1 : byte);
}

/**
 * fgets(buffer, size, stream): reads through the first newline, at most
 * size-1 bytes, and a NUL. Returns buffer, or NULL at end of input with
 * nothing read. Any stream is taken to be stdin (the only input a program has).
 */
export function fgets(context: LibcContext): BuiltinOutcome {
  const buffer = context.argument(0);
  const size = context.argument(1) | 0;
  if (size <= 0) return context.returnValue(0);
  if (size === 1) {
    if (!context.memory.writeByte(buffer, 0)) return { kind: 'fault', fault: memoryFault('fgets', 'write', buffer) };
    return context.returnValue(buffer);
  }
  const length = lineLength(context.stdin, size);
  if (length === INPUT_PENDING) return WAITING_FOR_INPUT;
  if (length === 0) return context.returnValue(0);
  for (let index = 0; index < length; index++) {
    if (!context.memory.writeByte((buffer + index) >>> 0, context.stdin.byteAt(index))) {
      return { kind: 'fault', fault: memoryFault('fgets', 'write', buffer + index) };
    }
  }
  if (!context.memory.writeByte((buffer + length) >>> 0, 0)) return { kind: 'fault', fault: memoryFault('fgets', 'write', buffer + length) };
  context.stdin.consume(length);
  return context.returnValue(buffer);
}

export function scanf(context: LibcContext): BuiltinOutcome {
  const text = context.readString(context.argument(0));
  if (text === null) return context.stringFault('scanf');
  const outcome = scanFormat(text, context.stdin, context.arguments.reset(1, 'scanf'), 'scanf');
  if (outcome.kind === 'needs-input') return WAITING_FOR_INPUT;
  if (outcome.kind === 'fault') return outcome;
  return context.returnValue(outcome.count);
}

export function sscanf(context: LibcContext): BuiltinOutcome {
  const input = context.stringInput.reset(context.memory, context.argument(0));
  const text = context.readString(context.argument(1));
  if (text === null) return context.stringFault('sscanf');
  const outcome = scanFormat(text, input, context.arguments.reset(2, 'sscanf'), 'sscanf');
  if (input.faultAddress >= 0) return { kind: 'fault', fault: memoryFault('sscanf', 'read', input.faultAddress) };
  if (outcome.kind === 'fault') return outcome;
  // A string's NUL is its end of input, so sscanf never waits.
  return context.returnValue(outcome.kind === 'done' ? outcome.count : -1);
}
