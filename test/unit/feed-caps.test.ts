// @vitest-environment node
// Node's own fetch against a real local server: the body arrives in chunks over a socket, as in the worker.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchFeed } from '@/utils/feeds/fetch-feed';
import { fetchPack, fetchSnippetInput } from '@/entrypoints/background/pack-feeds';
import { MAX_FEED_BYTES } from '@/entrypoints/background/stock-feeds';
import { MAX_PACK_BYTES } from '@/utils/packs/pack-format';

const MB = 1024 * 1024;
/** What the kernel's socket buffers and the reader's last chunk may hold past the cap when the client stops. */
const SLACK = 8 * MB;

interface Served {
  url: string;
  /** Bytes written when the client closed the connection, or null while it is open. */
  closedAfter: Promise<number>;
  close: () => Promise<void>;
}

/**
 * Serves `totalBytes` of body (Infinity: endless) in 64 KiB writes, honouring back-pressure, with no Content-Length
 * (a chunked body: the cap can only be found by reading). Resolves `closedAfter` when the client hangs up.
 */
async function serveBody(totalBytes: number, contentType: string, first = ''): Promise<Served> {
  let closed!: (bytes: number) => void;
  const closedAfter = new Promise<number>((resolve) => (closed = resolve));
  const chunk = Buffer.alloc(64 * 1024, ' ');
  const server = http.createServer((_req, res) => {
    let written = 0;
    res.writeHead(200, { 'content-type': contentType });
    res.on('close', () => closed(written));
    res.on('error', () => {});
    const push = () => {
      if (first && written === 0) {
        res.write(first);
        written += Buffer.byteLength(first);
      }
      while (!res.destroyed && written < totalBytes) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', push);
      }
      if (!res.destroyed) res.end();
    };
    push();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/body`,
    closedAfter,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

const options = { timeoutMs: 30_000, accept: '*/*', label: '数据源' };

// Reading 20 MB through a socket takes seconds on a loaded machine.
describe('feed and pack size caps while streaming', { timeout: 60_000 }, () => {
  let served: Served | undefined;
  afterEach(async () => {
    await served?.close();
    served = undefined;
  });

  it('refuses a 50 MB stock feed at the 20 MB cap and hangs up before the rest is sent', async () => {
    served = await serveBody(50 * MB, 'text/csv', '商品编码,仓库,可用库存\n');
    await expect(fetchFeed(served.url, { ...options, maxBytes: MAX_FEED_BYTES })).rejects.toThrow('数据源内容过大（超过 20 MB）');
    const sent = await served.closedAfter;
    expect(sent).toBeGreaterThan(MAX_FEED_BYTES);
    expect(sent).toBeLessThan(MAX_FEED_BYTES + SLACK);
  });

  it('stops an endless stock feed at the cap (the server would send for ever)', async () => {
    served = await serveBody(Infinity, 'text/csv');
    await expect(fetchFeed(served.url, { ...options, maxBytes: MAX_FEED_BYTES })).rejects.toThrow('数据源内容过大');
    expect(await served.closedAfter).toBeLessThan(MAX_FEED_BYTES + SLACK);
  });

  it('refuses a 20 MB pack subscription and a 20 MB pack import at the 5 MB cap', async () => {
    for (const fetchOne of [fetchPack, fetchSnippetInput]) {
      served = await serveBody(20 * MB, 'application/json', '{"format":"xiaoer-snippet-pack","author":"');
      await expect(fetchOne(served.url)).rejects.toThrow(`话术包内容过大（超过 ${MAX_PACK_BYTES / MB} MB）`);
      const sent = await served.closedAfter;
      expect(sent).toBeGreaterThan(MAX_PACK_BYTES);
      expect(sent).toBeLessThan(MAX_PACK_BYTES + SLACK);
      await served.close();
      served = undefined;
    }
  });

  it('refuses a declared Content-Length over the cap before reading any of the body', async () => {
    let hungUp!: () => void;
    const closed = new Promise<void>((resolve) => (hungUp = resolve));
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv', 'content-length': String(50 * MB) });
      res.on('error', () => {});
      res.on('close', () => hungUp());
      // Only the headers: the body never comes, so only the declared length can end this.
      res.flushHeaders();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/declared`;
    try {
      await expect(fetchFeed(url, { ...options, maxBytes: MAX_FEED_BYTES })).rejects.toThrow('数据源内容过大（50 MB，上限 20 MB）');
      // The refused body is cancelled, not left open on the connection.
      await closed;
    } finally {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
});
