// Serves the editor matrix on 127.0.0.1 (the demo build's console host, where no adapter page describes
// /editors/*, so Xiaoer gives these pages the generic kind: the palette in any text box). The pages are bundled
// with esbuild from test/editors/pages when the server starts, in memory: no bundle is ever committed or written.
//   /editors/<name>        the page's HTML shell (the CSP page with its strict headers)
//   /editors/<name>.js|css its bundle
//   /editors/iframe-inner  the document inside the iframe page's frame
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { EDITORS, KEYS_ONLY } from './editors.mjs';

const PAGES = [...EDITORS, KEYS_ONLY];

const here = path.dirname(fileURLToPath(import.meta.url));

/** No inline script or style, no eval, scripts and styles from this origin only, Trusted Types required. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

async function bundleAll() {
  const result = await build({
    entryPoints: Object.fromEntries(PAGES.map((e) => [e.name, path.join(here, 'pages', e.entry)])),
    bundle: true,
    write: false,
    outdir: '/editors',
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    loader: { '.svg': 'text' },
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'error',
  });
  const files = new Map();
  for (const file of result.outputFiles) files.set(path.basename(file.path), file.contents);
  return files;
}

function shell(name, hasCss) {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title>
<link rel="stylesheet" href="/editors/page.css">${hasCss ? `<link rel="stylesheet" href="/editors/${name}.css">` : ''}
</head><body><script src="/editors/${name}.js" defer></script></body></html>`;
}

const PAGE_CSS = `body { font: 14px/1.5 "Noto Sans CJK SC", sans-serif; margin: 24px; max-width: 720px; }
textarea, [data-editor-box], .editor-frame { width: 100%; min-height: 90px; box-sizing: border-box; border: 1px solid #999; padding: 6px; }
.editor-frame { height: 120px; padding: 0; }
.send-bar { margin-top: 12px; } #sent li { white-space: pre-wrap; }`;

const INNER = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/editors/page.css"></head><body></body></html>`;

export async function startEditorServer({ port = 0, host = '127.0.0.1' } = {}) {
  const files = await bundleAll();
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    const name = pathname.replace(/^\/editors\//, '');
    const reply = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (name === 'page.css') return reply(200, 'text/css; charset=utf-8', PAGE_CSS);
    if (name === 'iframe-inner') return reply(200, 'text/html; charset=utf-8', INNER);
    if (files.has(name)) return reply(200, name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', files.get(name));
    const editor = PAGES.find((e) => e.name === name);
    if (!editor) return reply(404, 'text/plain', 'Not found');
    return reply(200, 'text/html; charset=utf-8', shell(name, files.has(`${name}.css`)), editor.csp ? { 'Content-Security-Policy': STRICT_CSP } : {});
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const origin = `http://${host}:${server.address().port}`;
  return {
    origin,
    url: (name) => `${origin}/editors/${name}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// CLI: node test/editors/server.mjs [--port 5318] — serves the pages to try them by hand.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArg = process.argv.indexOf('--port');
  const served = await startEditorServer({ port: portArg > 0 ? Number(process.argv[portArg + 1]) : 5318 });
  for (const e of EDITORS) console.log(served.url(e.name));
}
