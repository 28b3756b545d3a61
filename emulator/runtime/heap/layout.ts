/**
 * The per-leaf record layout of BuddyHeap: one record of 12 words per minimum
 * block, holding the free-list links of a free block starting there, the live
 * block starting there, and the last block freed starting there. Keeping them
 * together means a malloc or free touches one or two cache lines per block
 * instead of one per array. Orders are stored plus one, so 0 (a fresh array)
 * means none; sites are 32-bit addresses read through the unsigned view.
 */
export const RECORD_WORDS = 12;
/** Free-list links: next and previous leaf, or -1. */
export const FIELD_NEXT = 0;
export const FIELD_PREVIOUS = 1;
/** The live block starting at this leaf: order + 1 (0: none), requested bytes, allocation sequence, allocation site. */
export const FIELD_ORDER = 2;
export const FIELD_REQUESTED = 3;
export const FIELD_SEQUENCE = 4;
export const FIELD_SITE = 5;
/** The last block freed starting at this leaf: order + 1 (0: none), free sequence, free site, and its allocation's requested bytes, sequence and site. */
export const FIELD_FREED_ORDER = 6;
export const FIELD_FREED_SEQUENCE = 7;
export const FIELD_FREED_SITE = 8;
export const FIELD_FREED_REQUESTED = 9;
export const FIELD_FREED_ALLOCATION_SEQUENCE = 10;
export const FIELD_FREED_ALLOCATION_SITE = 11;
