import { route } from './router';
import { reinjectContentScripts } from './reinject';
import { ensureFeedAlarm, FEED_ALARM, syncFeeds } from './stock-feeds';
import { syncPacks } from './pack-feeds';

export default defineBackground(() => {
  // Listeners are registered synchronously at start, so a worker woken by a message hears it.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => {
    void reinjectContentScripts();
    void ensureFeedAlarm();
  });
  browser.runtime.onStartup.addListener(() => void ensureFeedAlarm());
  // The palette's keyboard command (rebindable at chrome://extensions/shortcuts) goes to the active console tab.
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-snippets') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id != null) await browser.tabs.sendMessage(tab.id, { type: 'palette.open' }).catch(() => {});
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    // One alarm for every polled URL: stock feeds, then subscribed team packs.
    if (alarm.name === FEED_ALARM) void syncFeeds().then(() => syncPacks());
  });
});
