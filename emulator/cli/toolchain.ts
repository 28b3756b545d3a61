/** The engine parts the CLI drives, gathered in one place so a build without one still runs. */
import type { Assemble } from './command';

/** The assembler (emulator/assembler), once it exists; until then the commands say so. */
export const assembler: Assemble | undefined = undefined;
