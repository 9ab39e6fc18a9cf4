import { createBackup, restoreBackup } from '@/utils/backup/backup';
import { getDb } from '@/utils/db/open-db';
import { backupRequests } from '@/utils/messaging/domains/backup';
import { invalidateStockIndex } from '@/utils/stock/stock-index';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';
import { ensureFeedAlarm } from '../feed-schedule';

export const backupHandlers = defineHandlers(backupRequests, {
  async 'backup.create'() {
    return createBackup(await getDb(), browser.runtime.getManifest().version);
  },
  async 'backup.restore'(request) {
    const restored = await restoreBackup(await getDb(), request.backup);
    invalidateStockIndex();
    await ensureFeedAlarm();
    for (const event of ['snippets-changed', 'packs-changed', 'stock-changed', 'sources-changed', 'remarks-changed'] as const) void broadcast(event);
    return restored;
  },
});
