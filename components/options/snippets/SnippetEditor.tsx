import { useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import { SNIPPET_CATEGORIES, type Snippet, type SnippetDraft } from '@/utils/snippets/snippet';
import { VARIABLES } from '@/utils/snippets/template';
import { splitTags } from '@/utils/snippets/tags';
import { TemplatePreview } from '../../snippets/TemplatePreview';
import { useSettings } from '../../common/use-settings';

interface Props {
  /** The snippet being edited, or a starting draft for a new one. */
  snippet: Snippet | null;
  initial: SnippetDraft;
  categories: string[];
  onDone: (saved: Snippet | null) => void;
}

/** Edits one snippet: the body gets variable buttons and a live preview with unknown variables marked. */
export function SnippetEditor({ snippet, initial, categories, onDone }: Props) {
  const [settings] = useSettings();
  const avoidRules = settings?.snippets.avoidRules ?? [];
  const [draft, setDraft] = useState<SnippetDraft>(initial);
  const [tagsText, setTagsText] = useState(initial.tags.join('，'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const allCategories = [...new Set([...SNIPPET_CATEGORIES, ...categories, draft.category].filter(Boolean))];

  const insertVariable = (token: string) => {
    const box = bodyRef.current;
    if (!box) return;
    const { selectionStart: start, selectionEnd: end, value } = box;
    const body = value.slice(0, start) + token + value.slice(end);
    setDraft({ ...draft, body });
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tags = tagsText.split(/\s+/).flatMap(splitTags);
      const saved = await sendToWorker({
        type: 'snippets.save',
        id: snippet?.id,
        draft: { ...draft, tags, shortcut: draft.shortcut?.trim() || undefined },
      });
      onDone(saved);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="snippet-editor" onSubmit={save} data-testid="snippet-editor">
      <div class="row2">
        <label>
          <span>{t('snippetTitle')}</span>
          <input type="text" name="title" required maxLength={100} value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
        </label>
        <label>
          <span>{t('snippetCategory')}</span>
          <input
            type="text"
            name="category"
            list="snippet-categories"
            required
            maxLength={40}
            value={draft.category}
            onInput={(e) => setDraft({ ...draft, category: e.currentTarget.value })}
          />
          <datalist id="snippet-categories">
            {allCategories.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
        </label>
      </div>
      <div class="row2">
        <label>
          <span>{t('snippetShortcut')}</span>
          <input
            type="text"
            name="shortcut"
            maxLength={16}
            pattern="[A-Za-z0-9]*"
            placeholder="hy"
            value={draft.shortcut ?? ''}
            onInput={(e) => setDraft({ ...draft, shortcut: e.currentTarget.value })}
          />
        </label>
        <label>
          <span>{t('snippetTags')}</span>
          <input type="text" name="tags" value={tagsText} onInput={(e) => setTagsText(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        <span>{t('snippetBody')}</span>
        <textarea ref={bodyRef} name="body" rows={5} required value={draft.body} onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })} />
      </label>
      <div class="variable-buttons">
        {VARIABLES.map((v) => (
          <button type="button" key={v.name} title={v.description} onClick={() => insertVariable(`{${v.zh}}`)}>
            {`{${v.zh}}`}
          </button>
        ))}
        <button type="button" onClick={() => insertVariable('{输入:金额}')}>{'{输入:…}'}</button>
        <button type="button" onClick={() => insertVariable('{选择:顺丰|中通|圆通}')}>{'{选择:…}'}</button>
      </div>
      <div class="preview-label">{t('snippetPreview')}</div>
      <TemplatePreview body={draft.body} values={SAMPLE_VALUES} avoidRules={avoidRules} />
      {error && (
        <p class="error" role="alert" data-testid="snippet-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" name="save-snippet" disabled={busy}>
          {t('snippetSave')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('stockCancel')}
        </button>
      </div>
    </form>
  );
}

/** Example values for the editor's preview, so the agent sees how a snippet reads. */
const SAMPLE_VALUES = {
  buyer: '小鹿酱',
  shop: '小二旗舰店',
  agent: '小林',
  agentId: '1023',
  orderId: '4562243577693782',
  receiver: '林晓',
  address: '浙江省杭州市西湖区文三路478号',
  product: '羊毛混纺双面呢大衣',
  stock: '12',
  courier: '顺丰',
};
