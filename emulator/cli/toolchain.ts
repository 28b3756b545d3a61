/** The engine parts the CLI drives, gathered in one place (tests pass their own through the context). */
import { assemble } from '../assembler/index';
import type { Assemble } from './command';

/** The assembler (emulator/assembler). Typed as optional so a command copes with a build that lacks one. */
export const assembler: Assemble | undefined = assemble;
