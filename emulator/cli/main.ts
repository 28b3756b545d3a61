/**
 * The `sherwood` command line: `sherwood COMMAND [ARGS]`, `--help`,
 * `help COMMAND`, `--version`. Commands come from the table in commands.ts.
 * Exit status 2 and usage on stderr for anything it does not understand.
 */
import { type Command, type CommandContext, EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE } from './command';
import { COMMANDS } from './commands';
import { nodeFileSystem } from './files';
import { assembler } from './toolchain';
import { packageVersion } from './version';
import { nearestName } from '../text/nearest.js';

export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(4, ...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return `Usage: sherwood COMMAND [ARGUMENTS]

Assemble, disassemble and run 32-bit ARM (A32, ARMv7-A) programs written in
GNU assembler syntax.

Commands:
${lines.join('\n')}
  ${'help'.padEnd(width)}  show help for a command: sherwood help COMMAND

Options:
  -h, --help     show this help
  -V, --version  show the version

Examples:
  sherwood assemble hello.s -o hello && qemu-arm ./hello
  sherwood disasm hello
`;
}

function processContext(): CommandContext {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    files: nodeFileSystem,
    assemble: assembler,
  };
}

function unknownCommand(name: string, context: CommandContext, commands: readonly Command[]): number {
  const names = [...commands.map((command) => command.name), 'help'];
  const nearest = nearestName(name, names);
  const suggestion = nearest ? `; did you mean '${nearest}'?` : '';
  context.stderr(`sherwood: unknown command '${name}'${suggestion}\n\n${usage(commands)}`);
  return EXIT_USAGE;
}

const wantsHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((arg) => arg === '-h' || arg === '--help');
};

/** Run the command line `argv` (without `node` and the script); resolves to the exit status. */
export async function main(argv: string[], context: CommandContext = processContext(), commands: readonly Command[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    context.stderr(`sherwood: no command given\n\n${usage(commands)}`);
    return EXIT_USAGE;
  }
  if (first === '-h' || first === '--help') {
    context.stdout(usage(commands));
    return EXIT_SUCCESS;
  }
  if (first === '-V' || first === '--version') {
    context.stdout(`sherwood ${packageVersion()}\n`);
    return EXIT_SUCCESS;
  }
  if (first.startsWith('-')) {
    context.stderr(`sherwood: unknown option ${first}\n\n${usage(commands)}`);
    return EXIT_USAGE;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      context.stdout(usage(commands));
      return EXIT_SUCCESS;
    }
    const command = commands.find((candidate) => candidate.name === rest[0]);
    if (rest[0] === 'help') {
      context.stdout('Usage: sherwood help COMMAND\n\nShow the usage of COMMAND.\n');
      return EXIT_SUCCESS;
    }
    if (command === undefined || rest.length > 1) return rest.length > 1 ? tooMany(context, commands) : unknownCommand(rest[0], context, commands);
    context.stdout(command.usage);
    return EXIT_SUCCESS;
  }
  const command = commands.find((candidate) => candidate.name === first);
  if (command === undefined) return unknownCommand(first, context, commands);
  if (wantsHelp(rest)) {
    context.stdout(command.usage);
    return EXIT_SUCCESS;
  }
  try {
    return await command.run(rest, context);
  } catch (error) {
    // A command should report problems as values; this is the last line of defence.
    context.stderr(`sherwood ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_FAILURE;
  }
}

function tooMany(context: CommandContext, commands: readonly Command[]): number {
  context.stderr(`sherwood help: give one command name\n\n${usage(commands)}`);
  return EXIT_USAGE;
}
