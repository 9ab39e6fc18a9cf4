import { useMemo, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { buildSnippetIndex, searchSnippets } from '@/utils/snippets/search/snippet-index';
import { SNIPPET_CATEGORIES, type Snippet, type SnippetDraft } from '@/utils/snippets/snippet';
import { LoadError } from '../../common/LoadError';
import { SnippetEditor } from './SnippetEditor';
import { SnippetSettings } from './SnippetSettings';
import { useSnippets } from './use-snippets';

const ALL = '';
const UNDO_MS = 10_000;

type Editing = { snippet: Snippet | null; initial: SnippetDraft } | null;

/** The snippet library: browse by service stage, search, edit, duplicate, reorder, delete with undo. */
export function SnippetsSection() {
  const { snippets, error, reload } = useSnippets();
  const [category, setCategory] = useState(ALL);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [undo, setUndo] = useState<{ snippet: Snippet; timer: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const categories = useMemo(() => {
    const own = (snippets ?? []).map((s) => s.category).filter((c) => !(SNIPPET_CATEGORIES as readonly string[]).includes(c));
    return [...SNIPPET_CATEGORIES, ...new Set(own)];
  }, [snippets]);
  const index = useMemo(() => buildSnippetIndex(snippets ?? []), [snippets]);
  const shown = useMemo(() => {
    if (!snippets) return [];
    if (query.trim()) {
      const byId = new Map(snippets.map((s) => [s.id, s]));
      return searchSnippets(index, query, { limit: 200, category: category || undefined }).map((hit) => byId.get(hit.id)!);
    }
    return snippets.filter((s) => !category || s.category === category);
  }, [snippets, index, query, category]);

  if (!snippets) return error ? <LoadError error={error} onRetry={reload} /> : <p class="muted">…</p>;

  const act = (action: Promise<unknown>) => action.catch((e: Error) => setMessage(e.message));
  const remove = async (snippet: Snippet) => {
    const deleted = await sendToWorker({ type: 'snippets.delete', id: snippet.id }).catch((e: Error) => (setMessage(e.message), null));
    if (!deleted) return;
    if (undo) clearTimeout(undo.timer);
    setUndo({ snippet: deleted, timer: window.setTimeout(() => setUndo(null), UNDO_MS) });
  };
  const restore = () => {
    if (!undo) return;
    clearTimeout(undo.timer);
    void act(sendToWorker({ type: 'snippets.restore', snippets: [undo.snippet] }));
    setUndo(null);
  };
  const move = (snippet: Snippet, delta: -1 | 1) => {
    const siblings = snippets.filter((s) => s.category === snippet.category);
    const at = siblings.findIndex((s) => s.id === snippet.id);
    const to = at + delta;
    if (to < 0 || to >= siblings.length) return;
    const ids = siblings.map((s) => s.id);
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
    void act(sendToWorker({ type: 'snippets.reorder', ids }));
  };
  const draftOf = (s: Snippet, copy = false): SnippetDraft => ({
    title: copy ? `${s.title}${t('snippetCopySuffix')}` : s.title,
    body: s.body,
    category: s.category,
    tags: s.tags,
    shortcut: copy ? undefined : s.shortcut,
  });

  return (
    <div class="snippets-section">
      <aside class="categories">
        {[ALL, ...categories].map((c) => (
          <button type="button" key={c || 'all'} aria-pressed={category === c} data-category={c} onClick={() => setCategory(c)}>
            <span>{c || t('snippetAll')}</span>
            <span class="muted">{c ? snippets.filter((s) => s.category === c).length : snippets.length}</span>
          </button>
        ))}
      </aside>
      <div class="library">
        <div class="toolbar">
          <input type="search" name="snippet-search" placeholder={t('snippetSearchPlaceholder')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
          <button
            type="button"
            class="primary"
            name="new-snippet"
            onClick={() => setEditing({ snippet: null, initial: { title: '', body: '', category: category || SNIPPET_CATEGORIES[0], tags: [] } })}
          >
            {t('snippetNew')}
          </button>
        </div>
        {undo && (
          <div class="undo" role="status" data-testid="snippet-undo">
            {t('snippetDeleted', undo.snippet.title)} <button type="button" onClick={restore}>{t('snippetUndo')}</button>
          </div>
        )}
        {error && <LoadError error={error} onRetry={reload} />}
        {message && <p class="error" role="alert">{message}</p>}
        {editing && (
          <SnippetEditor
            key={editing.snippet?.id ?? 'new'}
            snippet={editing.snippet}
            initial={editing.initial}
            categories={categories}
            onDone={() => setEditing(null)}
          />
        )}
        <ul class="snippet-list" data-testid="snippet-list">
          {shown.map((s) => (
            <li key={s.id} data-snippet={s.id}>
              <div class="head">
                <strong class="title">{s.title}</strong>
                {s.shortcut && <code class="shortcut">/{s.shortcut}</code>}
                <span class="muted category">{s.category}</span>
                {s.origin !== 'local' && <span class="tag team" title={s.origin}>{t('snippetFromPack')}</span>}
                {s.tags.map((tag) => (
                  <span class="tag" key={tag}>{tag}</span>
                ))}
                <span class="muted uses">{t('snippetUses', String(s.uses))}</span>
              </div>
              <div class="body">{s.body.length > 300 ? `${s.body.slice(0, 300)}…` : s.body}</div>
              <div class="row-actions">
                <button type="button" onClick={() => setEditing({ snippet: s, initial: draftOf(s) })}>{t('snippetEdit')}</button>
                <button type="button" onClick={() => setEditing({ snippet: null, initial: draftOf(s, true) })}>{t('snippetDuplicate')}</button>
                <button type="button" aria-label={t('snippetMoveUp')} onClick={() => move(s, -1)}>↑</button>
                <button type="button" aria-label={t('snippetMoveDown')} onClick={() => move(s, 1)}>↓</button>
                <button type="button" class="danger" onClick={() => remove(s)}>{t('snippetDelete')}</button>
              </div>
            </li>
          ))}
        </ul>
        {shown.length === 0 && <p class="muted">{t('snippetNone')}</p>}
        <h3>{t('snippetSettingsTitle')}</h3>
        <SnippetSettings />
      </div>
    </div>
  );
}
