import { Palette, type PaletteActions, type PaletteState } from '@/components/snippets/Palette';
import paletteCss from '@/components/snippets/palette.css?inline';
import { sendToWorker } from '@/utils/messaging/send-to-worker';
import type { Feature } from '@/utils/runtime/feature';
import { t } from '@/utils/i18n';
import { restoreCaret, textBeforeCaret, type ReplyBox } from '@/utils/snippets/insert-text';
import { insertSnippet } from '@/utils/snippets/insert/insert-snippet';
import { copyToClipboard } from '@/utils/snippets/insert/clipboard';
import { currentReplyBox, eventBox, isReplyBox } from '@/utils/snippets/reply-boxes';
import { findShortcut, findTrigger } from '@/utils/snippets/trigger';
import { watchFrameDocuments } from '@/utils/runtime/frame-documents';
import { rectInPage } from '@/utils/ui/rect-in-page';
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
/** How long the notice about a snippet that did not go in stays (it also goes at the next key or click). */
const NOTICE_MS = 8000;
/** Room the palette needs above the box to open there (results and a preview); the margin it keeps to the edge. */
const COMFORTABLE_HEIGHT = 260;
const PANEL_MARGIN = 16;

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
    /** Openings so far, for the popup's figures (and the tests: the palette opened exactly when it should). */
    let opened = 0;

    const paint = () => {
      if (state) panel.show(<Palette state={state} actions={actions} />);
    };

    const close = () => {
      state = null;
      panel.close();
    };

    /**
     * Above the reply box (below it when there is more room there and too little above, e.g. a box near the top of
     * the page), at least as wide as a result line and at most as wide as a comfortable read.
     */
    const position = (target: ReplyBox): PaletteState['position'] => {
      const anchor = rectInPage(target);
      const width = Math.min(Math.max(anchor.width, 320), 560);
      const roomAbove = anchor.top - PANEL_MARGIN;
      const roomBelow = window.innerHeight - anchor.bottom - PANEL_MARGIN;
      if (roomAbove >= COMFORTABLE_HEIGHT || roomAbove >= roomBelow) {
        return { ...placeNear(anchor, { width, height: 0 }, 'above'), width, maxHeight: Math.min(roomAbove, window.innerHeight * 0.6) };
      }
      const below = placeNear(anchor, { width, height: 0 }, 'below');
      return { left: below.left, top: below.top, width, maxHeight: Math.min(roomBelow, window.innerHeight * 0.6) };
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
      env.publish('palette.opened', ++opened);
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

    const insert = async (snippet: Snippet, text: string) => {
      const target = box;
      const where = state?.position;
      close();
      if (!target?.isConnected) return;
      // A fault inside insertion (the page's editor threw) is logged and handled as text that did not land: the
      // Enter is already taken, so the agent is told and the snippet goes on the clipboard.
      const outcome = await insertSnippet(target, text, range).catch(async (error: unknown) => {
        env.report(error);
        return { ok: false as const, copied: await copyToClipboard(text, target.ownerDocument).catch(() => false), changed: false };
      });
      if (!outcome.ok) return showNotice(outcome.copied ? t('snippetInsertCopied') : t('snippetInsertFailed'), where ?? position(target));
      sendToWorker({ type: 'snippets.used', id: snippet.id }).catch(env.report);
      // The response clock counts the next reply sent in this conversation as sent with a snippet.
      env.emit('snippet-inserted', snippet.id);
    };

    /** Tells the agent the snippet did not go in (never a silent failure), where the palette was. */
    let noticeTimer: ReturnType<typeof setTimeout> | undefined;
    const showNotice = (notice: string, where: PaletteState['position']) => {
      state = { mode: 'trigger', query: '', hits: [], selected: 0, values: {}, form: null, error: null, avoidRules: [], position: where, notice };
      paint();
      clearTimeout(noticeTimer);
      noticeTimer = setTimeout(env.guard(() => state?.notice && close()), NOTICE_MS);
    };

    /** Draws the palette's next state, or inserts the text the form led to. */
    const go = (step: PaletteStep) => {
      if ('insert' in step) return void insert(step.insert.snippet, step.insert.text).catch(env.report);
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
    // While an input method composes, the box holds uncommitted text: the palette waits for compositionend, where the
    // IME's commit (a `、`, or the Chinese words typed in pinyin after it) is in the box.
    const onInput = (event: Event) => {
      if ((event as InputEvent | KeyboardEvent).isComposing) return;
      const target = eventBox(event);
      if (!isBox(target)) return;
      if (state?.notice) close();
      const before = textBeforeCaret(target) ?? '';
      const shortcut = findShortcut(before, settings().trigger);
      if (shortcut) {
        const snippet = library.byShortcut(shortcut.code.toLowerCase());
        if (snippet) {
          void open('trigger', target, '', { start: shortcut.start, end: before.length }).then(() => actions.choose(snippet));
          return;
        }
      }
      const trigger = findTrigger(before, settings().trigger);
      if (!trigger) {
        if (state?.mode === 'trigger' && !state.form) close();
        return;
      }
      const query = trigger.query;
      const replace = { start: trigger.start, end: before.length };
      if (state && !state.form && box === target) {
        range = replace;
        actions.setQuery(query);
      } else {
        void open('trigger', target, query, replace);
      }
    };

    // While the palette follows the reply box, the box's arrow keys, Enter and Esc steer it (and do not send).
    const onKeyDown = (event: KeyboardEvent) => {
      // Keys that go to an input method's candidates are not ours.
      if (event.isComposing || event.keyCode === 229) return;
      if (state?.notice) return close();
      const target = eventBox(event);
      // Esc in the reply box closes a palette opened by command or button too (before its search field has focus).
      if (state && !state.form && state.mode !== 'trigger' && event.key === 'Escape' && isBox(target)) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return close();
      }
      if (!state || state.form || state.mode !== 'trigger' || !isBox(target)) return;
      const hitCount = state.hits.length;
      const handled = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        handled();
        if (hitCount) actions.select((state.selected + (event.key === 'ArrowDown' ? 1 : -1) + hitCount) % hitCount);
      } else if (event.key === 'Enter') {
        // Chosen first, taken from the page after: if choosing throws, the page still gets its Enter. With nothing
        // found (e.g. `、` typed as the enumeration comma) the Enter is the page's.
        const current = state.hits[state.selected];
        if (!current) return close();
        actions.choose(current);
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
    // On the page's document and in every same-origin iframe's (editors built in a frame).
    const guardedInput = env.guard(onInput);
    const guardedKeyDown = env.guard(onKeyDown);
    const onMouseDown = env.guard((event: MouseEvent) => {
      if (state && panel.host && !event.composedPath().includes(panel.host)) close();
    });
    watchFrameDocuments(env, (doc) => {
      const options = { capture: true, signal: env.signal };
      doc.addEventListener('input', guardedInput, options);
      doc.addEventListener('compositionend', guardedInput, options);
      // Editors that cancel every `beforeinput` and draw the typed key themselves fire no `input`: for a key that
      // brought none, its release is when their text is there.
      let inputSinceKey = false;
      doc.addEventListener('keydown', () => (inputSinceKey = false), options);
      doc.addEventListener('input', () => (inputSinceKey = true), options);
      doc.addEventListener('keyup', (event) => !inputSinceKey && (event.key.length === 1 || event.key === 'Backspace') && guardedInput(event), options);
      doc.addEventListener('keydown', guardedKeyDown, options);
      doc.addEventListener('mousedown', onMouseDown, options);
    });
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
      clearTimeout(noticeTimer);
      close();
      button.remove();
    };
  },
};
