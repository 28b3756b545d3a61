import { describe, expect, it } from 'vitest';
import { parseArguments } from './arguments';

const spec = { values: { '-o': 'output', '--output': 'output' }, flags: { '-q': 'quiet' } };

describe('parseArguments', () => {
  it.each([
    [['a.s', '-o', 'out'], ['a.s'], 'out'],
    [['-o', 'out', 'a.s'], ['a.s'], 'out'],
    [['a.s', '-oout'], ['a.s'], 'out'],
    [['a.s', '--output', 'out'], ['a.s'], 'out'],
    [['a.s', '--output=out'], ['a.s'], 'out'],
    [['a.s', '--output='], ['a.s'], ''],
    [['--', '-o', 'x'], ['-o', 'x'], undefined],
    [['-'], ['-'], undefined],
  ])('%j', (args, positionals, output) => {
    const result = parseArguments(args, spec);
    if (!result.ok) throw new Error(result.error);
    expect(result.arguments.positionals).toEqual(positionals);
    expect(result.arguments.values.get('output')).toBe(output);
  });

  it('reads flags and rejects unknown options and missing values as values, not exceptions', () => {
    const flagged = parseArguments(['-q', 'a.s'], spec);
    expect(flagged.ok && flagged.arguments.flags.has('quiet')).toBe(true);
    expect(parseArguments(['a.s', '-x'], spec)).toEqual({ ok: false, error: 'unknown option -x' });
    expect(parseArguments(['a.s', '--verbose=3'], spec)).toEqual({ ok: false, error: 'unknown option --verbose' });
    expect(parseArguments(['a.s', '-o'], spec)).toEqual({ ok: false, error: 'option -o needs a value' });
    expect(parseArguments(['--constructor'], spec)).toEqual({ ok: false, error: 'unknown option --constructor' });
    expect(parseArguments(['toString'], {}).ok).toBe(true);
  });
});
