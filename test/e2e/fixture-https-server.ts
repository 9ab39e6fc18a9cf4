import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Serves saved console pages over https on loopback, for real console hosts that the browser is sent here for
 * (`startHarness({ hosts })`: Chromium's --host-resolver-rules, Firefox's tunnelling proxy; nothing leaves the
 * machine). The certificate is made for the run, self-signed, and the browser accepts it for the run.
 */
export async function startFixtureServer(pages: Record<string, () => string>): Promise<{ port: number; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xiaoer-cert-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=xiaoer-fixtures'], { stdio: 'ignore' });
  const server = https.createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const page = pages[`${url.host}${url.pathname}${url.search}`] ?? pages[`${url.host}${url.pathname}`];
    const type = url.pathname.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
    res.writeHead(page ? 200 : 404, { 'Content-Type': type, 'Cache-Control': 'no-store' });
    res.end(page ? page() : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}

export function fixture(name: string): string {
  return readFileSync(join('test/fixtures/consoles', name), 'utf8');
}
