import { DB_VERSION } from '@/utils/db/migrations';
import { getDb } from '@/utils/db/open-db';
import { appendLog, clearLog, listLog } from '@/utils/log/event-log';
import type { RequestOf, RequestType, Responses } from '@/utils/messaging/protocol';
import type { SenderInfo } from '@/utils/messaging/sender-policy';
import { broadcast } from './broadcast';

type Handler<T extends RequestType> = (request: RequestOf<T>, sender: SenderInfo) => Promise<Responses[T]>;

/** One handler per request type. Each opens what it needs: the worker may have restarted since the last call. */
export const handlers: { [T in RequestType]: Handler<T> } = {
  async ping() {
    return { version: browser.runtime.getManifest().version, dbVersion: DB_VERSION };
  },
  async 'log.append'(request, sender) {
    const host = sender.url ? safeHost(sender.url) : undefined;
    await appendLog(await getDb(), { at: Date.now(), level: request.level, scope: request.scope, message: request.message, host });
    void broadcast('log-changed');
    return null;
  },
  async 'log.list'(request) {
    return listLog(await getDb(), request.limit);
  },
  async 'log.clear'() {
    await clearLog(await getDb());
    void broadcast('log-changed');
    return null;
  },
  async 'sources.list'() {
    return (await getDb()).getAll('sources');
  },
  async 'options.open'(request) {
    const url = browser.runtime.getURL('/options.html') + (request.section ? `#${request.section}` : '');
    await browser.tabs.create({ url });
    return null;
  },
};

function safeHost(url: string): string | undefined {
  try {
    const { protocol, host } = new URL(url);
    return protocol.startsWith('http') ? host : undefined;
  } catch {
    return undefined;
  }
}
