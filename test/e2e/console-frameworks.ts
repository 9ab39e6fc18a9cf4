import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * The frameworks the fixture consoles run on, from the npm packages (pinned in package.json), served next to the
 * pages at `/__vendor/…`: Vue's own browser build, and React + react-dom bundled here at test time (React ships no
 * browser build). Nothing bundled is committed.
 */
export async function consoleFrameworks(): Promise<{ vue: string; react: string }> {
  const vue = readFileSync('node_modules/vue/dist/vue.global.prod.js', 'utf8');
  const result = await build({
    stdin: {
      contents: "import * as React from 'react'; import { createRoot } from 'react-dom/client'; window.XiaoerFixtureReact = { React, createRoot };",
      resolveDir: process.cwd(),
      loader: 'js',
    },
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return { vue, react: result.outputFiles[0]!.text };
}
