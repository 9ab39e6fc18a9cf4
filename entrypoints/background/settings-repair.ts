import { appendLog } from '@/utils/log/event-log';
import { getDb } from '@/utils/db/open-db';
import { settingsItem } from '@/utils/settings/settings';
import { repairSettings } from '@/utils/settings/settings-schema';
import { clock } from '@/utils/clock';

/**
 * At each worker start: damaged stored settings (storage.local edited or corrupted) are written back repaired — each
 * bad field at its default — and the log says which fields, so every page reads valid settings and can save again.
 */
export async function repairStoredSettings(): Promise<string[]> {
  const stored = await settingsItem.getValue();
  const { settings, repaired } = repairSettings(stored);
  if (!repaired.length) return [];
  await settingsItem.setValue(settings);
  await appendLog(await getDb(), { at: clock.now(), level: 'warn', scope: 'settings', message: `设置已损坏，以下项已恢复为默认值：${repaired.join('、')}` });
  return repaired;
}
