// Static server for the demo seller console (node:http only).
//   /            → 302 /console/items
//   /console/*   → public/index.html (SPA fallback)
//   /data/*      → test/demo/data/
//   anything else → test/demo/public/
// CLI: node test/demo/server.mjs [--port 5317] [--host 127.0.0.1] [--now 2027-01-10T09:50:00+08:00]
// The shop's orders and chats lead up to --now (default: the moment the server starts).
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const PUBLIC = path.join(here, 'public');
const DATA = path.join(here, 'data');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.csv': 'text/csv; charset=gbk', // the ERP export is GBK, like the real thing
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Resolve a URL path inside `root`, or null if it escapes it. */
function inside(root, urlPath) {
  const file = path.normalize(path.join(root, urlPath));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** The console page, with the demo's "now" written into it (see public/app/shop.js). */
async function sendConsolePage(res, method, demoNow) {
  const html = (await readFile(path.join(PUBLIC, 'index.html'), 'utf8')).replace('data-demo-now=""', `data-demo-now="${demoNow}"`);
  return send(res, 200, TYPES['.html'], method === 'HEAD' ? null : html, Buffer.byteLength(html));
}

async function sendFile(res, file, method) {
  let info;
  try {
    info = await stat(file);
  } catch {
    info = null;
  }
  if (!info?.isFile()) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  const body = await readFile(file);
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return send(res, 200, type, method === 'HEAD' ? null : body, body.length);
}

function send(res, status, type, body, length) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(length != null || body != null ? { 'Content-Length': length ?? Buffer.byteLength(body) } : {}),
  });
  res.end(body ?? undefined);
}

async function handle(req, res, demoNow) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  }
  const url = new URL(req.url, 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
  }
  if (pathname === '/') {
    res.writeHead(302, { Location: '/console/items' + url.search, 'Cache-Control': 'no-store' });
    return res.end();
  }
  if (pathname === '/console' || pathname.startsWith('/console/')) {
    return sendConsolePage(res, req.method, demoNow);
  }
  const file = pathname.startsWith('/data/')
    ? inside(DATA, pathname.slice('/data'.length))
    : inside(PUBLIC, pathname);
  if (!file) return send(res, 403, 'text/plain; charset=utf-8', 'Forbidden');
  return sendFile(res, file, req.method);
}

/**
 * Serves the demo console. Its orders and chats lead up to `now` (ms; default: the moment the server starts), so the
 * shop is live on any day; a test that needs exact figures passes its own instant (and runs the browser at it).
 */
export async function startDemoServer({ port = 0, host = '127.0.0.1', now = Date.now() } = {}) {
  const demoNow = Math.round(Number(now));
  if (!Number.isFinite(demoNow)) throw new Error(`startDemoServer: now must be a time in ms, not ${now}`);
  const server = http.createServer((req, res) => {
    handle(req, res, demoNow).catch((err) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(err?.message ?? err));
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${actual}`;
  return {
    origin,
    port: actual,
    now: demoNow,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}

// CLI entry.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
  };
  const nowArg = arg('--now', null); // e.g. 2027-01-10T09:50:00+08:00: the shop as of that instant
  const now = nowArg == null ? Date.now() : Date.parse(nowArg);
  if (!Number.isFinite(now)) throw new Error(`--now ${nowArg}: not a date (try 2027-01-10T09:50:00+08:00)`);
  const { origin } = await startDemoServer({ port: Number(arg('--port', 5317)), host: arg('--host', '127.0.0.1'), now });
  console.log(origin);
  console.log(`出售中的宝贝 ${origin}/console/items · 已卖出的宝贝 ${origin}/console/orders · 接待中心 ${origin}/console/chat`);
}
