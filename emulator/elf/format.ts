/**
 * ELF32 constants for little-endian ARM EABI5 executables, named as the ELF
 * and ARM ELF specifications name them, plus the fixed layout sizes.
 */

export const ELF_HEADER_SIZE = 52;
export const PROGRAM_HEADER_SIZE = 32;
export const SECTION_HEADER_SIZE = 40;
export const SYMBOL_SIZE = 16;

/** `ld`'s page size for ARM Linux (binutils 2.40): segment alignment and file-offset congruence. */
export const PAGE_SIZE = 0x1000;

export const ELFCLASS32 = 1;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const EM_ARM = 40;

/** EF_ARM_EABI_VER5 | EF_ARM_ABI_FLOAT_SOFT: what `ld` writes for `as -march=armv7ve` objects. */
export const ARM_EABI5_FLAGS = 0x05000200;

export const PT_LOAD = 1;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;
export const SHT_ARM_ATTRIBUTES = 0x70000003;

export const SHF_WRITE = 1;
export const SHF_ALLOC = 2;
export const SHF_EXECINSTR = 4;
export const SHF_TLS = 0x400;

export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

/**
 * The `.ARM.attributes` section `arm-linux-gnueabihf-as -march=armv7ve`
 * writes by default (Tag_CPU_name "7VE", Tag_CPU_arch v7, profile A, ARM and
 * Thumb-2 ISA use, MP extension, integer divide, virtualization).
 */
export const DEFAULT_ARM_ATTRIBUTES: readonly number[] = [
  0x41, 0x22, 0x00, 0x00, 0x00, 0x61, 0x65, 0x61, 0x62, 0x69, 0x00, 0x01, 0x18, 0x00, 0x00, 0x00,
  0x05, 0x37, 0x56, 0x45, 0x00, 0x06, 0x0a, 0x07, 0x41, 0x08, 0x01, 0x09, 0x02, 0x2a, 0x01, 0x2c,
  0x02, 0x44, 0x03,
];

/** Names of the ARM mapping symbols (`$a` ARM code, `$t` Thumb code, `$d` data, optionally `$x.suffix`). */
export function isMappingSymbolName(name: string): boolean {
  return name.length >= 2 && name.charCodeAt(0) === 0x24 /* $ */ &&
    (name[1] === 'a' || name[1] === 'd' || name[1] === 't') && (name.length === 2 || name[2] === '.');
}

/** An ELF32 section header (Elf32_Shdr), as the writer fills it and the reader reads it. */
export interface SectionHeader {
  /** Offset of the name in .shstrtab. */
  name: number;
  type: number;
  flags: number;
  address: number;
  offset: number;
  size: number;
  link: number;
  info: number;
  alignment: number;
  entrySize: number;
}
