import type { Adapter, PageSpec } from './adapter-schema';
import { MatchPattern } from 'wxt/utils/match-patterns';

export interface PageMatch {
  adapter: Adapter;
  page: PageSpec;
}

/** The first adapter whose hosts and a page path fit the URL; later (custom) adapters are listed first by the caller. */
export function selectPage(adapters: readonly Adapter[], url: string): PageMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const location = parsed.pathname + parsed.search + parsed.hash;
  for (const adapter of adapters) {
    if (!adapter.matches.some((pattern) => new MatchPattern(pattern).includes(parsed))) continue;
    const page = adapter.pages.find((p) => new RegExp(p.path, 'u').test(location));
    if (page) return { adapter, page };
  }
  return null;
}

/** Adapters (of those given) whose hosts cover the URL, matched page or not. */
export function adapterForHost(adapters: readonly Adapter[], url: string): Adapter | null {
  try {
    const parsed = new URL(url);
    return adapters.find((a) => a.matches.some((pattern) => new MatchPattern(pattern).includes(parsed))) ?? null;
  } catch {
    return null;
  }
}
