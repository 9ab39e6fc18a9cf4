import { z } from 'zod';
import type { AddressCheck } from '../../address/address-check';
import type { OrderCareRecord, PendingRemark, RemarkRecord } from '../../orders/order-records';
import { declareRequests, replyType } from '../declare-requests';
import { ORDER_ID_PATTERN, RECEIVER_MAX } from '../../orders/order-limits';

const orderId = z.string().regex(ORDER_ID_PATTERN, 'is not an order id');
/** A remark's id, made by the writer (newId('r')), so that a request sent twice records it once. */
const scriptId = z.string().regex(/^[0-9a-z-]{8,40}$/, 'is not a script id');
const remarkId = z.string().regex(/^r-[0-9a-z]{1,12}-[0-9a-z]{1,8}$/, 'is not a remark id');

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
  // A remark is recorded as pending before the order's editor is touched, then settled (see pending-remarks.ts).
  'remarks.begin': {
    from: ['content'],
    fields: {
      id: remarkId,
      /** The content script that writes it (a random id per script): it does not settle its own remarks at start. */
      writer: scriptId,
      orderId,
      text: z.string().min(1).max(5000), // the console's remark limit (adapters may declare up to 5,000)
      flag: z.number().int().min(0).max(5),
      reason: z.string().max(40),
    },
    reply: replyType<null>(),
  },
  /**
   * `written`: the editor holds the remark (into the history); else it is dropped. `left`: settled by a later script
   * of the tab than the one that wrote it (after an update), which the log says.
   */
  'remarks.settle': { from: ['content'], fields: { id: remarkId, written: z.boolean(), left: z.boolean().optional() }, reply: replyType<RemarkRecord | null>() },
  /** The remarks still pending in the sender's tab: its new content script settles them from what the page shows. */
  'remarks.pending': { from: ['content'], fields: { notFrom: scriptId }, reply: replyType<PendingRemark[]>() },
  'remarks.list': { from: ['extension-page'], fields: { orderId: orderId.optional() }, reply: replyType<RemarkRecord[]>() },
});
