import { getDb } from '@/utils/db/open-db';
import { snippetRequests } from '@/utils/messaging/domains/snippets';
import { deleteSnippet, listSnippets, markSnippetUsed, reorderSnippets, restoreSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';

export const snippetHandlers = defineHandlers(snippetRequests, {
  async 'snippets.all'() {
    return listSnippets(await getDb());
  },
  async 'snippets.save'(request) {
    const saved = await saveSnippet(await getDb(), request.id, request.draft);
    void broadcast('snippets-changed');
    return saved;
  },
  async 'snippets.delete'(request) {
    const deleted = await deleteSnippet(await getDb(), request.id);
    void broadcast('snippets-changed');
    return deleted;
  },
  async 'snippets.restore'(request) {
    await restoreSnippets(await getDb(), request.snippets);
    void broadcast('snippets-changed');
    return null;
  },
  async 'snippets.reorder'(request) {
    await reorderSnippets(await getDb(), request.ids);
    void broadcast('snippets-changed');
    return null;
  },
  async 'snippets.used'(request) {
    // Counts only: no broadcast, every tab need not re-rank at once.
    await markSnippetUsed(await getDb(), request.id);
    return null;
  },
});
