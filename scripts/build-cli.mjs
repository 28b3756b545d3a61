// Bundles the `sherwood` command (emulator/cli) into dist/cli.js so that
// `node bin/sherwood.js` works right after `npm install` (run by "prepare").
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
await build({
  entryPoints: [path.join(root, 'emulator/cli/main.ts')],
  outfile: path.join(root, 'dist/cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
