import { route } from './router';
import { reinjectContentScripts } from './reinject';

export default defineBackground(() => {
  // Listeners are registered synchronously at start, so a worker woken by a message hears it.
  browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
  browser.runtime.onInstalled.addListener(() => {
    void reinjectContentScripts();
  });
});
