import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '@/utils/db/schema';
import { overdueCount } from '@/utils/response-clock/clock-store';
import { loadSettings } from '@/utils/settings/settings';

/** The number of buyers waiting past the target on the extension icon (when the setting is on), amber. */
export async function refreshClockBadge(db: IDBPDatabase<XiaoerDB>): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
  if (!action) return;
  const { clock, features } = await loadSettings();
  const count = clock.badge && features.timer ? await overdueCount(db) : 0;
  await action.setBadgeBackgroundColor({ color: '#d97706' });
  await action.setBadgeText({ text: count > 0 ? String(count) : '' });
}
