// Builds the Chrome extension WITH the bench-only page (entrypoints/bench → bench.html) into a separate output
// directory, so the normal build in .output/chrome-mv3 (used by `npm run demo` and the e2e tests) is untouched.
// Run by run-bench.mjs as a child process: `XIAOER_BENCH=1 node test/bench/build-bench.mjs`.
import { resolve } from 'node:path';
import { build } from 'wxt';

export const BENCH_OUT_DIR = resolve(import.meta.dirname, '../../.output/bench');

if (!process.env.XIAOER_BENCH) {
  console.error('build-bench.mjs: set XIAOER_BENCH=1 (the wxt.config.ts hook drops the bench page otherwise).');
  process.exit(2);
}
await build({ root: resolve(import.meta.dirname, '../..'), outDir: BENCH_OUT_DIR, browser: 'chrome', manifestVersion: 3 });
