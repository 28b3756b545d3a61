/**
 * `sherwood heap FILE.s [--at-step N] [--stdin FILE] [memory options]`: runs
 * the program and prints the Buddy System heap behind malloc as text (the
 * tree, one existing node per line, the free list of each order and the
 * statistics) at exit, or after N instructions: for class, and for tests.
 */
import { Session } from '../debug/session';
import { formatDiagnostic as formatMemoryDiagnostic } from '../runtime/diagnostics/collector';
import { resolveBuiltin } from '../debug/runtime-bridge';
import { MEMORY_OPTIONS_USAGE, takeMemoryOptions } from '../runtime/diagnostics/cli-options';
import { renderHeap } from '../runtime/heap/render';
import { parseArguments } from './arguments';
import { type Command, EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE } from './command';
import { assembleSource, decodeSource, readInput } from './source';

/** Instructions run at most when no --at-step is given. */
const RUN_LIMIT = 1_000_000_000;

const USAGE = `Usage: sherwood heap FILE.s [--at-step N] [--stdin FILE] [memory options]

Run FILE.s and print the Buddy System heap behind malloc as text: every node
of the buddy tree (free, split or allocated, with the requested size, slack,
allocation number and the line that allocated it), the free list of each
order, and the statistics (bytes requested and in blocks, fragmentation, peak).

Options:
  --at-step N    print the heap after N instructions instead of at exit
  --stdin FILE   the program's standard input (default: none)
  -h, --help     show this help

Memory options:
${MEMORY_OPTIONS_USAGE}
Exit status: 0 printed, 1 assembly errors or a program that cannot be loaded,
2 usage or file problems.
`;

export const heapCommand: Command = {
  name: 'heap',
  summary: 'run a program and print its buddy heap (tree, free lists, statistics)',
  usage: USAGE,
  async run(args, context) {
    const memory = takeMemoryOptions(args);
    if (!memory.ok) {
      context.stderr(`sherwood heap: ${memory.error}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const parsed = parseArguments(memory.rest, { values: { '--at-step': 'step', '--stdin': 'stdin' } });
    if (!parsed.ok) {
      context.stderr(`sherwood heap: ${parsed.error}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const { positionals, values } = parsed.arguments;
    if (positionals.length !== 1) {
      context.stderr(`sherwood heap: ${positionals.length === 0 ? 'no program file given' : 'give exactly one program file'}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const stepText = values.get('step');
    if (stepText !== undefined && !/^\d+$/.test(stepText)) {
      context.stderr(`sherwood heap: --at-step takes a whole number of instructions, not '${stepText}'\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    const file = positionals[0];
    const bytes = readInput(file, context);
    if (!bytes.ok) return bytes.status;
    const program = assembleSource(file, bytes.value, context, resolveBuiltin);
    if (!program.ok) return program.status;
    let input: Uint8Array | undefined;
    const stdinFile = values.get('stdin');
    if (stdinFile !== undefined) {
      const read = readInput(stdinFile, context);
      if (!read.ok) return read.status;
      input = read.value;
    }
    // The same checks as `sherwood run`: a double free is reported and the
    // program goes on, so the tree shows the allocator's state at exit.
    const created = Session.create(program.value, {
      programName: file.replace(/^.*[\\/]/, ''),
      heap: memory.options.heap,
      checks: memory.options.off
        ? false
        : {
            disabled: memory.options.disabled,
            enabled: memory.options.enabled,
            onDiagnostic: (diagnostic) => context.stderr(formatMemoryDiagnostic(diagnostic) + '\n'),
          },
    });
    if (!created.ok) {
      context.stderr(`sherwood: cannot load ${file}: ${created.error}\n`);
      return EXIT_FAILURE;
    }
    const session = created.session;
    if (input) session.provideInput(decodeSource(input));
    session.closeInput();
    const stop = session.run(stepText === undefined ? RUN_LIMIT : Number(stepText));
    let when: string;
    if (stop.kind === 'exit') when = `at exit (status ${stop.code}) after ${session.steps} instructions`;
    else if (stop.kind === 'fault') when = `at a fault after ${session.steps} instructions (${stop.message})`;
    else if (stepText !== undefined) when = `after ${session.steps} instructions`;
    else when = `after ${session.steps} instructions (the program had not ended)`;
    const heap = session.heap;
    if (!heap) {
      context.stderr(`sherwood heap: ${file} has no buddy heap to show\n`);
      return EXIT_FAILURE;
    }
    context.stdout(`${file}: heap ${when}\n${renderHeap(heap)}`);
    return EXIT_SUCCESS;
  },
};
