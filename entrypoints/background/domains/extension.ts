import { DB_VERSION } from '@/utils/db/migrations';
import { getDb } from '@/utils/db/open-db';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { extensionRequests } from '@/utils/messaging/domains/extension';
import { defineHandlers } from '../define-handlers';

export const extensionHandlers = defineHandlers(extensionRequests, {
  async ping() {
    return { version: browser.runtime.getManifest().version, dbVersion: DB_VERSION };
  },
  async 'install.key'() {
    await ensureInstallKey(await getDb());
    return null;
  },
  async 'options.open'(request) {
    const url = browser.runtime.getURL('/options.html') + (request.section ? `#${request.section}` : '');
    await browser.tabs.create({ url });
    return null;
  },
});
