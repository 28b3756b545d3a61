/** ELF32 ARM executables: write a Program as one, read one back, and the mapping symbols both use. */
export { writeElf } from './writer';
export { readElf, type ReadElfResult, LARGEST_NOBITS_SECTION } from './reader';
export { mappingSymbols } from './mapping';
export { isMappingSymbolName } from './format';
