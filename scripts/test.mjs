// `npm test`: type checking, unit and integration tests (Vitest), then the
// end-to-end specs where present. Ends with one plain line `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' });
let passed = 0;
let failed = 0;
let skipped = 0;

console.log('== type check (tsc -b)');
const typecheck = run(bin('tsc'), ['-b']);
if (typecheck.status === 0) passed += 1;
else failed += 1;

console.log('== unit and integration tests (vitest)');
mkdirSync(path.join(root, 'test-results'), { recursive: true });
const vitestReport = path.join(root, 'test-results', 'vitest.json');
const vitest = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (vitest.status !== 0 && report.numFailedTests === 0) failed += 1; // a suite that failed to load
} else {
  failed += 1;
}

const e2eDir = path.join(root, 'e2e');
const hasSpecs = existsSync(e2eDir) && readdirSync(e2eDir).some((name) => name.endsWith('.spec.ts'));
if (hasSpecs && existsSync(path.join(root, 'playwright.config.ts'))) {
  console.log('== end-to-end tests (playwright)');
  const e2eReport = path.join(root, 'test-results', 'playwright.json');
  const e2e = spawnSync(bin('playwright'), ['test', '--reporter=list,json'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
  });
  if (existsSync(e2eReport)) {
    const stats = JSON.parse(readFileSync(e2eReport, 'utf8')).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
    if (e2e.status !== 0 && stats.unexpected === 0) failed += 1;
  } else {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exitCode = failed === 0 ? 0 : 1;
