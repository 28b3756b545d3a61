/**
 * Switches a program gives itself in its own source: a comment line
 *
 *     @ sherwood: allow misaligned-access, uninitialized-read
 *
 * (or `// sherwood: allow ...`) anywhere in any of its files turns those
 * diagnostics off for that program, as a program that relies on unaligned
 * words says so where its reader sees it. Kind names are case-insensitive;
 * `warnings` and `all` name groups as on the command line. The comment wins
 * over the defaults; `--check=KIND` on the command line wins over the comment
 * (createProcessChecker merges them in that order). A name that is not a kind
 * is a problem to show as a warning, never an exception.
 */
import { DIAGNOSTIC_KINDS, kindsNamed, unknownKindMessage, type DiagnosticKind } from './types.js';

export interface SourceSwitchProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

export interface SourceSwitches {
  /** Kinds the source allows (switches off), each once, in DIAGNOSTIC_KINDS order. */
  disabled: DiagnosticKind[];
  problems: SourceSwitchProblem[];
}

/** `@` or `//`, then `sherwood:` and the rest of the line. */
const SWITCH_LINE = /^\s*(?:@|\/\/)\s*sherwood\s*:(.*)$/i;
const ALLOW = /^\s*allow\b(.*)$/i;

const VALID = `the checks are ${DIAGNOSTIC_KINDS.join(', ')} (or warnings, all)`;

/** The kinds the program's sources switch off, and what in them could not be understood. */
export function sourceSwitches(sources: Iterable<{ file: string; text: string }>): SourceSwitches {
  const disabled = new Set<DiagnosticKind>();
  const problems: SourceSwitchProblem[] = [];
  for (const source of sources) {
    const text = source.text;
    // Most sources have no switch at all: look for the word before splitting into lines.
    if (!/sherwood/i.test(text)) continue;
    const lines = text.split(/\r\n|\r|\n/);
    for (let index = 0; index < lines.length; index++) {
      const match = SWITCH_LINE.exec(lines[index]);
      if (!match) continue;
      const problem = (message: string): void => void problems.push({ file: source.file, line: index + 1, message });
      const allow = ALLOW.exec(match[1]);
      if (!allow) {
        problem(`'${match[1].trim()}' is not a Sherwood setting: write '@ sherwood: allow KIND, ...' to switch checks off (${VALID})`);
        continue;
      }
      const names = allow[1].split(/[\s,]+/).filter((name) => name !== '');
      if (names.length === 0) {
        problem(`'@ sherwood: allow' names no check: list the checks to switch off, e.g. '@ sherwood: allow misaligned-access' (${VALID})`);
        continue;
      }
      for (const name of names) {
        const kinds = kindsNamed(name);
        if (kinds === undefined) problem(`${unknownKindMessage(name)}; nothing switched off for it`);
        else for (const kind of kinds) disabled.add(kind);
      }
    }
  }
  return { disabled: DIAGNOSTIC_KINDS.filter((kind) => disabled.has(kind)), problems };
}
