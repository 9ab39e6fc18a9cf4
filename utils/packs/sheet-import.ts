import type { IDBPDatabase } from 'idb';
import type { XiaoerDB } from '../db/schema';
import { newId } from '../new-id';
import { MAX_SNIPPETS } from '../snippets/limits';
import { computeSearchKeys } from '../snippets/search/search-keys';
import { ensureDefaultSnippets } from '../snippets/snippet-store';
import { snippetLooksLikeMarkup } from '../snippets/markup';
import type { Snippet } from '../snippets/snippet';
import { isUntouchedDefault } from '../snippets/untouched-default';
import { PackError } from './pack-format';
import { sameWording, wordingOf } from './pack-merge';
import type { SheetSnippet } from './snippet-sheet';
import { clock } from '@/utils/clock';

export interface SheetImportPreview {
  added: string[];
  changed: string[];
  unchanged: string[];
  /** Sheet shortcuts another snippet already uses (one the agent set or edited): the row comes in without its shortcut. */
  shortcutClashes: { title: string; shortcut: string; usedBy: string }[];
  /** Untouched default snippets whose shortcut the sheet takes: the default keeps its text and loses the shortcut. */
  defaultsYield: { title: string; shortcut: string; to: string }[];
  /** Rows whose text looks like HTML or script: accepted, shown and inserted as plain text. */
  markup: string[];
}

/**
 * A sheet goes into the agent's own library: a row whose ID is in the library updates that snippet, any other row is
 * added. Nothing is removed (a sheet is a list to add, not the whole library).
 */
export function planSheetImport(library: Snippet[], sheet: SheetSnippet[]): { preview: SheetImportPreview; put: Omit<Snippet, 'keys'>[] } {
  const byId = new Map(library.map((s) => [s.id, s]));
  const sheetIds = new Set(sheet.map((s) => s.id).filter(Boolean));
  const others = library.filter((s) => s.shortcut && !sheetIds.has(s.id));
  // A default the agent never edited is no local edit: team content takes its shortcut. One the agent set or edited wins.
  const owners = new Map(others.filter((s) => !isUntouchedDefault(s)).map((s) => [s.shortcut!, s.title]));
  const defaults = new Map(others.filter(isUntouchedDefault).map((s) => [s.shortcut!, s]));
  const preview: SheetImportPreview = { added: [], changed: [], unchanged: [], shortcutClashes: [], defaultsYield: [], markup: [] };
  const put: Omit<Snippet, 'keys'>[] = [];
  let nextOrder = Math.max(-1, ...library.map((s) => s.order)) + 1;
  const now = clock.now();
  for (const row of sheet) {
    const stored = row.id ? byId.get(row.id) : undefined;
    let shortcut = row.shortcut;
    const usedBy = shortcut ? owners.get(shortcut) : undefined;
    if (shortcut && usedBy) {
      preview.shortcutClashes.push({ title: row.title, shortcut, usedBy });
      shortcut = undefined;
    }
    const yielding = shortcut ? defaults.get(shortcut) : undefined;
    if (shortcut && yielding) {
      defaults.delete(shortcut);
      preview.defaultsYield.push({ title: yielding.title, shortcut, to: row.title });
      const { keys: _keys, ...rest } = yielding;
      put.push({ ...rest, shortcut: undefined, updatedAt: now });
    }
    const wording = { title: row.title, body: row.body, category: row.category, tags: [...new Set(row.tags)], shortcut };
    if (snippetLooksLikeMarkup(wording)) preview.markup.push(row.title);
    if (stored && sameWording(wordingOf(stored), wording)) {
      preview.unchanged.push(row.title);
      continue;
    }
    (stored ? preview.changed : preview.added).push(row.title);
    put.push({
      id: stored?.id ?? row.id ?? newId('s'),
      origin: stored?.origin ?? 'local',
      order: stored?.order ?? nextOrder++,
      uses: stored?.uses ?? 0,
      lastUsedAt: stored?.lastUsedAt,
      ...wording,
      updatedAt: now,
    });
  }
  return { preview, put };
}

/** Previews (`commit` false) or imports a sheet in ONE transaction. */
export async function importSheet(db: IDBPDatabase<XiaoerDB>, sheet: SheetSnippet[], commit: boolean): Promise<SheetImportPreview> {
  await ensureDefaultSnippets(db);
  const tx = db.transaction('snippets', 'readwrite');
  const library = await tx.store.getAll();
  const { preview, put } = planSheetImport(library, sheet);
  if (library.length + preview.added.length > MAX_SNIPPETS) {
    throw new PackError(`话术库将超过 ${MAX_SNIPPETS} 条上限，未做任何更改`);
  }
  if (commit) await Promise.all(put.map((s) => tx.store.put({ ...s, keys: computeSearchKeys(s) })));
  await tx.done;
  return preview;
}
