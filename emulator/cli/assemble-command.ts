/** `sherwood assemble FILE.s [-o OUTPUT]`: source -> static ELF32 ARM executable. */
import { writeElf } from '../elf/writer';
import { parseArguments } from './arguments';
import { type Command, EXIT_SUCCESS, EXIT_USAGE } from './command';
import { assembleSource, readInput } from './source';

/** Where `assemble` writes when no -o is given: FILE without .s/.S/.asm (hello.s -> hello), else FILE.elf. */
export function defaultOutputPath(input: string): string {
  const match = /\.(s|S|asm)$/.exec(input);
  const stem = match ? input.slice(0, match.index) : '';
  const base = stem.slice(Math.max(stem.lastIndexOf('/'), stem.lastIndexOf('\\')) + 1);
  return base !== '' && base !== '.' && base !== '..' ? stem : input + '.elf';
}

export const assembleCommand: Command = {
  name: 'assemble',
  summary: 'assemble a .s file into an ELF executable that runs under qemu-arm',
  usage: `Usage: sherwood assemble FILE.s [-o OUTPUT]

Assemble FILE.s (GNU as syntax, ARMv7-A, ARM state) and write a static ELF32
little-endian ARM executable laid out as arm-linux-gnueabihf-as + ld lay it
out. It runs under qemu-arm, or on 32-bit ARM Linux such as a Raspberry Pi.

Options:
  -o, --output OUTPUT  where to write the executable; by default FILE without
                       its .s, .S or .asm extension (hello.s -> hello), or
                       FILE.elf when it has none of those
  -h, --help           show this help

Errors and warnings go to stderr as FILE:LINE:COL: error: MESSAGE, with an
indented "hint:" line when there is one.
Exit status: 0 written, 1 assembly errors, 2 usage or file problems.
`,
  async run(args, context) {
    const parsed = parseArguments(args, { values: { '-o': 'output', '--output': 'output' } });
    if (!parsed.ok) {
      context.stderr(`sherwood assemble: ${parsed.error}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const { positionals, values } = parsed.arguments;
    if (positionals.length !== 1) {
      context.stderr(`sherwood assemble: ${positionals.length === 0 ? 'no input file given' : 'give exactly one input file'}\n\n${this.usage}`);
      return EXIT_USAGE;
    }
    const input = positionals[0];
    const output = values.get('output') ?? defaultOutputPath(input);
    if (output === input) {
      context.stderr(`sherwood assemble: the output file ${output} is the input file; choose another with -o\n`);
      return EXIT_USAGE;
    }
    const bytes = readInput(input, context);
    if (!bytes.ok) return bytes.status;
    const assembled = assembleSource(input, bytes.value, context);
    if (!assembled.ok) return assembled.status;
    const program = assembled.value;
    if (!program.hasStart) {
      // ld says the same ("cannot find entry symbol _start"): the executable starts at .text.
      const entry = '0x' + (program.entry >>> 0).toString(16).padStart(8, '0');
      context.stderr(`${input}: warning: no _start symbol; the executable starts at ${entry}, the beginning of .text, as ld does\n` +
        '  hint: define and .global _start; a program with only main runs under `sherwood run`, which provides the start-up\n');
    }
    const written = context.files.writeBytes(output, writeElf(program), true);
    if (!written.ok) {
      context.stderr(`sherwood: cannot write ${output}: ${written.reason}\n`);
      return EXIT_USAGE;
    }
    return EXIT_SUCCESS;
  },
};
