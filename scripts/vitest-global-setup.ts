import { execFileSync } from 'node:child_process';

/** Tests drive the real `sherwood` command, so build it once before they run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
