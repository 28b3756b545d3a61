import type { InstructionRow } from './types';

/** Rows of this class; filled in by the class module's owner. */
export const loadStoreMultipleRows: InstructionRow[] = [];
