import type { Reply, RequestOf, RequestType, Responses } from './protocol';
import { retry } from '../runtime/retry';

export class WorkerError extends Error {}

/**
 * A message that never reached a worker: sent while Chromium was stopping it (the next message starts a new one).
 * Nothing was delivered, so sending again cannot do anything twice.
 */
const NOT_DELIVERED = /Receiving end does not exist|Could not establish connection/i;
/**
 * Sent again for as long as a worker may take to stop and start under load (a busy machine took over a second:
 * five quick tries were not enough), then the error is the page's to show.
 */
export const DELIVERY_BUDGET_MS = 10_000;
const DELIVERY = { delayMs: 250, timeoutMs: DELIVERY_BUDGET_MS, retryIf: (error: unknown) => NOT_DELIVERED.test(String((error as Error)?.message ?? error)) };

/** Sends a typed request to the background worker and unwraps its reply. Throws WorkerError on refusal. */
export async function sendToWorker<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  const reply = (await retry(() => browser.runtime.sendMessage(request), DELIVERY)) as Reply<Responses[T]> | undefined;
  if (!reply) throw new WorkerError('The background worker did not answer.');
  if (!reply.ok) throw new WorkerError(reply.error);
  return reply.data;
}
