/**
 * Writes what a conformance run found to test-results/conformance/NAME.json
 * (counts and every disagreement) and returns a one-line summary, so the
 * figures survive beyond the test runner's output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './golden';

export function writeReport(name: string, report: Record<string, unknown>): string {
  const directory = path.join(ROOT, 'test-results', 'conformance');
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  writeFileSync(file, JSON.stringify(report, null, 2) + '\n');
  return path.relative(ROOT, file);
}

/** Groups `items` by `key` and keeps a few examples of each, for readable failure messages. */
export function groupExamples<T>(items: readonly T[], key: (item: T) => string, show: (item: T) => string, examples = 3): string {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    let list = groups.get(name);
    if (!list) groups.set(name, (list = []));
    list.push(item);
  }
  return [...groups]
    .map(([name, list]) => `${name} (${list.length}): ${list.slice(0, examples).map(show).join(' | ')}`)
    .join('\n');
}
