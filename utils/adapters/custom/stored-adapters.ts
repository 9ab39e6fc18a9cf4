import { MatchPattern } from 'wxt/utils/match-patterns';
import type { Adapter } from '../adapter-schema';
import { PAGE_KINDS } from '../vocabulary';

/**
 * Custom adapters live in storage.local rather than IndexedDB: they are few and small, and every console tab's
 * content script must read them before it picks a page and hear at once when they change (storage.onChanged),
 * without waking the worker. Only the worker writes them, after full validation (parseCustomAdapter).
 */
export const customAdaptersItem = storage.defineItem<unknown[]>('local:customAdapters', { fallback: [] });

/**
 * The stored list as a console tab reads it: a light check without zod (the content script stays small; the worker
 * validated every entry before storing it), so that a hand-edited entry is skipped rather than breaking the page.
 */
export function storedAdapters(stored: unknown): Adapter[] {
  return Array.isArray(stored) ? stored.filter(isUsable) : [];
}

function isUsable(value: unknown): value is Adapter {
  const adapter = value as Adapter;
  try {
    return (
      adapter?.format === 'xiaoer-adapter' &&
      typeof adapter.id === 'string' &&
      typeof adapter.name === 'string' &&
      Array.isArray(adapter.matches) &&
      adapter.matches.every((pattern) => typeof pattern === 'string' && !!new MatchPattern(pattern)) &&
      Array.isArray(adapter.pages) &&
      adapter.pages.length > 0 &&
      adapter.pages.every(
        (page) =>
          PAGE_KINDS.includes(page?.kind) &&
          !!new RegExp(page.path, 'u') &&
          typeof page.parts === 'object' &&
          page.parts !== null &&
          Object.values(page.parts).every((part) => typeof part?.selector === 'string' && (part.pattern === undefined || !!new RegExp(part.pattern, 'u'))),
      )
    );
  } catch {
    return false;
  }
}
