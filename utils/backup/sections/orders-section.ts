import { z } from 'zod';
import { defineSection } from '../backup-section';
import { clock } from '@/utils/clock';
import { orderRecordsCutoff } from '@/utils/orders/order-records';

const orderId = z.string().regex(/^[0-9A-Za-z-]{4,40}$/);

/** Remark history: what Xiaoer wrote into which order, by whom, when. */
export const remarksSection = defineSection({
  id: 'remarks',
  schema: z
    .array(
      z.object({
        id: z.string().min(1).max(100),
        orderId,
        text: z.string().max(500),
        flag: z.number().int().min(0).max(5),
        reason: z.string().max(40),
        agentId: z.string().max(32),
        at: z.number(),
      }),
    )
    .max(200_000),
  stores: ['remarks'],
  read: (db) => db.getAll('remarks'),
  write(tx, remarks) {
    const store = tx.objectStore('remarks');
    // An old backup must not bring back what the worker has deleted by now (remarks hold buyers' new addresses).
    const cutoff = orderRecordsCutoff(clock.now());
    return remarks.filter((r) => r.at > cutoff).map((r) => store.put(r));
  },
});

/** Verification marks: which order's receiver was checked (a hash, never the address). */
export const ordersSection = defineSection({
  id: 'orders',
  schema: z
    .array(
      z.object({
        id: orderId,
        fingerprint: z.string().regex(/^[0-9a-f]{64}$/).optional(),
        verifiedAt: z.number().optional(),
        verifiedBy: z.string().max(32).optional(),
        updatedAt: z.number(),
      }),
    )
    .max(200_000),
  stores: ['orders'],
  read: (db) => db.getAll('orders'),
  // A mark is its fingerprint, keyed by the install that made it: elsewhere it would read 地址已变更 for every order.
  fromAnotherInstall: () => [],
  write(tx, orders) {
    const store = tx.objectStore('orders');
    const cutoff = orderRecordsCutoff(clock.now());
    return orders.filter((o) => o.updatedAt > cutoff).map((o) => store.put(o));
  },
});
