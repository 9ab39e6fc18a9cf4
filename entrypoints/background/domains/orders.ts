import { checkReceiver } from '@/utils/address/address-check';
import { getDb } from '@/utils/db/open-db';
import { orderRequests } from '@/utils/messaging/domains/orders';
import { listRemarks, markVerified, orderStates } from '@/utils/orders/order-store';
import { pendingOfTab, recordPending, settlePending } from '@/utils/orders/pending-remarks';
import { clock } from '@/utils/clock';
import { t } from '@/utils/i18n';
import { appendLog } from '@/utils/log/event-log';
import { senderHost } from '../sender-host';
import { loadSettings } from '@/utils/settings/settings';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';

export const orderHandlers = defineHandlers(orderRequests, {
  async 'address.check'(request) {
    // Parsed here, where the division data lives; nothing of the address is stored.
    const { secret } = await ensureInstallKey(await getDb());
    return checkReceiver({ name: request.name, phone: request.phone, address: request.address }, secret);
  },
  async 'orders.state'(request) {
    return orderStates(await getDb(), request.ids);
  },
  async 'orders.verify'(request) {
    const { agentId } = await loadSettings();
    return markVerified(await getDb(), request.id, request.fingerprint, agentId);
  },
  async 'remarks.begin'(request, sender) {
    const { agentId } = await loadSettings();
    const { type: _type, ...remark } = request;
    await recordPending(await getDb(), { ...remark, agentId, tabId: sender.tab!.id!, at: clock.now() });
    return null;
  },
  async 'remarks.settle'(request, sender) {
    const db = await getDb();
    const { record, settledNow } = await settlePending(db, request.id, request.written);
    if (settledNow && request.left) {
      const message = t(request.written ? 'orderRemarkLeftKept' : 'orderRemarkLeftDropped', settledNow.orderId);
      await appendLog(db, { at: clock.now(), level: 'warn', scope: 'order-care', message, host: senderHost(sender) });
      void broadcast('log-changed');
    }
    if (record) void broadcast('remarks-changed');
    return record;
  },
  async 'remarks.pending'(request, sender) {
    return pendingOfTab(await getDb(), sender.tab!.id!, request.notFrom);
  },
  async 'remarks.list'(request) {
    return listRemarks(await getDb(), request.orderId);
  },
});
