#!/usr/bin/env node
// `npm test`: builds the web app (the browser tests drive the real build), runs every Vitest project
// (unit + API on PGlite, database tests again on PostgreSQL 15, browser tests in Chromium) and ends with
// the plain line "N passed, N failed" that CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.test-output');
mkdirSync(out, { recursive: true });
const report = join(out, 'vitest-report.json');
rmSync(report, { force: true });

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } });

const build = run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
if (build.status !== 0) {
  console.log('The web app did not build; the browser tests cannot run.');
}

const vitest = run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)]);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed = result.numPassedTests;
  failed = result.numFailedTests;
  skipped = result.numPendingTests + (result.numTodoTests ?? 0);
  // A file that fails to load has no tests counted: count it as a failure so it cannot hide.
  for (const file of result.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
} else {
  failed += 1;
}
if (build.status !== 0) failed += 1;
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || vitest.status !== 0 ? 1 : 0);
