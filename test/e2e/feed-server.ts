import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A stock feed on 127.0.0.1 whose answer each test sets; it records the requests it got. */
export async function startFeedServer() {
  let handler: FeedHandler = (_req, res) => res.writeHead(404).end();
  const requests: IncomingMessage['headers'][] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stock.json`,
    requests,
    respond(next: FeedHandler) {
      handler = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
