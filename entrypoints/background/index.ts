import { route } from './router';
import { reinjectContentScripts } from './reinject';
import { runCommand } from './commands';
import { ensureFeedAlarm, FEED_ALARM } from './feed-schedule';
import { syncFeeds } from './stock-feeds';
import { syncPacks } from './pack-feeds';
import { pruneBuyerDataHourly } from './clock-pruning';
import { repairStoredSettings } from './settings-repair';
import { finishPendingRestore } from '@/utils/backup/backup';
import { finishPendingPackAdapters } from './pack-adapters-pending';
import { getDb } from '@/utils/db/open-db';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { clock } from '@/utils/clock';
import { syncCustomContentScripts } from '@/utils/adapters/custom/content-script-registration';
import { listCustomAdapters } from '@/utils/adapters/custom/custom-adapter-store';

export default defineBackground({
  // Firefox (MV2): an event page, unloaded when idle and woken by its events, as Chromium's service worker is; so
  // nothing may live in its memory alone there either.
  persistent: false,
  main() {
    // Listeners are registered synchronously at start, so a worker woken by a message hears it.
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    browser.runtime.onInstalled.addListener(() => {
      void reinjectContentScripts();
      void ensureFeedAlarm();
      // An update from a version without the install key retires its unsalted hashes now, not at their next use.
      void getDb().then(ensureInstallKey).catch(() => {});
    });
    browser.runtime.onStartup.addListener(() => void ensureFeedAlarm());
    // Keyboard commands (the palette, the longest-waiting buyer) go to the active console tab.
    browser.commands.onCommand.addListener((command) => void runCommand(command));
    // Custom consoles: the runtime content script follows the granted hosts (granted or revoked in Chrome's own UI too).
    const resyncCustomConsoles = () => void listCustomAdapters().then(syncCustomContentScripts).catch(() => {});
    browser.permissions.onAdded.addListener(resyncCustomConsoles);
    browser.permissions.onRemoved.addListener(resyncCustomConsoles);
    browser.runtime.onInstalled.addListener(resyncCustomConsoles);
    void repairStoredSettings().catch(() => {});
    // A restore stopped between its database commit and its settings is finished (or dropped) before anything else.
    void getDb().then((db) => finishPendingRestore(db)).catch(() => {});
    // So is a pack apply, undo or removal stopped between its snippets' commit and its adapters (called here, before
    // any message is heard, so that every pack change of this worker waits for it).
    void finishPendingPackAdapters(getDb()).catch(() => {});
    browser.alarms.onAlarm.addListener((alarm) => {
      // One alarm for every polled URL: stock feeds, then subscribed team packs.
      if (alarm.name !== FEED_ALARM) return;
      void syncFeeds().then(() => syncPacks());
      // The same alarm prunes old buyer data (hourly at most), so it goes with no remark written and no popup open.
      // A failed prune waits for the next hour: nothing a tab waits for.
      void getDb().then((db) => pruneBuyerDataHourly(db, clock.now())).catch(() => {});
    });
  },
});
