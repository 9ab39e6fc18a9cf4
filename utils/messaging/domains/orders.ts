import { z } from 'zod';
import type { AddressCheck } from '../../address/address-check';
import type { OrderCareRecord, RemarkRecord } from '../../orders/order-records';
import { declareRequests, replyType } from '../declare-requests';
import { ORDER_ID_PATTERN, RECEIVER_MAX } from '../../orders/order-limits';

const orderId = z.string().regex(ORDER_ID_PATTERN, 'is not an order id');

/** Order care: the receiver's address check, verified orders and the remarks agents leave. */
export const orderRequests = declareRequests({
  'address.check': {
    from: ['content', 'extension-page'],
    fields: {
      name: z.string().max(RECEIVER_MAX.name).optional(),
      phone: z.string().max(RECEIVER_MAX.phone).optional(),
      address: z.string().min(1).max(RECEIVER_MAX.address),
    },
    reply: replyType<AddressCheck>(),
  },
  'orders.state': { from: ['content', 'extension-page'], fields: { ids: z.array(orderId).max(500) }, reply: replyType<Record<string, OrderCareRecord>>() },
  'orders.verify': {
    from: ['content'],
    fields: { id: orderId, fingerprint: z.string().regex(/^[0-9a-f]{64}$/) },
    reply: replyType<OrderCareRecord>(),
  },
  'remarks.add': {
    from: ['content'],
    fields: {
      orderId,
      text: z.string().min(1).max(5000), // the console's remark limit (adapters may declare up to 5,000)
      flag: z.number().int().min(0).max(5),
      reason: z.string().max(40),
    },
    reply: replyType<RemarkRecord>(),
  },
  'remarks.list': { from: ['extension-page'], fields: { orderId: orderId.optional() }, reply: replyType<RemarkRecord[]>() },
});
