/** `sherwood disasm FILE.s|FILE.elf`: an `objdump -d`-style listing. */
import { disassembleImage, disassembleProgram, formatListing } from '../disassembler/index';
import type { Program, ProgramSymbol } from '../assembler/program';
import { readElf } from '../elf/reader';
import { parseArguments } from './arguments';
import { type Command, EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE } from './command';
import { assembleSource, isElf, readInput } from './source';
import { resolveBuiltin } from '../debug/runtime-bridge';

/** Name the built-in C functions the program calls, so `bl` shows `<printf>`. */
function withBuiltinSymbols(program: Program): Program {
  const names = new Set(program.externals.map((external) => external.name));
  const symbols: ProgramSymbol[] = [];
  for (const name of names) {
    const value = resolveBuiltin(name);
    if (value !== undefined) symbols.push({ name, value, global: true, type: 'function', size: 8 });
  }
  return symbols.length === 0 ? program : { ...program, symbols: [...program.symbols, ...symbols] };
}

export const disasmCommand: Command = {
  name: 'disasm',
  summary: 'disassemble a .s file or an ELF executable, objdump -d style',
  usage: `Usage: sherwood disasm FILE

Print the code sections of FILE as arm-linux-gnueabihf-objdump -d prints them.
FILE is an ELF32 ARM executable (recognised by its contents, whatever its
name), or assembly source, which is assembled first; its addresses are those
\`sherwood assemble\` would give it, and calls to the built-in C functions
(printf, malloc, ...) go to the addresses \`sherwood run\` gives them.

Options:
  -h, --help  show this help

Exit status: 0 listed, 1 assembly errors or an unreadable executable,
2 usage or file problems.
`,
  async run(args, context) {
    const parsed = parseArguments(args, {});
    if (!parsed.ok) {
      context.stderr(`sherwood disasm: ${parsed.error}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const { positionals } = parsed.arguments;
    if (positionals.length !== 1) {
      context.stderr(`sherwood disasm: ${positionals.length === 0 ? 'no input file given' : 'give exactly one input file'}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const input = positionals[0];
    const bytes = readInput(input, context);
    if (!bytes.ok) return bytes.status;
    if (isElf(bytes.value)) {
      const read = readElf(bytes.value, input);
      if (!read.ok) {
        context.stderr(`sherwood: ${input}: ${read.error}\n`);
        return EXIT_FAILURE;
      }
      context.stdout(formatListing(disassembleImage(read.program), { file: input }));
      return EXIT_SUCCESS;
    }
    const assembled = assembleSource(input, bytes.value, context, resolveBuiltin);
    if (!assembled.ok) return assembled.status;
    context.stdout(formatListing(disassembleProgram(withBuiltinSymbols(assembled.value)), { file: input }));
    return EXIT_SUCCESS;
  },
};
