import { adapterRequests } from '@/utils/messaging/domains/adapters';
import { clearHighlights, consoleTabs, deleteEntry, listEntries, saveEntry, testOnTab } from '../custom-adapters';
import { defineHandlers } from '../define-handlers';

export const adapterHandlers = defineHandlers(adapterRequests, {
  async 'adapters.list'() {
    return listEntries();
  },
  async 'adapters.save'(request) {
    return saveEntry(request.adapter);
  },
  async 'adapters.delete'(request) {
    await deleteEntry(request.id);
    return null;
  },
  async 'adapters.tabs'() {
    return consoleTabs();
  },
  async 'adapters.test'(request) {
    return testOnTab(request.tabId, request.adapter);
  },
  async 'adapters.clearHighlights'(request) {
    await clearHighlights(request.tabId);
    return null;
  },
});
