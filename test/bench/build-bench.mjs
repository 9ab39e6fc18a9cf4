// Builds the Chrome extension WITH the bench-only page (test/bench/page → bench.html) into a separate output
// directory, so the demo build in .output-demo/chrome-mv3 (used by `npm run demo` and the e2e tests) is untouched.
// Run by run-bench.mjs as a child process: `XIAOER_DEMO_CONSOLE=1 node test/bench/build-bench.mjs [--no-minify]`.
// --no-minify (for --profile): readable function names in CPU profiles; otherwise the build is the shipped one.
import { resolve } from 'node:path';
import { build } from 'wxt';

const ROOT = resolve(import.meta.dirname, '../..');
const noMinify = process.argv.includes('--no-minify');

// The bench page lives with the bench (test/bench/page/), not among the extension's entrypoints: this build alone
// adds it, as an unlisted page (bench.html).
const benchPage = { name: 'bench', inputPath: resolve(import.meta.dirname, 'page/index.html'), type: 'unlisted-page' };
await build({
  root: ROOT,
  outDir: resolve(ROOT, '.output/bench'),
  browser: 'chrome',
  manifestVersion: 3,
  // Merged with the hooks of wxt.config.ts (different hook names).
  hooks: {
    'entrypoints:found': (_wxt, infos) => {
      infos.push(benchPage);
    },
    ...(noMinify
      ? {
          'vite:build:extendConfig': (_entrypoints, config) => {
            config.build = { ...config.build, minify: false };
          },
        }
      : {}),
  },
});
