import { checkReceiver } from '@/utils/address/address-check';
import { getDb } from '@/utils/db/open-db';
import { orderRequests } from '@/utils/messaging/domains/orders';
import { addRemark, listRemarks, markVerified, orderStates } from '@/utils/orders/order-store';
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
  async 'remarks.add'(request) {
    const { agentId } = await loadSettings();
    const record = await addRemark(await getDb(), { orderId: request.orderId, text: request.text, flag: request.flag, reason: request.reason, agentId });
    void broadcast('remarks-changed');
    return record;
  },
  async 'remarks.list'(request) {
    return listRemarks(await getDb(), request.orderId);
  },
});
