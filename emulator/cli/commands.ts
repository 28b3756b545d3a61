/**
 * The `sherwood` commands, in the order `--help` lists them. A new command is
 * a module exporting a `Command` plus one line here.
 */
import { assembleCommand } from './assemble-command';
import type { Command } from './command';
import { disasmCommand } from './disasm-command';

export const COMMANDS: readonly Command[] = [assembleCommand, disasmCommand];
