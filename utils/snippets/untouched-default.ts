import { DEFAULT_SNIPPETS, type DefaultSnippet } from './default-pack';
import type { Snippet } from './snippet';

const byId = new Map<string, DefaultSnippet>(DEFAULT_SNIPPETS.map((s) => [s.id, s]));

/**
 * A snippet of the default library exactly as Xiaoer seeded it (title, body, category, tags, shortcut): not an edit
 * of the agent's. Team content (a sheet or a pack) takes its shortcut; the default keeps its text.
 */
export function isUntouchedDefault(snippet: Pick<Snippet, 'id' | 'origin' | 'title' | 'body' | 'category' | 'tags' | 'shortcut'>): boolean {
  const seeded = byId.get(snippet.id);
  if (!seeded || snippet.origin !== 'local') return false;
  return (
    seeded.title === snippet.title &&
    seeded.body === snippet.body &&
    seeded.category === snippet.category &&
    (seeded.shortcut ?? '') === (snippet.shortcut ?? '') &&
    seeded.tags.length === snippet.tags.length &&
    seeded.tags.every((tag, i) => tag === snippet.tags[i])
  );
}
