import type { Reply, RequestOf, RequestType, Responses } from './protocol';

export class WorkerError extends Error {}

/** Sends a typed request to the background worker and unwraps its reply. Throws WorkerError on refusal. */
export async function sendToWorker<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  const reply = (await browser.runtime.sendMessage(request)) as Reply<Responses[T]> | undefined;
  if (!reply) throw new WorkerError('The background worker did not answer.');
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.data;
}
