import { clock } from '@/utils/clock';
import { getDb } from '@/utils/db/open-db';
import { appendLog, clearLog, listLog } from '@/utils/log/event-log';
import { logRequests } from '@/utils/messaging/domains/log';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';
import { senderHost } from '../sender-host';

export const logHandlers = defineHandlers(logRequests, {
  async 'log.append'(request, sender) {
    await appendLog(await getDb(), { at: clock.now(), level: request.level, scope: request.scope, message: request.message, host: senderHost(sender) });
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
});
