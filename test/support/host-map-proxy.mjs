// Firefox's counterpart of Chromium's `--host-resolver-rules=MAP <host> 127.0.0.1:<port>, MAP * ~NOTFOUND`: Firefox
// has no per-host resolver rule with a port, so it is pointed at this proxy for every non-loopback request. An https
// request to a mapped host (CONNECT <host>:443) is tunnelled to the local fixture server; anything else is refused,
// so nothing leaves the machine. Loopback (the demo server) is never proxied by Firefox.
import http from 'node:http';
import net from 'node:net';

/**
 * @param {string[]} names the hosts served locally
 * @param {number} port the local https server they go to
 * @returns {Promise<{ port: number, prefs: Record<string, string | number | boolean>, close(): Promise<void> }>}
 */
export async function startHostMapProxy(names, port) {
  const mapped = new Set(names.map((name) => `${name}:443`));
  /** Tunnels leave the server's own connection list: they are ended on close here. */
  const tunnels = new Set();
  const server = http.createServer((_req, res) => {
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('not mapped');
  });
  server.on('connect', (req, socket, head) => {
    if (!mapped.has(req.url ?? '')) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = net.connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    tunnels.add(socket);
    const drop = () => {
      upstream.destroy();
      socket.destroy();
      tunnels.delete(socket);
    };
    socket.on('close', drop);
    upstream.on('error', drop);
    socket.on('error', drop);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    port: proxyPort,
    prefs: {
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxyPort,
      // DNS of the mapped names is the proxy's business, not the machine's (no network here).
      'network.proxy.socks_remote_dns': true,
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
