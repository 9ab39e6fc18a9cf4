import { Palette, type PaletteActions, type PaletteState } from '@/components/snippets/Palette';
import paletteCss from '@/components/snippets/palette.css?inline';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { Feature } from '@/utils/runtime/feature';
import { insertIntoReplyBox, restoreCaret, textBeforeCaret, type ReplyBox } from '@/utils/snippets/insert-text';
import { currentReplyBox, isReplyBox } from '@/utils/snippets/reply-boxes';
import { readPageValues } from '@/utils/snippets/page-values';
import { searchSnippets, type SnippetIndex } from '@/utils/snippets/search/snippet-index';
import type { Snippet } from '@/utils/snippets/snippet';
import type { VariableValues } from '@/utils/snippets/template';
import { normalizeCode } from '@/utils/stock/normalize-code';
import { lookUpStock } from '@/utils/stock/lookup-client';
import type { StockHit } from '@/utils/stock/stock-index';
import { createFloatingPanel } from '@/utils/ui/floating-panel';
import { placeNear } from '@/utils/ui/placement';
import { createBoxButton } from './snippet-palette/box-button';
import { answerField, chooseSnippet, submitForm, type PaletteStep } from './snippet-palette/palette-form';
import { createSnippetLibrary, type SnippetRequest } from './snippet-palette/snippet-library';

/** Search results the palette lists. */
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
  needs: { chat: [], generic: [] },
  start(env) {
    const library = createSnippetLibrary(env);
    let state: PaletteState | null = null;
    /** The reply box the palette inserts into. */
    let box: ReplyBox | null = null;
    /** The characters the insertion replaces: the typed "/query" (or nothing, at the caret). */
    let range = { start: 0, end: 0 };
    const panel = createFloatingPanel('xiaoer-palette', paletteCss, (host) => {
      // Keys typed in the palette's own fields are ours, not the page's shortcuts.
      for (const type of ['keydown', 'keyup', 'keypress', 'input']) host.addEventListener(type, (e) => e.stopPropagation());
    });

    const settings = () => env.settings().snippets;
    const isBox = (target: EventTarget | null): target is ReplyBox => isReplyBox(env.parts, target);
    const triggerPattern = () => new RegExp(`(?:^|\\s)${escapeRegex(settings().trigger)}([^\\s${escapeRegex(settings().trigger)}]{0,24})$`);
    const shortcutPattern = () => new RegExp(`(?:^|\\s)${escapeRegex(settings().trigger)}([A-Za-z0-9]{1,16}) $`);

    const paint = () => {
      if (state) panel.show(<Palette state={state} actions={actions} />);
    };

    const close = () => {
      state = null;
      panel.close();
    };

    /** Above the reply box, at least as wide as a result line and at most as wide as a comfortable read. */
    const position = (target: ReplyBox): PaletteState['position'] => {
      const anchor = target.getBoundingClientRect();
      const width = Math.min(Math.max(anchor.width, 320), 560);
      return { ...placeNear(anchor, { width, height: 0 }, 'above'), width };
    };

    /** What the page shows for the snippet's variables, with the product's real stock asked of the worker. */
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

    /** Counts the openings: typing on while one is still loading opens again, and only the newest may draw. */
    let openings = 0;
    const open = async (mode: PaletteState['mode'], target: ReplyBox, query: string, replace: { start: number; end: number }) => {
      const opening = ++openings;
      box = target;
      range = replace;
      const index = await library.index();
      const values = await pageValues();
      // A later keystroke opened again meanwhile (its query is the current one), or the feature stopped.
      if (env.signal.aborted || opening !== openings) return;
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

    /** Draws the palette's next state, or inserts the text the form led to. */
    const go = (step: PaletteStep) => {
      if ('insert' in step) return insert(step.insert.snippet, step.insert.text);
      state = step.state;
      paint();
    };

    const actions: PaletteActions = {
      setQuery(query) {
        if (!state) return;
        void library.index().then((index) => {
          if (!state) return;
          state = { ...state, query, hits: search(index, query), selected: 0 };
          paint();
        });
      },
      select(index) {
        if (!state) return;
        state = { ...state, selected: index };
        paint();
      },
      choose(snippet) {
        if (state) go(chooseSnippet(state, snippet));
      },
      answer(index, value) {
        if (!state?.form) return;
        state = answerField(state, index, value);
        paint();
      },
      submit() {
        if (state?.form) go(submitForm(state));
      },
      close() {
        // Closed from the palette itself (Esc in its form or search, ×): back to the reply box, caret where it was.
        const target = box;
        close();
        if (target?.isConnected) restoreCaret(target, range.end);
      },
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
      const hitCount = state.hits.length;
      const handled = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        handled();
        if (hitCount) actions.select((state.selected + (event.key === 'ArrowDown' ? 1 : -1) + hitCount) % hitCount);
      } else if (event.key === 'Enter' && !event.isComposing) {
        // Chosen first, taken from the page after: if choosing throws, the page still gets its Enter.
        const current = state.hits[state.selected];
        if (current) actions.choose(current);
        handled();
      } else if (event.key === 'Escape') {
        handled();
        close();
      } else if (event.key === 'Tab') {
        const current = state.hits[state.selected];
        if (current) {
          actions.choose(current);
          handled();
        }
      }
    };

    /** The keyboard command and the box button: the palette with its search field, inserting at the caret. */
    const openFromBox = () => {
      const target = currentReplyBox(env.parts);
      if (!target) return;
      const caret = (textBeforeCaret(target) ?? '').length;
      void open('search', target, '', { start: caret, end: caret });
    };

    // The browser calls these, not the registry: guarded, so an error stops the palette alone and is logged.
    document.addEventListener('input', env.guard(onInput), { capture: true, signal: env.signal });
    document.addEventListener('keydown', env.guard(onKeyDown), { capture: true, signal: env.signal });
    document.addEventListener(
      'mousedown',
      env.guard((event: MouseEvent) => {
        if (state && panel.host && !event.composedPath().includes(panel.host)) close();
      }),
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
