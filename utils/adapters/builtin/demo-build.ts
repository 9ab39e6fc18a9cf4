// Whether this build carries the demo console (its adapter, its 127.0.0.1 host permission and content-script match).
// Only the build that `npm run demo` and the tests use does (XIAOER_DEMO_CONSOLE=1, `npm run build:demo`, into
// .output-demo/); `npm run build` and `npm run zip` never do. In bundles the value is fixed at build time by Vite's
// `define` (wxt.config.ts); where WXT reads the code in Node (the manifest, the content script's matches) it comes
// from the environment.

declare const __XIAOER_DEMO_CONSOLE__: boolean | undefined;

export const withDemoConsole: boolean =
  typeof __XIAOER_DEMO_CONSOLE__ !== 'undefined' ? __XIAOER_DEMO_CONSOLE__ : globalThis.process?.env?.XIAOER_DEMO_CONSOLE === '1';
