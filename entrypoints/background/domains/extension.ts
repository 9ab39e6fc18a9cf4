import { DB_VERSION } from '@/utils/db/migrations';
import { extensionRequests } from '@/utils/messaging/domains/extension';
import { defineHandlers } from '../define-handlers';

export const extensionHandlers = defineHandlers(extensionRequests, {
  async ping() {
    return { version: browser.runtime.getManifest().version, dbVersion: DB_VERSION };
  },
  async 'options.open'(request) {
    const url = browser.runtime.getURL('/options.html') + (request.section ? `#${request.section}` : '');
    await browser.tabs.create({ url });
    return null;
  },
});
