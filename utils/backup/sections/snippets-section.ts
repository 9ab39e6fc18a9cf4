import { z } from 'zod';
import { MAX_SNIPPET_BODY, MAX_SNIPPETS } from '../../snippets/limits';
import { computeSearchKeys } from '../../snippets/search/search-keys';
import { markSnippetsSeeded } from '../../snippets/snippet-store';
import { defineSection } from '../backup-section';

const snippetSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(MAX_SNIPPET_BODY),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  shortcut: z.string().regex(/^[a-z0-9]{1,16}$/).optional(),
  origin: z.string().min(1).max(100),
  order: z.number().finite(),
  uses: z.number().int().min(0),
  lastUsedAt: z.number().optional(),
  updatedAt: z.number(),
});

/** The whole snippet library, the agent's and the packs'. Search keys are not backed up: they are recomputed. */
export const snippetsSection = defineSection({
  id: 'snippets',
  schema: z.array(snippetSchema).max(MAX_SNIPPETS),
  stores: ['snippets'],
  async read(db) {
    return (await db.getAll('snippets')).map(({ keys: _keys, ...snippet }) => snippet);
  },
  write(tx, snippets) {
    const store = tx.objectStore('snippets');
    return snippets.map((s) => store.put({ ...s, keys: computeSearchKeys(s) }));
  },
  afterCommit: () => markSnippetsSeeded(),
});
