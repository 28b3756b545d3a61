import { describe, expect, it } from 'vitest';
import { checkHeapOptions, parseByteSize } from './options.js';

describe('heap options', () => {
  it('reads CLI sizes', () => {
    expect(['4096', '64K', '64kib', '1M', '1 MiB', '32', '2mb'].map((text) => parseByteSize(text))).toEqual(
      [4096, 65536, 65536, 1 << 20, 1 << 20, 32, 2 << 20].map((bytes) => ({ ok: true, bytes })),
    );
    for (const text of ['', 'big', '1G', '-4K', '1.5M']) expect(parseByteSize(text)).toMatchObject({ ok: false, error: expect.stringContaining('not a size') });
  });

  it('accepts the documented range and nothing else', () => {
    expect(checkHeapOptions({ base: 0x30000, size: 4096, minimumBlock: 8 })).toBeNull();
    expect(checkHeapOptions({ base: 0x30000, size: 64 << 20, minimumBlock: 4096, quarantine: 100 })).toBeNull();
    expect(checkHeapOptions({ base: 0x30000, size: 64 << 20, minimumBlock: 128 << 20 })).toContain('minimum block');
    expect(checkHeapOptions({ base: NaN })).toContain('heap base');
  });
});
