// Serves the re-rendering test pages (test/rerender/pages) on 127.0.0.1, bundled at start from the real npm
// packages (react, react-dom, vue: pinned devDependencies) with Vite, in memory: nothing bundled is committed.
//   /console/items/<page>?…   the page (react-countdown, vue-list, paging, virtual-list): under /console/items, so the
//                             demo build's content script runs there with the demo console's adapter (item rows)
//   /rerender/<file>.js       the bundles
//   /console/chat/send-box    a chat pane whose 发送 button sits at the bottom right (the dock must keep off it)
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
export const RERENDER_PAGES = ['react-countdown', 'vue-list', 'paging', 'virtual-list'];
const ENTRIES = { 'react-countdown': 'pages/react-countdown.jsx', 'vue-list': 'pages/vue-list.js', paging: 'pages/paging.js', 'virtual-list': 'pages/virtual-list.js' };

const STYLE = `body{margin:0;font:13px/1.5 system-ui,'Noto Sans CJK SC',sans-serif;color:#222}
#app{padding:12px}.item-table{border-collapse:collapse;width:900px}.item-table td{padding:4px 8px;border-bottom:1px solid #eee;white-space:nowrap}
.next-icon-edit::before{content:'✎';margin-left:4px;color:#999;font-style:normal}
.next-pagination{margin-top:8px;display:flex;gap:4px}.next-pagination-item.is-current{font-weight:700}`;

const shell = (name) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${name}</title><style>${STYLE}</style></head>
<body><div id="app"></div><script type="module" src="/rerender/${name}.js"></script></body></html>`;

/** A chat pane as consoles lay it out: the reply box across the bottom, 发送 at its right end (bottom-right corner). */
const SEND_BOX = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>接待中心</title><style>${STYLE}
.msg-list{position:fixed;inset:0 0 120px 0;overflow:auto;padding:12px}
.reply-bar{position:fixed;left:0;right:0;bottom:0;height:120px;border-top:1px solid #ddd;background:#fafafa}
.reply-input{position:absolute;left:12px;right:110px;top:10px;bottom:10px;font:inherit}
.reply-send{position:absolute;right:12px;bottom:10px;width:84px;height:34px;background:#1677ff;color:#fff;border:0;border-radius:4px;font:inherit}
</style></head><body>
<div class="msg-list"><div class="msg-row msg-from-buyer"><span class="msg-bubble">在吗？这件还有货吗</span> <span class="msg-time">10:01</span></div></div>
<div class="reply-bar"><textarea class="reply-input" placeholder="输入回复"></textarea><button type="button" class="reply-send">发送</button></div>
<script>
  window.__sent = [];
  document.querySelector('.reply-send').addEventListener('click', (event) => {
    window.__sent.push({ x: event.clientX, y: event.clientY, text: document.querySelector('.reply-input').value });
  });
</script></body></html>`;

async function bundle() {
  const output = await build({
    configFile: false,
    mode: 'production',
    root: here,
    logLevel: 'warn',
    // Production JSX (react/jsx-runtime), as a console's release build has it.
    oxc: { jsx: { runtime: 'automatic', development: false } },
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      write: false,
      modulePreload: false,
      rollupOptions: {
        input: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(here, file)])),
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  const files = new Map();
  for (const result of [output].flat()) for (const item of result.output) if (item.type === 'chunk') files.set(item.fileName, item.code);
  return files;
}

/** Bundles the pages and serves them; resolves with the origin once both are done. */
export async function startRerenderServer() {
  const files = await bundle();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (type, body) => {
      res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    const page = url.pathname.match(/^\/console\/items\/([a-z-]+)$/)?.[1];
    if (page && RERENDER_PAGES.includes(page)) return send('text/html', shell(page));
    if (url.pathname === '/console/chat/send-box') return send('text/html', SEND_BOX);
    const file = url.pathname.startsWith('/rerender/') && files.get(url.pathname.slice('/rerender/'.length));
    if (file) return send('text/javascript', file);
    res.writeHead(404).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(() => done());
    }),
  };
}
