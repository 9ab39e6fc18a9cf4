import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** End-to-end: the built extension in real Chromium against the demo console. Run after `wxt build`. */
export default defineConfig({
  // Tests compute expectations with the extension's own pure helpers (e.g. code normalisation).
  resolve: { alias: { '@': fileURLToPath(new URL('..', import.meta.url)) } },
  // Paths are from the repository root (where `npm test` runs), not from this file.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One Chromium at a time on a 2-core machine.
    fileParallelism: false,
  },
});
