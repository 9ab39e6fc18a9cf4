import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { FeatureEnv } from '@/utils/runtime/feature';
import { buildSnippetIndex, type SnippetIndex } from '@/utils/snippets/search/snippet-index';
import type { Snippet } from '@/utils/snippets/snippet';

/** Which snippet another feature wants: the first of a category, optionally containing a word. */
export interface SnippetRequest {
  category: string;
  match?: string;
}

interface Loaded {
  index: SnippetIndex;
  byId: Map<string, Snippet>;
  byShortcut: Map<string, Snippet>;
}

export type SnippetLibrary = ReturnType<typeof createSnippetLibrary>;

/**
 * The snippet library as the content script sees it: loaded once from the worker, dropped and loaded again when
 * the worker says it changed. Loaded at once, so the first "/" opens the palette without waiting.
 */
export function createSnippetLibrary(env: FeatureEnv) {
  let loading: Promise<Loaded> | null = null;
  let loaded: Loaded | null = null;
  const load = (): Promise<Loaded> =>
    (loading ??= sendToWorker({ type: 'snippets.all' }).then((snippets) => {
      loaded = {
        index: buildSnippetIndex(snippets),
        byId: new Map(snippets.map((snippet) => [snippet.id, snippet])),
        byShortcut: new Map(snippets.flatMap((snippet) => (snippet.shortcut ? [[snippet.shortcut, snippet] as const] : []))),
      };
      return loaded;
    }));
  env.onBroadcast('snippets-changed', () => {
    loading = null;
    loaded = null;
    void load().catch(env.report);
  });
  void load().catch(env.report);
  return {
    /** The search index, once loaded. */
    index: async () => (await load()).index,
    // These read what is loaded already (nothing before the first load ends).
    byId: (id: string) => loaded?.byId.get(id),
    byShortcut: (shortcut: string) => loaded?.byShortcut.get(shortcut),
    find: ({ category, match }: SnippetRequest) =>
      [...(loaded?.byId.values() ?? [])]
        .filter((snippet) => snippet.category === category && (!match || snippet.title.includes(match) || snippet.body.includes(match)))
        .sort((a, b) => a.order - b.order)[0],
  };
}
