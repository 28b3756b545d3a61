/**
 * The disassembler: A32 words back to text, from the same instruction table
 * the assembler and the CPU use (emulator/isa). objdump-compatible text for
 * the IDE's disassembly view and `sherwood disasm`, and reassemblable text
 * for the conformance suite.
 */
export type { DisassembledLine, DisassembledLineKind, SymbolLookup } from './types';
export { formatInstruction, formatForAssembler, formatDecoded, formatAddress, registerName, REGISTER_NAMES } from './format';
export { disassembleWord, disassembleImage, disassembleProgram, UNDEFINED_NOTE, UNSUPPORTED_NOTE } from './disassemble';
export { formatListing, formatListingLine, type ListingOptions } from './listing';
export { createSymbolIndex, isMappingSymbol, type SymbolIndex } from './symbols';
