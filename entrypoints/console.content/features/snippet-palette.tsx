import { render } from 'preact';
import { Palette, formValues, promptAnswers, type PaletteField, type PaletteState } from '@/components/snippets/Palette';
import paletteCss from '@/components/snippets/palette.css?inline';
import { t } from '@/utils/i18n';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { Feature, FeatureEnv } from '@/utils/runtime/feature';
import { insertIntoReplyBox, textBeforeCaret, type ReplyBox } from '@/utils/snippets/insert-text';
import { currentReplyBox, isReplyBox } from '@/utils/snippets/reply-boxes';
import { readPageValues } from '@/utils/snippets/page-values';
import { buildSnippetIndex, searchSnippets, type SnippetIndex } from '@/utils/snippets/search/snippet-index';
import type { Snippet } from '@/utils/snippets/snippet';
import { fillTemplate, parseTemplate, VARIABLES, type VariableValues } from '@/utils/snippets/template';
import { normalizeCode } from '@/utils/stock/normalize-code';
import { createShadowHost } from '@/utils/ui/shadow-host';
import { lookUpStock } from '@/utils/stock/lookup-client';
import type { StockHit } from '@/utils/stock/stock-index';

const RESULTS = 8;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The snippet palette in the chat reply box: opened by the trigger (`/`), the keyboard command or the button by the
 * box; `/hy` + space expands a shortcut. Inserts at the caret so the page's own send button sends it; never sends.
 */
export const snippetPalette: Feature = {
  id: 'snippet-palette',
  toggle: 'snippets',
  // No part is required: when the adapter's reply box is not found (a page it does not know, or a changed page),
  // the palette works in whichever text box the agent is typing in (see replyBoxes).
  needs: { chat: [] },
  start(env) {
    const library = createLibrary(env);
    let state: PaletteState | null = null;
    let box: ReplyBox | null = null;
    /** The characters the insertion replaces: the typed "/query" (or nothing, at the caret). */
    let range = { start: 0, end: 0 };
    let host: HTMLElement | null = null;
    let container: HTMLElement | null = null;

    const settings = () => env.settings().snippets;
    const isBox = (target: EventTarget | null): target is ReplyBox => isReplyBox(env.parts, target);
    const triggerPattern = () => new RegExp(`(?:^|\\s)${escapeRegex(settings().trigger)}([^\\s${escapeRegex(settings().trigger)}]{0,24})$`);
    const shortcutPattern = () => new RegExp(`(?:^|\\s)${escapeRegex(settings().trigger)}([A-Za-z0-9]{1,16}) $`);

    const paint = () => {
      if (!state) return;
      if (!host) {
        ({ host, container } = createShadowHost('xiaoer-palette', paletteCss));
        // Keys typed in the palette's own fields are ours, not the page's shortcuts.
        for (const type of ['keydown', 'keyup', 'keypress', 'input']) host.addEventListener(type, (e) => e.stopPropagation());
        document.body.append(host);
      }
      render(<Palette state={state} actions={actions} />, container!);
    };

    const close = () => {
      state = null;
      if (container) render(null, container);
      host?.remove();
      host = container = null;
    };

    const position = (target: ReplyBox) => {
      const rect = target.getBoundingClientRect();
      return { left: Math.max(8, rect.left), bottom: Math.max(8, innerHeight - rect.top + 6), width: Math.min(Math.max(rect.width, 320), 560) };
    };

    const pageValues = async (): Promise<VariableValues> => {
      const { productCode, ...values } = readPageValues(env.parts, env.settings());
      if (productCode) {
        const code = normalizeCode(productCode);
        const hits = await lookUpStock([code]).catch(() => ({}) as Record<string, StockHit>);
        const hit = hits[code];
        if (hit) values.stock = String(hit.available);
      }
      return values;
    };

    const open = async (mode: PaletteState['mode'], target: ReplyBox, query: string, replace: { start: number; end: number }) => {
      box = target;
      range = replace;
      const index = await library.index();
      const values = await pageValues();
      if (env.signal.aborted) return;
      const { toneCheck, avoidRules } = settings();
      state = {
        mode,
        query,
        hits: search(index, query),
        selected: 0,
        values,
        form: null,
        error: null,
        avoidRules: toneCheck ? avoidRules : [],
        position: position(target),
      };
      paint();
    };

    const search = (index: SnippetIndex, query: string): Snippet[] =>
      searchSnippets(index, query, { limit: RESULTS }).map((hit) => library.byId(hit.id)!).filter(Boolean);

    const insert = (snippet: Snippet, text: string) => {
      const target = box;
      close();
      if (!target?.isConnected) return;
      insertIntoReplyBox(target, text, range);
      sendToWorker({ type: 'snippets.used', id: snippet.id }).catch(env.report);
      // The response clock counts the next reply sent in this conversation as sent with a snippet.
      env.emit('snippet-inserted', snippet.id);
    };

    const actions = {
      setQuery(query: string) {
        if (!state) return;
        void library.index().then((index) => {
          if (!state) return;
          state = { ...state, query, hits: search(index, query), selected: 0 };
          paint();
        });
      },
      select(index: number) {
        if (!state) return;
        state = { ...state, selected: index };
        paint();
      },
      choose(snippet: Snippet) {
        if (!state) return;
        const parts = parseTemplate(snippet.body);
        const unknown = parts.filter((p) => p.kind === 'unknown').map((p) => p.raw);
        if (unknown.length) {
          state = { ...state, error: t('paletteUnknownVariables', unknown.join(' ')) };
          return paint();
        }
        const missing = [...new Set(parts.flatMap((p) => (p.kind === 'var' && !state!.values[p.name]?.trim() ? [p.name] : [])))];
        const fields: PaletteField[] = [
          ...missing.map((name) => ({ label: `{${VARIABLES.find((v) => v.name === name)?.zh ?? name}}`, variable: name })),
          ...parts.flatMap((p) => (p.kind === 'input' ? [{ label: p.label }] : p.kind === 'choice' ? [{ label: p.label, options: p.options }] : [])),
        ];
        if (fields.length === 0) {
          const filled = fillTemplate(parts, state.values, []);
          if (filled.complete) return insert(snippet, filled.text);
        }
        const answers = fields.map((field) => {
          const prompt = parts.find((p) => p.kind === 'input' && p.label === field.label);
          return prompt && prompt.kind === 'input' ? prompt.defaultValue ?? '' : '';
        });
        state = { ...state, form: { snippet, fields, answers }, error: null };
        paint();
      },
      answer(index: number, value: string) {
        if (!state?.form) return;
        const answers = [...state.form.answers];
        answers[index] = value;
        state = { ...state, form: { ...state.form, answers } };
        paint();
      },
      submit() {
        if (!state?.form) return;
        const { form } = state;
        const filled = fillTemplate(parseTemplate(form.snippet.body), formValues(form, state.values), promptAnswers(form));
        if (!filled.complete) {
          state = { ...state, error: t('snippetMissing', filled.missing.join(' ')) };
          return paint();
        }
        insert(form.snippet, filled.text);
      },
      close,
    };

    // Typing in the reply box: the trigger opens and narrows the palette; "/hy " expands a shortcut.
    const onInput = (event: Event) => {
      if (!isBox(event.target)) return;
      const target = event.target;
      const before = textBeforeCaret(target) ?? '';
      const shortcut = shortcutPattern().exec(before);
      if (shortcut) {
        const snippet = library.byShortcut(shortcut[1]!.toLowerCase());
        if (snippet) {
          const start = before.length - shortcut[1]!.length - settings().trigger.length - 1;
          void open('trigger', target, '', { start, end: before.length }).then(() => actions.choose(snippet));
          return;
        }
      }
      const trigger = triggerPattern().exec(before);
      if (!trigger) {
        if (state?.mode === 'trigger' && !state.form) close();
        return;
      }
      const query = trigger[1]!;
      const replace = { start: before.length - query.length - settings().trigger.length, end: before.length };
      if (state && !state.form && box === target) {
        range = replace;
        actions.setQuery(query);
      } else {
        void open('trigger', target, query, replace);
      }
    };

    // While the palette follows the reply box, the box's arrow keys, Enter and Esc steer it (and do not send).
    const onKeyDown = (event: KeyboardEvent) => {
      // Esc in the reply box closes a palette opened by command or button too (before its search field has focus).
      if (state && !state.form && state.mode !== 'trigger' && event.key === 'Escape' && isBox(event.target)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return close();
      }
      if (!state || state.form || state.mode !== 'trigger' || !isBox(event.target)) return;
      const n = state.hits.length;
      const handled = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        handled();
        if (n) actions.select((state.selected + (event.key === 'ArrowDown' ? 1 : -1) + n) % n);
      } else if (event.key === 'Enter' && !event.isComposing) {
        handled();
        const current = state.hits[state.selected];
        if (current) actions.choose(current);
      } else if (event.key === 'Escape') {
        handled();
        close();
      } else if (event.key === 'Tab') {
        const current = state.hits[state.selected];
        if (current) {
          handled();
          actions.choose(current);
        }
      }
    };

    const openFromBox = () => {
      const target = currentReplyBox(env.parts);
      if (!target) return;
      const caret = (textBeforeCaret(target) ?? '').length;
      void open('search', target, '', { start: caret, end: caret });
    };

    document.addEventListener('input', onInput, { capture: true, signal: env.signal });
    document.addEventListener('keydown', onKeyDown, { capture: true, signal: env.signal });
    document.addEventListener(
      'mousedown',
      (event) => {
        if (state && host && !event.composedPath().includes(host)) close();
      },
      { capture: true, signal: env.signal },
    );
    env.onBroadcast('palette-open', openFromBox);
    // Another feature (order care) asks for the shop's snippet for a moment, e.g. the 核对地址 message.
    env.onBroadcast('palette-snippet', (detail) => {
      const wanted = detail as SnippetRequest;
      const target = currentReplyBox(env.parts);
      if (!target) return;
      void library.index().then(async () => {
        const snippet = library.find(wanted);
        const caret = (textBeforeCaret(target) ?? '').length;
        await open('search', target, snippet?.title ?? wanted.category, { start: caret, end: caret });
        if (snippet && state) actions.choose(snippet);
      });
    });
    const button = createBoxButton(env, openFromBox);
    return () => {
      close();
      button.remove();
    };
  },
};

/** The library as the content script sees it: loaded once from the worker, dropped when it changes. */
/** Which snippet another feature wants: the first of a category, optionally containing a word. */
export interface SnippetRequest {
  category: string;
  match?: string;
}

interface Library {
  index: SnippetIndex;
  byId: Map<string, Snippet>;
  byShortcut: Map<string, Snippet>;
}

function createLibrary(env: FeatureEnv) {
  let loading: Promise<Library> | null = null;
  let loaded: Library | null = null;
  const load = (): Promise<Library> =>
    (loading ??= sendToWorker({ type: 'snippets.all' }).then((snippets) => {
      const library: Library = {
        index: buildSnippetIndex(snippets),
        byId: new Map(snippets.map((s) => [s.id, s])),
        byShortcut: new Map(snippets.flatMap((s) => (s.shortcut ? [[s.shortcut, s] as const] : []))),
      };
      loaded = library;
      return library;
    }));
  env.onBroadcast('snippets-changed', () => {
    loading = null;
    loaded = null;
    void load().catch(env.report);
  });
  // Load early, so the first "/" opens at once.
  void load().catch(env.report);
  return {
    index: async () => (await load()).index,
    byId: (id: string) => loaded?.byId.get(id),
    byShortcut: (shortcut: string) => loaded?.byShortcut.get(shortcut),
    find: ({ category, match }: SnippetRequest) =>
      [...(loaded?.byId.values() ?? [])]
        .filter((s) => s.category === category && (!match || s.title.includes(match) || s.body.includes(match)))
        .sort((a, b) => a.order - b.order)[0],
  };
}

/** A small "话术" button at the reply box's top-right corner; follows the box as the page lays out. */
function createBoxButton(env: FeatureEnv, onClick: () => void): HTMLElement {
  const { host, container } = createShadowHost('xiaoer-snippet-button', paletteCss);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'box-button';
  button.textContent = t('paletteButton');
  button.title = t('paletteButtonTitle', env.settings().snippets.trigger);
  button.addEventListener('mousedown', (e) => e.preventDefault());
  button.addEventListener('click', onClick);
  container.append(button);
  document.body.append(host);
  const place = () => {
    const target = env.parts.first('replyInput');
    const rect = target?.getBoundingClientRect();
    host.style.display = rect && rect.width ? '' : 'none';
    if (!rect) return;
    button.style.top = `${rect.top + 4}px`;
    button.style.left = `${rect.right - button.offsetWidth - 8}px`;
  };
  place();
  env.onDomChange(place);
  addEventListener('resize', place, { signal: env.signal });
  addEventListener('scroll', place, { capture: true, passive: true, signal: env.signal });
  return host;
}
