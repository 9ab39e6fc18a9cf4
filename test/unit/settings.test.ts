import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isActiveOn, loadSettings, normalizeSettings, settingsItem } from '@/utils/settings/settings';
import { updateSettings } from '@/utils/settings/settings-schema';

describe('settings', () => {
  it('falls back to defaults and fills fields an older version did not store', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings({ agentId: '1023', features: { stock: false } })).toEqual({
      ...DEFAULT_SETTINGS,
      agentId: '1023',
      features: { ...DEFAULT_SETTINGS.features, stock: false },
    });
    expect(normalizeSettings({ enabled: 'yes' })).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('serialises concurrent updates so none is lost', async () => {
    await Promise.all(['1', '10', '102', '1023'].map((id, i) =>
      updateSettings((s) => ({ ...s, agentId: id, shopName: s.shopName + i }))));
    const stored = await settingsItem.getValue();
    expect(stored.agentId).toBe('1023');
    expect(stored.shopName).toBe('0123');
  });

  it('refuses invalid values and keeps the stored ones', async () => {
    await updateSettings((s) => ({ ...s, agentId: '1023' }));
    await expect(updateSettings((s) => ({ ...s, agentId: 'x'.repeat(40) }))).rejects.toThrow();
    expect((await loadSettings()).agentId).toBe('1023');
  });

  it('is active only when on globally and for the host', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'qn.taobao.com')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, disabledHosts: ['qn.taobao.com'] }, 'qn.taobao.com')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, enabled: false }, 'qn.taobao.com')).toBe(false);
  });
});
