/**
 * The shape every `sherwood` command has, so commands plug into the table in
 * commands.ts as separate modules: a name, a one-line summary for `--help`,
 * a usage text for `help NAME`, and a handler that returns the exit status.
 */
import type { AssembleOptions, AssembleResult } from '../assembler/program';
import type { FileSystem } from './files';

/** Exit statuses: success, errors in the input (assembly errors), and usage or file problems. */
export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export type Assemble = (source: string, options: AssembleOptions) => AssembleResult;

/** What a command may touch. Tests pass their own; `main` passes the process's. */
export interface CommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  files: FileSystem;
  /** The assembler, or undefined in a build that lacks it. */
  assemble: Assemble | undefined;
}

export interface Command {
  name: string;
  /** One line for the command list in `sherwood --help`. */
  summary: string;
  /** The full text of `sherwood help NAME` (starts with a `Usage:` line). */
  usage: string;
  run(args: readonly string[], context: CommandContext): Promise<number>;
}
