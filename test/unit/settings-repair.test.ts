import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairStoredSettings } from '@/entrypoints/background/settings-repair';
import { getDb } from '@/utils/db/open-db';
import { listLog } from '@/utils/log/event-log';
import { DEFAULT_SETTINGS, loadSettings, settingsItem } from '@/utils/settings/settings';
import { repairSettings, settingsSchema, updateSettings } from '@/utils/settings/settings-schema';
import { holds } from '../support/properties';

const damaged = {
  ...DEFAULT_SETTINGS,
  agentId: '007',
  features: 'yes',
  snippets: { ...DEFAULT_SETTINGS.snippets, trigger: '!' },
  orders: { ...DEFAULT_SETTINGS.orders, remarkTemplate: '', unpaidCloseHours: -3 },
  clock: { ...DEFAULT_SETTINGS.clock, keepDays: 1e9 },
};

describe('corrupted settings in storage.local', () => {
  it('are repaired field by field: good values kept, each bad one at its default and named', () => {
    const { settings, repaired } = repairSettings(damaged);
    expect(settingsSchema.safeParse(settings).success).toBe(true);
    expect(settings.agentId).toBe('007');
    expect(settings.features).toEqual(DEFAULT_SETTINGS.features);
    expect(settings.snippets.trigger).toBe(DEFAULT_SETTINGS.snippets.trigger);
    expect(settings.orders.remarkTemplate).toBe(DEFAULT_SETTINGS.orders.remarkTemplate);
    expect(settings.clock.keepDays).toBe(DEFAULT_SETTINGS.clock.keepDays);
    expect(repaired.sort()).toEqual(['clock.keepDays', 'features', 'orders.remarkTemplate', 'orders.unpaidCloseHours', 'snippets.trigger']);
  });

  it('never stop the agent saving a setting', async () => {
    await settingsItem.setValue(damaged as never);
    const saved = await updateSettings((s) => ({ ...s, shopName: '小鹿店' }));
    expect(saved.shopName).toBe('小鹿店');
    expect(saved.agentId).toBe('007');
  });

  it('are written back repaired by the worker, with a log entry naming the fields', async () => {
    await settingsItem.setValue(damaged as never);
    expect(await repairStoredSettings()).toHaveLength(5);
    expect(settingsSchema.safeParse(await settingsItem.getValue()).success).toBe(true);
    expect((await listLog(await getDb()))[0]).toMatchObject({ level: 'warn', scope: 'settings', message: expect.stringContaining('orders.remarkTemplate') });
    // Sound settings: nothing written, nothing logged.
    expect(await repairStoredSettings()).toEqual([]);
    expect((await loadSettings()).agentId).toBe('007');
  });

  it('any stored value at all repairs to valid settings (fast-check)', async () => {
    const near = fc.record(Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([key, value]) => [key, fc.oneof(fc.constant(value), fc.jsonValue({ maxDepth: 2 }), typeof value === 'object' && !Array.isArray(value) ? fc.record(Object.fromEntries(Object.keys(value).map((k) => [k, fc.jsonValue({ maxDepth: 1 })])), { requiredKeys: [] }) : fc.constant(null))])), { requiredKeys: [] });
    await holds('hostile-input', 'settings in storage.local', fc.property(fc.oneof(fc.jsonValue({ maxDepth: 3 }), near), (stored) => {
      const { settings } = repairSettings(stored);
      expect(settingsSchema.safeParse(settings).error?.issues[0]).toBeUndefined();
    }), 300);
  });
});
