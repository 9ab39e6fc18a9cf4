import type { Adapter, PageSpec } from './adapter-schema';
import { MatchPattern } from 'wxt/utils/match-patterns';

/** One page entry of an adapter: what a feature instance runs on. */
export interface PageMatch {
  adapter: Adapter;
  page: PageSpec;
}

/**
 * What a URL shows through its adapter: every page entry whose path fits, in the adapter's order. One URL can hold
 * items, orders and chat at once (a single-page console, a chat with an order panel); each contributes its parts.
 */
export interface PageSelection {
  adapter: Adapter;
  pages: PageSpec[];
}

/**
 * The first adapter whose hosts and at least one page path fit the URL, with all its pages that fit; later (custom)
 * adapters are listed first by the caller, so a shop's own adapter wins for the pages it describes.
 */
export function selectPages(adapters: readonly Adapter[], url: string): PageSelection | null {
  const parsed = parseUrl(url);
  if (!parsed) return null;
  const location = parsed.pathname + parsed.search + parsed.hash;
  for (const adapter of adapters) {
    if (!coversHost(adapter, parsed)) continue;
    const pages = adapter.pages.filter((p) => new RegExp(p.path, 'u').test(location));
    if (pages.length) return { adapter, pages };
  }
  return null;
}

/** Adapters (of those given) whose hosts cover the URL, matched page or not. */
export function adapterForHost(adapters: readonly Adapter[], url: string): Adapter | null {
  const parsed = parseUrl(url);
  return (parsed && adapters.find((a) => coversHost(a, parsed))) ?? null;
}

function coversHost(adapter: Adapter, url: URL): boolean {
  return adapter.matches.some((pattern) => new MatchPattern(pattern).includes(url));
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
