import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { PENDING_REMARK_MAX_AGE_MS, type PendingRemark } from '@/utils/orders/order-records';
import { dropStalePending, pendingOfTab, recordPending, settlePending } from '@/utils/orders/pending-remarks';
import { listRemarks } from '@/utils/orders/order-store';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `pending-remarks-${++n}`);
const NOW = Date.parse('2026-12-01T09:00:00+08:00');
const pending = (id: string, extra: Partial<PendingRemark> = {}): PendingRemark => ({
  id,
  writer: 's-old',
  tabId: 7,
  orderId: '1234567890',
  text: '[改地址] 新地址：北京市朝阳区某路 1 号 /工号7',
  flag: 1,
  reason: '改地址',
  agentId: '7',
  at: NOW,
  ...extra,
});

describe('pending remarks', () => {
  it('go into the history only when settled as written, once, under their own id', async () => {
    const db = await freshDb();
    await recordPending(db, pending('r-1-a'));
    await recordPending(db, pending('r-1-b'));
    expect(await listRemarks(db)).toEqual([]);

    const kept = await settlePending(db, 'r-1-a', true);
    expect(kept).toEqual({ record: { id: 'r-1-a', orderId: '1234567890', text: pending('r-1-a').text, flag: 1, reason: '改地址', agentId: '7', at: NOW }, settledNow: pending('r-1-a') });
    expect(await settlePending(db, 'r-1-b', false)).toEqual({ record: null, settledNow: pending('r-1-b') });
    // Settled twice (the writer and the next script, two new scripts, a resend): the same record, said done once.
    expect(await settlePending(db, 'r-1-a', true)).toEqual({ record: kept.record, settledNow: null });
    expect(await settlePending(db, 'r-1-b', true)).toEqual({ record: null, settledNow: null });
    // A late resend of the first step does not make a settled remark pending again.
    await recordPending(db, pending('r-1-a'));
    expect(await db.count('pendingRemarks')).toBe(0);
    expect((await listRemarks(db)).map((r) => r.id)).toEqual(['r-1-a']);
  });

  it('are listed for their tab, leaving out the asking script\'s own', async () => {
    const db = await freshDb();
    await recordPending(db, pending('r-2-b', { at: NOW + 1 }));
    await recordPending(db, pending('r-2-a'));
    await recordPending(db, pending('r-2-c', { writer: 's-new' }));
    await recordPending(db, pending('r-2-d', { tabId: 8 }));
    expect((await pendingOfTab(db, 7, 's-new')).map((p) => p.id)).toEqual(['r-2-a', 'r-2-b']);
  });

  it('left unsettled past their age are dropped, and said', async () => {
    const db = await freshDb();
    await recordPending(db, pending('r-3-old', { at: NOW - PENDING_REMARK_MAX_AGE_MS - 1 }));
    await recordPending(db, pending('r-3-new', { at: NOW - 1000 }));
    expect((await dropStalePending(db, NOW)).map((p) => p.id)).toEqual(['r-3-old']);
    expect((await db.getAll('pendingRemarks')).map((p) => p.id)).toEqual(['r-3-new']);
    expect(await listRemarks(db)).toEqual([]);
  });
});
