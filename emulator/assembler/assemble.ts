/**
 * The assembler's public entry: GNU `as` syntax in, a linked Program out
 * (or every diagnostic of the source). Behaves as
 * `arm-linux-gnueabihf-as -march=armv7ve` followed by `arm-linux-gnueabihf-ld`.
 */
import { Assembler } from './assembler';
import { buildResult, passTwo } from './pass-two';
import { recycleSymbols } from './symbols';
import { recycleSectionBytes } from './section-buffer';
import type { AssembleOptions, AssembleResult } from './program';

/** Statements processed before the assembler gives up on runaway expansion. */
const STATEMENT_BUDGET = 20_000_000;

export function assemble(source: string, options: AssembleOptions = {}): AssembleResult {
  const text = typeof source === 'string' ? source : String(source);
  const assembler = new Assembler(options, text.length);
  try {
    assembler.run(text, STATEMENT_BUDGET);
    passTwo(assembler);
    const result = buildResult(assembler);
    recycleSymbols(assembler.symbols);
    recycleSectionBytes(assembler.sections);
    return result;
  } catch (error) {
    // A bug, not the input's fault: still answer with a diagnostic rather than throw.
    return {
      ok: false,
      diagnostics: [{
        file: options.file ?? 'input.s', line: assembler.reader.line, column: 1, length: 0, severity: 'error',
        message: `internal assembler error: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'please report this with the source that caused it',
      }],
    };
  }
}
