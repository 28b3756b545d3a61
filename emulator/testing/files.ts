/**
 * For tests and scripts on the host: the `readFile` the assembler's
 * `.include` needs, reading a path as given when absolute and from
 * `directory` otherwise; undefined when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function sourceReader(directory = process.cwd()): (file: string) => string | undefined {
  return (file) => {
    try {
      return readFileSync(path.isAbsolute(file) ? file : path.join(directory, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}
