// Builds the Chrome extension WITH the bench-only page (entrypoints/bench → bench.html) into a separate output
// directory, so the normal build in .output/chrome-mv3 (used by `npm run demo` and the e2e tests) is untouched.
// Run by run-bench.mjs as a child process: `XIAOER_BENCH=1 node test/bench/build-bench.mjs [--no-minify]`.
// --no-minify (for --profile): readable function names in CPU profiles; otherwise the build is the shipped one.
import { resolve } from 'node:path';
import { build } from 'wxt';

const ROOT = resolve(import.meta.dirname, '../..');
const noMinify = process.argv.includes('--no-minify');

if (!process.env.XIAOER_BENCH) {
  console.error('build-bench.mjs: set XIAOER_BENCH=1 (the wxt.config.ts hook drops the bench page otherwise).');
  process.exit(2);
}
await build({
  root: ROOT,
  outDir: resolve(ROOT, '.output/bench'),
  browser: 'chrome',
  manifestVersion: 3,
  // Merged with the hooks of wxt.config.ts (different hook names).
  hooks: noMinify
    ? {
        'vite:build:extendConfig': (_entrypoints, config) => {
          config.build = { ...config.build, minify: false };
        },
      }
    : {},
});
