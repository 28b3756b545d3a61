/**
 * The `sherwood` commands, in the order `--help` lists them. A new command is
 * a module exporting a `Command` (or a handler adapted here) plus one line here.
 */
import { assembleCommand } from './assemble-command';
import type { Command } from './command';
import { disasmCommand } from './disasm-command';
import { heapCommand } from './heap-command';
import { RUN_USAGE, runCommand } from './run-command';

const run: Command = {
  name: 'run',
  summary: 'assemble (or load an ELF) and run a program as qemu-arm would',
  usage: RUN_USAGE,
  run: (args, context) => runCommand([...args], context),
};

export const COMMANDS: readonly Command[] = [assembleCommand, run, disasmCommand, heapCommand];
