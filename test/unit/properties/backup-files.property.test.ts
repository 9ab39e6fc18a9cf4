import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { openXiaoerDb } from '@/utils/db/open-db';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { DEFAULT_SETTINGS, settingsItem } from '@/utils/settings/settings';
import { settingsSchema } from '@/utils/settings/settings-schema';
import { computeSearchKeys } from '@/utils/snippets/search/search-keys';
import { commitStock } from '@/utils/stock/stock-store';
import { answer, holds, hostileText } from '../../support/properties';
import { asFreshProfile } from '../../support/fresh-profile';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `backup-property-${++n}`);
const text = (max: number) => hostileText(max).map((s) => `字${s.trim()}`.slice(0, max));
const time = fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2027-01-01') });

/** A profile's data as the product stores it: settings, snippets, remarks, marks, stock, clock records. */
const profile = fc.record({
  settings: fc.record({ agentId: hostileText(32), shopName: hostileText(64), lowThreshold: fc.nat(100_000), trigger: fc.constantFrom<'/' | '、' | ';' | '#'>('/', '、', ';', '#'), keepDays: fc.integer({ min: 1, max: 365 }) }),
  snippets: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,20}$/), title: text(100), body: text(500), category: text(40), tags: fc.array(text(30), { maxLength: 3 }), uses: fc.nat(1000) }), { selector: (s) => s.id, maxLength: 8 }),
  remarks: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^r-[a-z0-9]{1,10}$/), orderId: fc.stringMatching(/^[0-9]{6,20}$/), text: hostileText(500), flag: fc.integer({ min: 0, max: 5 }), reason: hostileText(40), agentId: hostileText(32) }), { selector: (r) => r.id, maxLength: 5 }),
  marks: fc.uniqueArray(fc.stringMatching(/^[0-9]{6,20}$/), { maxLength: 5 }),
  stock: fc.uniqueArray(fc.record({ code: fc.stringMatching(/^[A-Z0-9-]{1,30}$/), name: fc.option(text(100), { nil: undefined }), warehouses: fc.dictionary(text(20), fc.integer({ min: -1000, max: 1e9 }), { minKeys: 1, maxKeys: 3 }) }), { selector: (r) => r.code, maxLength: 20 }),
  clock: fc.array(fc.record({ key: fc.stringMatching(/^[0-9a-f]{32}$/), at: time }), { maxLength: 6 }),
});

type Profile = typeof profile extends fc.Arbitrary<infer T> ? T : never;

async function filled(data: Profile) {
  const db = await freshDb();
  await ensureInstallKey(db);
  const now = Date.now();
  const settings = settingsSchema.parse({ ...DEFAULT_SETTINGS, agentId: data.settings.agentId.trim(), shopName: data.settings.shopName.trim(), stock: { ...DEFAULT_SETTINGS.stock, lowThreshold: data.settings.lowThreshold }, snippets: { ...DEFAULT_SETTINGS.snippets, trigger: data.settings.trigger }, clock: { ...DEFAULT_SETTINGS.clock, keepDays: data.settings.keepDays } });
  await settingsItem.setValue(settings);
  for (const [k, s] of data.snippets.entries()) {
    const snippet = { ...s, origin: 'local', order: k, updatedAt: now };
    await db.put('snippets', { ...snippet, keys: computeSearchKeys(snippet) });
  }
  for (const r of data.remarks) await db.put('remarks', { ...r, at: now - 1000 });
  for (const id of data.marks) await db.put('orders', { id, fingerprint: 'c'.repeat(64), verifiedAt: now, verifiedBy: '7', updatedAt: now });
  const records = data.stock.map((r) => ({ code: r.code, skuCode: r.code, name: r.name, warehouses: r.warehouses, available: Object.values(r.warehouses).reduce((a, b) => a + b, 0) }));
  if (records.length) await commitStock(db, { id: 'file', kind: 'file', name: 'ERP', mode: 'replace' }, records.map(({ name, ...r }) => (name ? { ...r, name } : r)), 'replace');
  for (const [k, c] of data.clock.entries()) await db.put('clockRecords', { id: `w${k}`, kind: 'wait', key: c.key, at: c.at, newBuyer: k % 2 === 0 });
  return db;
}

const sectionsOf = async (db: Awaited<ReturnType<typeof freshDb>>) => JSON.parse(JSON.stringify((await createBackup(db, '0.1.0')).sections));

beforeEach(asFreshProfile);

describe('backup files under hostile input (fast-check)', () => {
  it('backup → restore on the same install gives the same data (read back as a backup)', async () => {
    await holds('round-trip', 'backup files', fc.asyncProperty(profile, async (data) => {
      const db = await filled(data);
      const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0')));
      const fresh = await freshDb();
      expect((await restoreBackup(fresh, backup)).notCarried).toEqual([]);
      expect(await sectionsOf(fresh)).toEqual(backup.sections);
    }), 25);
  }, 60_000);

  it('a damaged backup (any field replaced by any JSON) restores whole or is refused clearly, changing nothing', async () => {
    const base = await filled({ settings: { agentId: '7', shopName: '小鹿店', lowThreshold: 5, trigger: '/', keepDays: 30 }, snippets: [{ id: 'a', title: '欢迎', body: '亲', category: '欢迎', tags: ['x'], uses: 1 }], remarks: [{ id: 'r-1', orderId: '1234567', text: '改地址', flag: 1, reason: '改地址', agentId: '7' }], marks: ['7654321'], stock: [{ code: 'A1', name: '毛巾', warehouses: { 主仓: 3 } }], clock: [{ key: 'ab'.repeat(16), at: Date.parse('2026-06-01') }] });
    const good = JSON.parse(JSON.stringify(await createBackup(base, '0.1.0')));
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    };
    walk(good, []);
    const damage = fc.tuple(fc.constantFrom(...paths.filter((p) => p.length)), fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileText(50), fc.constantFrom(null, -1, 1e309, '', [], {}, 'x'.repeat(5000))));
    await holds('hostile-input', 'backup files', fc.asyncProperty(damage, async ([path, value]) => {
      const broken = structuredClone(good);
      let at = broken;
      for (const key of path.slice(0, -1)) at = at[key];
      at[path[path.length - 1]!] = value;
      const db = await filled({ settings: { agentId: '9', shopName: '旧', lowThreshold: 1, trigger: '#', keepDays: 7 }, snippets: [], remarks: [], marks: [], stock: [{ code: 'OLD', name: undefined, warehouses: { 仓: 1 } }], clock: [] });
      const before = await sectionsOf(db);
      const restored = await answer(() => restoreBackup(db, broken));
      if ('refused' in restored) expect(await sectionsOf(db)).toEqual(before);
      else expect(restored.value.sections.length).toBeGreaterThan(0);
    }), 80);
  }, 60_000);
});
