#!/usr/bin/env node
// The `sherwood` command: assemble, disassemble and run A32 programs.
// The TypeScript sources are bundled into dist/cli.js by `npm install` (prepare).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const bundle = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
if (!existsSync(bundle)) {
  process.stderr.write('sherwood: the command is not built yet; run `npm install` (or `npm run build:cli`) first\n');
  process.exit(2);
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
