import type { IDBPDatabase } from 'idb';
import { z } from 'zod';
import type { XiaoerDB } from '../db/schema';
import { newId } from '../new-id';
import { DEFAULT_SNIPPETS } from './default-pack';
import { MAX_SNIPPET_BODY } from './limits';
import { computeSearchKeys } from './search/search-keys';
import type { Snippet, SnippetDraft } from './snippet';
import { clock } from '@/utils/clock';

/** Set once the default library was put in, so deleting every default snippet does not bring them back. */
const seededItem = storage.defineItem<boolean>('local:snippetsSeeded', { fallback: false });

/** A stored snippet as it may come back from an undo: checked like any other input, keys recomputed. */
const storedSnippetSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(100),
  body: z.string().min(1).max(MAX_SNIPPET_BODY),
  category: z.string().trim().min(1).max(40),
  tags: z.array(z.string().trim().min(1).max(30)).max(20),
  shortcut: z.string().regex(/^[a-z0-9]{1,16}$/i).optional(),
  origin: z.string().min(1).max(100),
  order: z.number().finite(),
  uses: z.number().int().min(0),
  lastUsedAt: z.number().optional(),
  updatedAt: z.number(),
});

export class SnippetError extends Error {}

function withKeys(snippet: Omit<Snippet, 'keys'>): Snippet {
  return { ...snippet, keys: computeSearchKeys(snippet) };
}

/** Puts the default library in on first use. */
export async function ensureDefaultSnippets(db: IDBPDatabase<XiaoerDB>): Promise<void> {
  if (await seededItem.getValue()) return;
  const tx = db.transaction('snippets', 'readwrite');
  // A library that arrived meanwhile (a backup restored while this first use was starting) is never overwritten.
  if ((await tx.store.count()) > 0) {
    await tx.done;
    await seededItem.setValue(true);
    return;
  }
  const now = clock.now();
  await Promise.all(
    DEFAULT_SNIPPETS.map((s, order) => tx.store.put(withKeys({ ...s, origin: 'local', order, uses: 0, updatedAt: now }))),
  );
  await tx.done;
  await seededItem.setValue(true);
}

export async function listSnippets(db: IDBPDatabase<XiaoerDB>): Promise<Snippet[]> {
  await ensureDefaultSnippets(db);
  const all = await db.getAll('snippets');
  return all.sort((a, b) => a.order - b.order);
}

/** Creates or updates a snippet; a shortcut may belong to one snippet only. */
export async function saveSnippet(db: IDBPDatabase<XiaoerDB>, id: string | undefined, draft: SnippetDraft): Promise<Snippet> {
  const tx = db.transaction('snippets', 'readwrite');
  const all = await tx.store.getAll();
  const previous = id ? all.find((s) => s.id === id) : undefined;
  if (id && !previous) throw new SnippetError('这条话术已不存在（可能已被删除）');
  const shortcut = draft.shortcut?.toLowerCase() || undefined;
  const clash = shortcut && all.find((s) => s.shortcut === shortcut && s.id !== id);
  if (clash) throw new SnippetError(`快捷词“${shortcut}”已被“${clash.title}”使用`);
  const snippet = withKeys({
    id: previous?.id ?? newId('s'),
    origin: previous?.origin ?? 'local',
    order: previous?.order ?? Math.max(-1, ...all.map((s) => s.order)) + 1,
    uses: previous?.uses ?? 0,
    lastUsedAt: previous?.lastUsedAt,
    ...draft,
    shortcut,
    tags: [...new Set(draft.tags)],
    updatedAt: clock.now(),
  });
  await tx.store.put(snippet);
  await tx.done;
  return snippet;
}

export async function deleteSnippet(db: IDBPDatabase<XiaoerDB>, id: string): Promise<Snippet | null> {
  const tx = db.transaction('snippets', 'readwrite');
  const previous = (await tx.store.get(id)) ?? null;
  if (previous) await tx.store.delete(id);
  await tx.done;
  return previous;
}

/** Puts back snippets exactly as they were (undo of a delete), after checking them like any other input. */
export async function restoreSnippets(db: IDBPDatabase<XiaoerDB>, raw: unknown[]): Promise<void> {
  const parsed = z.array(storedSnippetSchema).safeParse(raw);
  if (!parsed.success) throw new SnippetError(`无法恢复：${parsed.error.issues[0]?.message ?? '数据无效'}`);
  const tx = db.transaction('snippets', 'readwrite');
  await Promise.all(parsed.data.map((s) => tx.store.put(withKeys(s))));
  await tx.done;
}

/** Gives the listed snippets the order they are listed in (within a category the others keep theirs). */
export async function reorderSnippets(db: IDBPDatabase<XiaoerDB>, ids: string[]): Promise<void> {
  const tx = db.transaction('snippets', 'readwrite');
  const listed = await Promise.all(ids.map((id) => tx.store.get(id)));
  const slots = listed.filter((s): s is Snippet => !!s).map((s) => s.order).sort((a, b) => a - b);
  let slot = 0;
  await Promise.all(listed.map((s) => (s ? tx.store.put({ ...s, order: slots[slot++]! }) : undefined)));
  await tx.done;
}

export async function markSnippetUsed(db: IDBPDatabase<XiaoerDB>, id: string): Promise<void> {
  const tx = db.transaction('snippets', 'readwrite');
  const snippet = await tx.store.get(id);
  if (snippet) await tx.store.put({ ...snippet, uses: snippet.uses + 1, lastUsedAt: clock.now() });
  await tx.done;
}

/** A restored backup brings its own library: the defaults must not be added on top of it. */
export async function markSnippetsSeeded(): Promise<void> {
  await seededItem.setValue(true);
}
