/** The built-in C library: see registry.ts for the functions and context.ts for what they run against. */
export { AapcsArgumentReader, ValueArgumentReader, type ArgumentReader } from './arguments.js';
export { ByteBuilder } from './byte-builder.js';
export { LibcContext, RETURNED, STREAM_HANDLES, WAITING_FOR_INPUT, type BuiltinOutcome, type LibcContextOptions, type LibcOutput } from './context.js';
export { ArrayMemory, hex32, latin1Bytes, latin1Text, memoryFault, type LibcFault, type LibcMemory, type RegisterFile } from './memory.js';
export { formatPrintf, formatPrintfInto, MAXIMUM_FIELD_WIDTH } from './printf.js';
export { GlibcRandom } from './random.js';
export { BUILTIN_FUNCTIONS, findBuiltin, type BuiltinFunction, type ParameterKind, type ReturnKind } from './registry.js';
export { scanFormat, type ScanOutcome } from './scanf.js';
export { SimpleHeap, type HeapAllocator, type HeapBlock } from './simple-heap.js';
export { END_OF_INPUT, INPUT_PENDING, lineLength, StdinStream, StringInput, takeByte, type ScanInput } from './stdin.js';
export * as strings from './strings.js';
export { StdoutBuffer, PIPE_BUFFER_SIZE, type BufferMode } from './stdout-buffer.js';
export { strcmpArmv7 } from './strcmp-armv7.js';
export { createTrapBuiltins, createTrapLibrary, toTrapOutcome, type LibcAdapterOptions, type TrapLibrary } from './trap-adapter.js';
