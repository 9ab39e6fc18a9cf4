// `npm test`: typecheck, unit tests, the build with the demo console, then end-to-end tests in Chromium (which build and check the release packages too) — once on the machine's
// clock and once with the clock moved to a year from now, a minute before a Beijing midnight (test/run-at.mjs, needs
// faketime), so nothing passes only on the day or at the hour it was written.
// Prints one closing line "tests: N passed, N failed" and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'xiaoer-tests-'));
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

/** The e2e run under a moved clock: a year ahead, at 23:59 Beijing, so the run crosses a midnight. */
const SHIFTED_CLOCK = '+365d 23:59';

function vitest(label, args, { at } = {}) {
  const outputFile = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const command = ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`];
  const ok = at ? run(label, 'node', ['test/run-at.mjs', at, '--', 'npx', ...command]) : run(label, 'npx', command);
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch {
    if (ok) failures.push(`${label} (no report)`);
    failed += 1;
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit', ['-c', 'test/vitest.config.ts']);
// The release builds are made and checked by test/e2e/release-build.e2e.test.ts; the e2e tests load the demo build.
const demoBuilt = run('build chrome with the demo console', 'npx', ['wxt', 'build'], { XIAOER_DEMO_CONSOLE: '1' });
if (demoBuilt) {
  vitest('e2e', ['-c', 'test/vitest.e2e.config.ts']);
  vitest(`e2e at ${SHIFTED_CLOCK} Beijing`, ['-c', 'test/vitest.e2e.config.ts'], { at: SHIFTED_CLOCK });
} else failures.push('e2e (not run: the demo build failed)');

// The README's Reliability figures, from what this run's tests noted (only when everything passed).
if (!failures.length && !failed) run('reliability figures', 'node', ['test/reliability.mjs', '--since', String(Math.floor(performance.timeOrigin))]);

console.log(failures.length ? `\nFailed stages: ${failures.join(', ')}` : '\nAll stages passed.');
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
