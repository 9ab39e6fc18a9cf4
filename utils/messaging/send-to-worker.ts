import type { Reply, RequestOf, RequestType, Responses } from './protocol';

export class WorkerError extends Error {}

/**
 * A message that never reached a worker: sent while Chromium was stopping it (the next message starts a new one).
 * Nothing was delivered, so sending again cannot do anything twice.
 */
const NOT_DELIVERED = /Receiving end does not exist|Could not establish connection/i;
const DELIVERY_TRIES = 5;
const DELIVERY_DELAY_MS = 200;

/** Sends a typed request to the background worker and unwraps its reply. Throws WorkerError on refusal. */
export async function sendToWorker<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  const reply = (await deliver(request)) as Reply<Responses[T]> | undefined;
  if (!reply) throw new WorkerError('The background worker did not answer.');
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.data;
}

async function deliver(request: unknown): Promise<unknown> {
  for (let tried = 1; ; tried++) {
    try {
      return await browser.runtime.sendMessage(request);
    } catch (error) {
      if (tried >= DELIVERY_TRIES || !NOT_DELIVERED.test(String((error as Error)?.message ?? error))) throw error;
      await new Promise((resume) => setTimeout(resume, DELIVERY_DELAY_MS));
    }
  }
}
