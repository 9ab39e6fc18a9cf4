import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { remarksSection, ordersSection } from '@/utils/backup/sections/orders-section';
import { getDb } from '@/utils/db/open-db';
import { ORDER_RECORDS_DAYS } from '@/utils/orders/order-records';
import { setClock } from '@/utils/clock';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import background from '@/entrypoints/background/index';
import { FEED_ALARM } from '@/entrypoints/background/feed-schedule';

const DAY = 24 * 60 * 60_000;
const NOW = Date.parse('2026-12-01T09:00:00+08:00');
const remark = (id: string, at: number) => ({ id, orderId: '1234567890', text: '改地址：北京市朝阳区某路 1 号', flag: 1, reason: '改地址', agentId: '7', at });
const mark = (id: string, updatedAt: number) => ({ id, fingerprint: 'a'.repeat(64), verifiedAt: updatedAt, verifiedBy: '7', updatedAt });

describe('buyer data older than ORDER_RECORDS_DAYS', () => {
  let restoreClock = () => {};
  afterEach(() => {
    restoreClock();
    vi.restoreAllMocks();
  });

  it('is not brought back by a restore', async () => {
    restoreClock = setClock(NOW);
    const db = await getDb();
    await ensureInstallKey(db); // the marks are this install's
    const old = NOW - (ORDER_RECORDS_DAYS + 10) * DAY;
    await db.put('remarks', remark('r-old', old));
    await db.put('remarks', remark('r-new', NOW - DAY));
    await db.put('orders', mark('11112222', old));
    await db.put('orders', mark('33334444', NOW - DAY));
    const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0', [remarksSection, ordersSection])));
    await restoreBackup(db, backup, [remarksSection, ordersSection]);
    expect((await db.getAll('remarks')).map((r) => r.id)).toEqual(['r-new']);
    expect((await db.getAll('orders')).map((o) => o.id)).toEqual(['33334444']);
  });

  it('is pruned by the worker on its alarm, with no new remark written', async () => {
    restoreClock = setClock(NOW);
    const db = await getDb();
    await db.put('remarks', remark('r-old', NOW - (ORDER_RECORDS_DAYS + 1) * DAY));
    await db.put('remarks', remark('r-new', NOW - DAY));
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in this test'));
    // What the fake browser does not implement: listeners this test does not use.
    const noListener = { addListener: () => {} };
    Object.assign(fakeBrowser.commands, { onCommand: noListener });
    Object.assign(fakeBrowser.permissions, { onAdded: noListener, onRemoved: noListener });
    background.main!();
    await fakeBrowser.alarms.onAlarm.trigger({ name: FEED_ALARM, scheduledTime: NOW, periodInMinutes: 1, persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await db.getAll('remarks')).map((r) => r.id)).toEqual(['r-new']));
  });
});
