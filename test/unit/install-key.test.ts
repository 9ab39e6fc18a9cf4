import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkReceiver } from '@/utils/address/address-check';
import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { clockSection } from '@/utils/backup/sections/clock-section';
import { ordersSection } from '@/utils/backup/sections/orders-section';
import { openXiaoerDb } from '@/utils/db/open-db';
import { markVerified, orderStates } from '@/utils/orders/order-store';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { installKeyItem } from '@/utils/privacy/install-key';
import { buyerKey } from '@/utils/response-clock/buyer-key';
import { dayFigures } from '@/utils/response-clock/figures';
import type { ClockRecord } from '@/utils/response-clock/records';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `install-key-${++n}`);
const RECEIVER = { name: '张三', phone: '13800138000', address: '浙江省杭州市西湖区文三路478号' };
// What earlier versions stored: plain SHA-256 of the normalised receiver (addr-v1) and of adapter id + name.
const UNSALTED_MARK = createHash('sha256').update(['addr-v1', '张三', '13800138000', '浙江省', '杭州市', '西湖区', '文三路478号'].join('\u001f')).digest('hex');
const UNSALTED_BUYER = createHash('sha256').update('demo-console\ntb_小鹿酱').digest('hex').slice(0, 32);

/** A fingerprint and a buyer key as one install makes them (fakeBrowser.reset() is a new profile: a new install). */
async function hashesOfOneInstall() {
  const { secret } = await ensureInstallKey(await freshDb());
  return { mark: (await checkReceiver(RECEIVER, secret)).fingerprint, buyer: await buyerKey(secret, 'demo-console', 'tb_小鹿酱') };
}

const records = (key: string): ClockRecord[] => [
  { id: 'w1', kind: 'wait', key, at: 1_000, newBuyer: true, answeredAt: 5_000 },
  { id: 'r1', kind: 'reply', key, at: 5_000 },
  { id: 'w2', kind: 'wait', key: 'ee'.repeat(16), at: 2_000, newBuyer: false, answeredAt: 3_000 },
];

beforeEach(() => {
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ manifest_version: 3, name: 'x', version: '0.1.0', content_scripts: [] }) });
});

describe('install key: salted receiver fingerprints and buyer keys', () => {
  it('the same receiver and buyer hash differently on two installs, and never as the unsalted SHA-256', async () => {
    const first = await hashesOfOneInstall();
    expect(await hashesOfOneInstall()).toEqual(first); // same install: stable
    fakeBrowser.reset();
    const second = await hashesOfOneInstall();
    expect(second.mark).not.toBe(first.mark);
    expect(second.buyer).not.toBe(first.buyer);
    for (const { mark, buyer } of [first, second]) {
      expect(mark).toMatch(/^[0-9a-f]{64}$/);
      expect(mark).not.toBe(UNSALTED_MARK);
      expect(buyer).not.toBe(UNSALTED_BUYER);
    }
  });

  it('is created once, also when asked for twice at the same time', async () => {
    const db = await freshDb();
    const [a, b] = await Promise.all([ensureInstallKey(db), ensureInstallKey(db)]);
    expect(a).toEqual(b);
    expect(await ensureInstallKey(db)).toEqual(a);
    expect(a.id).not.toBe(a.secret.slice(0, 32));
  });

  it('retires unsalted marks and buyer keys when it is created: no old mark is trusted, the figures stay', async () => {
    const db = await freshDb();
    await markVerified(db, '1234567890', UNSALTED_MARK, '007');
    for (const record of records(UNSALTED_BUYER)) await db.put('clockRecords', record);
    await db.put('clockConversations', { key: UNSALTED_BUYER, waitingSince: 9_000, newBuyer: false, alerted: false, updatedAt: 9_000 });
    const figuresBefore = dayFigures(records(UNSALTED_BUYER), 1_000, 10, 10_000);

    await ensureInstallKey(db);
    expect(await orderStates(db, ['1234567890'])).toEqual({});
    expect(await db.getAll('clockConversations')).toEqual([]);
    const kept = await db.getAll('clockRecords');
    expect(kept.map((r) => r.key)).not.toContain(UNSALTED_BUYER);
    expect(kept[0]!.key).toBe(kept.find((r) => r.id === 'r1')!.key); // one buyer stays one buyer
    expect(dayFigures(kept, 1_000, 10, 10_000)).toEqual(figuresBefore);
  });

  it('a corrupted stored key counts as none: a new one, and the marks made under the old one go', async () => {
    const db = await freshDb();
    const { secret } = await ensureInstallKey(db);
    await markVerified(db, '1234567890', (await checkReceiver(RECEIVER, secret)).fingerprint, '007');
    await installKeyItem.setValue({ id: 'x', secret: 'not hex', createdAt: 0 });
    const renewed = await ensureInstallKey(db);
    expect(renewed.secret).not.toBe(secret);
    expect(await orderStates(db, ['1234567890'])).toEqual({});
  });
});

describe('backups and the install key', () => {
  async function filledInstall() {
    const db = await freshDb();
    const { secret } = await ensureInstallKey(db);
    await markVerified(db, '1234567890', (await checkReceiver(RECEIVER, secret)).fingerprint, '007');
    const key = await buyerKey(secret, 'demo-console', 'tb_小鹿酱');
    for (const record of records(key)) await db.put('clockRecords', record);
    await db.put('clockConversations', { key, waitingSince: 9_000, newBuyer: false, alerted: false, updatedAt: 9_000 });
    const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0', [ordersSection, clockSection])));
    return { db, key, backup };
  }

  it('record the install that made them; the same install gets its marks back', async () => {
    const { db, backup } = await filledInstall();
    expect(backup.installId).toBe((await ensureInstallKey(db)).id);
    expect(JSON.stringify(backup)).not.toContain((await ensureInstallKey(db)).secret);
    const orders = await db.getAll('orders');
    await db.clear('orders');
    expect(await restoreBackup(db, backup, [ordersSection, clockSection])).toEqual({ sections: ['orders', 'clock'], notCarried: [] });
    expect(await db.getAll('orders')).toEqual(orders);
  });

  it.each([
    ['another install', (backup: Record<string, unknown>) => backup],
    ['a version before install keys (no installId)', ({ installId: _, ...backup }: Record<string, unknown>) => backup],
  ])('from %s bring no marks and no live waits, and the figures under keys that match nobody here', async (_label, asGiven) => {
    const { key, backup } = await filledInstall();
    fakeBrowser.reset();
    const db = await freshDb();
    expect(await restoreBackup(db, asGiven(backup), [ordersSection, clockSection])).toEqual({ sections: ['orders', 'clock'], notCarried: ['orders', 'clock'] });
    expect(await db.getAll('orders')).toEqual([]);
    expect(await db.getAll('clockConversations')).toEqual([]);
    const kept = await db.getAll('clockRecords');
    expect(kept).toHaveLength(3);
    expect(kept.map((r) => r.key)).not.toContain(key);
    expect(dayFigures(kept, 1_000, 10, 10_000)).toEqual(dayFigures(records(key), 1_000, 10, 10_000));
  });
});
