/**
 * A small argument parser for the commands: positionals, boolean flags and
 * options with a value (`-o OUT`, `-oOUT`, `--output OUT`, `--output=OUT`),
 * and `--` to end options. Unknown options are errors, reported as values.
 */
export interface ArgumentSpec {
  /** Options that take a value, each spelling mapped to the name it is stored under. */
  values?: Record<string, string>;
  /** Options without a value, each spelling mapped to its name. */
  flags?: Record<string, string>;
}

export interface ParsedArguments {
  positionals: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

export type ArgumentResult = { ok: true; arguments: ParsedArguments } | { ok: false; error: string };

export function parseArguments(args: readonly string[], spec: ArgumentSpec): ArgumentResult {
  const values = spec.values ?? {};
  const flags = spec.flags ?? {};
  const parsed: ParsedArguments = { positionals: [], values: new Map(), flags: new Set() };
  let index = 0;
  while (index < args.length) {
    const argument = args[index++];
    if (argument === '--') {
      parsed.positionals.push(...args.slice(index));
      break;
    }
    if (!argument.startsWith('-') || argument === '-') {
      parsed.positionals.push(argument);
      continue;
    }
    if (Object.hasOwn(flags, argument)) {
      parsed.flags.add(flags[argument]);
      continue;
    }
    const equals = argument.startsWith('--') ? argument.indexOf('=') : -1;
    const spelling = equals > 0 ? argument.slice(0, equals) : argument;
    if (Object.hasOwn(values, spelling)) {
      let value: string | undefined = equals > 0 ? argument.slice(equals + 1) : undefined;
      if (value === undefined) {
        if (index >= args.length) return { ok: false, error: `option ${spelling} needs a value` };
        value = args[index++];
      }
      parsed.values.set(values[spelling], value);
      continue;
    }
    // Short options written together with their value: -oOUT.
    const short = argument.slice(0, 2);
    if (!argument.startsWith('--') && argument.length > 2 && Object.hasOwn(values, short)) {
      parsed.values.set(values[short], argument.slice(2));
      continue;
    }
    return { ok: false, error: `unknown option ${spelling}` };
  }
  return { ok: true, arguments: parsed };
}
