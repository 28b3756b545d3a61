/** The version from package.json, found by walking up from this module (source tree or dist/cli.js). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageVersion(): string {
  let folder: string;
  try {
    folder = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    return 'unknown';
  }
  for (let depth = 0; depth < 6; depth++) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'sherwood' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No readable package.json here: look one folder up.
    }
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return 'unknown';
}
