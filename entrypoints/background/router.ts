import type { Browser } from 'wxt/browser';
import { joinDomains } from '@/utils/messaging/declare-requests';
import type { REQUESTS, Reply, Request, RequestType } from '@/utils/messaging/protocol';
import { classifySender } from '@/utils/messaging/sender-policy';
import { validateRequest } from '@/utils/messaging/validate-request';
import { getDb } from '@/utils/db/open-db';
import { appendLog } from '@/utils/log/event-log';
import { describeError } from '@/utils/runtime/log-reporter';
import { clock } from '@/utils/clock';
import type { RequestHandler } from './define-handlers';
import { adapterHandlers } from './domains/adapters';
import { backupHandlers } from './domains/backup';
import { clockHandlers } from './domains/clock';
import { extensionHandlers } from './domains/extension';
import { logHandlers } from './domains/log';
import { orderHandlers } from './domains/orders';
import { packHandlers } from './domains/packs';
import { snippetHandlers } from './domains/snippets';
import { stockHandlers } from './domains/stock';

/** Every domain's handlers. A domain left out of this list is a type error: its requests would go unanswered. */
const handlers: { [T in RequestType]: RequestHandler<(typeof REQUESTS)[T]> } = joinDomains([
  extensionHandlers,
  logHandlers,
  stockHandlers,
  orderHandlers,
  snippetHandlers,
  packHandlers,
  backupHandlers,
  clockHandlers,
  adapterHandlers,
]);

/**
 * The worker's message boundary: validates every message with zod, checks who sent it,
 * and always answers with `{ ok, data | error }` instead of throwing across the boundary.
 */
export async function route(raw: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
  if (isBroadcast(raw)) return { ok: true, data: null };
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL('/'));
  const checked = validateRequest(raw, kind);
  if (!checked.ok) {
    console.warn('[Xiaoer]', checked.error);
    return checked;
  }
  try {
    const handler = handlers[checked.request.type] as (r: Request, s: typeof sender) => Promise<unknown>;
    return { ok: true, data: await handler(checked.request, sender) };
  } catch (error) {
    await getDb()
      .then((db) => appendLog(db, { at: clock.now(), level: 'error', scope: 'worker', message: `${checked.request.type}: ${describeError(error)}` }))
      .catch(() => {});
    // The page shows this to the agent: the message alone, without the error class.
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Our own broadcasts reach the worker's listener too when sent from it; they need no answer. */
function isBroadcast(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'broadcast';
}
