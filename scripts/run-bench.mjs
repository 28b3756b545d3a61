// `npm run bench`: bundles scripts/bench.ts the way the `sherwood` command is
// bundled (one ESM file, esbuild), so the figures are those of the code users run,
// then runs it. Arguments pass through (`npm run bench -- assembler`).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const outfile = path.join(root, 'dist/bench.js');
await build({
  entryPoints: [path.join(root, 'scripts/bench.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const result = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exitCode = result.status ?? 1;
