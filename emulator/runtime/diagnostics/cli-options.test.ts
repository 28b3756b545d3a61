import { describe, expect, it } from 'vitest';
import { takeMemoryOptions } from './cli-options.js';

describe('memory options of the CLI', () => {
  it('takes heap sizes and switches in both spellings and leaves the rest in order', () => {
    const result = takeMemoryOptions(['prog.s', '--heap-size=64K', '--min-block', '32', '--quarantine', '8', '--no-check=leak,warnings', '--check', 'misaligned-access', '--json', '--', '--heap-size']);
    expect(result).toEqual({
      ok: true,
      options: {
        heap: { size: 65536, minimumBlock: 32, quarantine: 8 },
        disabled: ['leak', 'uninitialized-read', 'misaligned-access', 'write-to-text'],
        enabled: ['misaligned-access'],
        off: false,
      },
      rest: ['prog.s', '--json', '--', '--heap-size'],
    });
  });

  it('says in plain words what is wrong with a value', () => {
    expect(takeMemoryOptions(['--heap-size=1000'])).toEqual({ ok: false, error: 'the heap size 1000 must be a power of two from 4 KiB to 64 MiB' });
    expect(takeMemoryOptions(['--heap-size', 'lots'])).toMatchObject({ ok: false, error: expect.stringContaining('is not a size') });
    expect(takeMemoryOptions(['--min-block=12'])).toMatchObject({ ok: false, error: expect.stringContaining('minimum block 12') });
    expect(takeMemoryOptions(['--quarantine=-1'])).toMatchObject({ ok: false, error: expect.stringContaining('whole number') });
    expect(takeMemoryOptions(['--no-check=leaks'])).toMatchObject({ ok: false, error: expect.stringContaining("unknown check: 'leaks' is not a check Sherwood knows; did you mean 'leak'?") });
    expect(takeMemoryOptions(['--no-check'])).toEqual({ ok: false, error: '--no-check needs a value' });
  });

  it('--redzone takes a size up to 4K', () => {
    expect(takeMemoryOptions(['--redzone', '16'])).toMatchObject({ ok: true, options: { heap: { redzone: 16 } } });
    expect(takeMemoryOptions(['--redzone=1K'])).toMatchObject({ ok: true, options: { heap: { redzone: 1024 } } });
    expect(takeMemoryOptions(['--redzone=8K'])).toEqual({ ok: false, error: 'the redzone 8192 must be a whole number of bytes from 0 to 4096' });
    expect(takeMemoryOptions(['--redzone=lots'])).toMatchObject({ ok: false, error: expect.stringContaining('is not a size') });
  });

  it('--no-check=all turns the checker off', () => {
    expect(takeMemoryOptions(['--no-check=all'])).toMatchObject({ ok: true, options: { off: true } });
  });
});
