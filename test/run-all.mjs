// `npm test`: typecheck, unit tests, then the end-to-end suite in each browser against its demo build (the e2e tests
// build and check the release packages too): Chromium on the machine's clock and again with the clock moved to a
// year from now, a minute before a Beijing midnight (test/run-at.mjs, needs faketime), so nothing passes only on the
// day or at the hour it was written; then Firefox ESR on the machine's clock (Firefox hangs at start under
// libfaketime, so it has no shifted run). The browser stages run one after another: on two cores, two browsers at
// once make the timing of both less certain, and the whole run stays well inside CI's time.
// Prints each stage's counts ("chromium: N passed, N failed"), then one closing line "tests: N passed, N failed",
// and exits non-zero on any failure; a browser that is missing is a failure, never a skip.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { findChromium } from './support/chromium.mjs';
import { findFirefox } from './support/firefox.mjs';

const reports = mkdtempSync(join(tmpdir(), 'xiaoer-tests-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
/** Each test stage's counts, printed at the end. */
const counts = [];
/** Each failed test's stage, file, name and the first lines of its error, printed again at the end: CI keeps only
 * the tail of the output, where a failure far up in a stage's log would be lost. */
const failedTests = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failures.push(label);
  return result.status === 0;
}

/** The e2e run under a moved clock: a year ahead, at 23:59 Beijing, so the run crosses a midnight. */
const SHIFTED_CLOCK = '+365d 23:59';

function vitest(label, args, { at, env = {} } = {}) {
  const outputFile = join(reports, `${label.replace(/\W+/g, '-')}.json`);
  const command = ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`];
  const ok = at ? run(label, 'node', ['test/run-at.mjs', at, '--', 'npx', ...command], env) : run(label, 'npx', command, env);
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    const stageSkipped = report.numPendingTests + report.numTodoTests;
    skipped += stageSkipped;
    counts.push(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${stageSkipped ? `, ${stageSkipped} skipped` : ''}`);
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== 'failed') continue;
        const lines = (test.failureMessages ?? []).join('\n').split('\n');
        // The error's first lines, and where in the tests it was thrown (a library's frames come first).
        const testFrames = lines.slice(6).filter((line) => /\/test\/.*\.test\.ts:\d+/.test(line)).slice(0, 3);
        const message = [...lines.slice(0, 6), ...testFrames].join('\n    ');
        failedTests.push(`✖ ${label} · ${relative(process.cwd(), file.name)} › ${test.fullName}\n    ${message}`);
      }
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed')) {
        failedTests.push(`✖ ${label} · ${relative(process.cwd(), file.name)}: ${String(file.message ?? '').split('\n')[0]}`);
      }
    }
  } catch {
    if (ok) failures.push(`${label} (no report)`);
    failed += 1;
    counts.push(`${label}: no report`);
  }
}

/** The browser's binary, or a loud failure of its stage (printed with the reason) when it is missing. */
function browserFound(name, find) {
  try {
    console.log(`\n▶ ${name}: ${find()}`);
    return true;
  } catch (error) {
    console.error(`\n✖ ${name}: ${error.message}`);
    failures.push(`${name} (browser missing)`);
    failed += 1;
    counts.push(`${name}: not run, the browser is missing`);
    return false;
  }
}

run('typecheck', 'npx', ['tsc', '--noEmit']);
vitest('unit', ['-c', 'test/vitest.config.ts']);
// The release builds are made and checked by test/e2e/release-build.e2e.test.ts; the e2e tests load the demo builds.
const e2e = ['-c', 'test/vitest.e2e.config.ts'];
// Every e2e file but listener-faults (CDP into the content script's world), import-progress (CDP slows the page's CPU
// so that 取消 lands mid-import) and midnight (Firefox cannot start under faketime); steps that need a Chromium-only API
// skip themselves there, named in the README.
const FIREFOX_E2E = [
  'content-script', 'stock', 'popup-settings', 'locale', 'remark-kept', 'imports-lose-nothing', 'release-build',
  'hostile-page', 'feed-redirects', 'snippets', 'snippets-options', 'stock-sources', 'response-clock',
  'worker-lifecycle', 'order-care', 'packs', 'import-faults', 'pack-apply-stopped', 'pack-adapters-stopped', 'db-upgrade-open-page', 'reload-mid-task',
  'builtin-consoles', 'builtin-consoles-features', 'custom-adapters', 'editors', 'status-dock', 'corrupted-settings',
  'restore-stopped', 'rerender-badges', 'teach-by-pointing', 'tool-load-failure',
];
if (browserFound('chromium', findChromium)) {
  if (run('build chrome with the demo console', 'npx', ['wxt', 'build'], { XIAOER_DEMO_CONSOLE: '1' })) {
    vitest('chromium', e2e, { env: { XIAOER_BROWSER: 'chromium' } });
    vitest(`chromium at ${SHIFTED_CLOCK} Beijing`, e2e, { at: SHIFTED_CLOCK, env: { XIAOER_BROWSER: 'chromium' } });
  } else failures.push('chromium e2e (not run: the demo build failed)');
}
if (browserFound('firefox', findFirefox)) {
  if (process.env.FAKETIME) {
    // An outer faketime (e.g. `faketime -f '+40d' npm test`) would reach Firefox, which deadlocks at start under it
    // (README, Firefox): that run is about dates and hours, which the Chromium stages cover; said, not hidden.
    console.error('\n✖ firefox: not run under an outer faketime (Firefox hangs at start under libfaketime); npm test on the machine\'s clock runs it');
    counts.push('firefox: not run under faketime (Firefox hangs under libfaketime)');
  } else if (run('build firefox with the demo console', 'npx', ['wxt', 'build', '-b', 'firefox'], { XIAOER_DEMO_CONSOLE: '1' })) {
    vitest('firefox', [...e2e, ...FIREFOX_E2E.map((file) => `test/e2e/${file}.e2e.test.ts`)], { env: { XIAOER_BROWSER: 'firefox' } });
  } else failures.push('firefox e2e (not run: the demo build failed)');
}

// The README's Reliability figures, from what this run's tests noted (only when everything passed).
if (!failures.length && !failed) run('reliability figures', 'node', ['test/reliability.mjs', '--since', String(Math.floor(performance.timeOrigin))]);

if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.join('\n')}`);
console.log(`\n${counts.join('\n')}`);
console.log(failures.length ? `\nFailed stages: ${failures.join(', ')}` : '\nAll stages passed.');
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failures.length || failed ? 1 : 0);
