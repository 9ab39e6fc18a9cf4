import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparableText } from '@/utils/snippets/insert/confirm';
import { EDITORS, KEYS_ONLY } from '../editors/editors.mjs';
import { startEditorServer } from '../editors/server.mjs';
import { cannotRunIn, sendFromPage, startHarness, waitForTabHealth, type Harness } from './harness';

// The editor matrix (test/editors): every page is a real editor library bundled from the lockfile's packages, served
// on 127.0.0.1 where the demo build's content script runs and gives an undescribed page the generic palette. The
// agent has a draft and the caret in it; the snippet goes in through the palette opened with `/`, and what counts is
// the editor's own state (window.__state reads React state, the Vue ref, editorState, view.state.doc, Slate's
// model, quill.getText(), CKEditor's model …) and what the page's send button sends from it.

const SHORT = { title: '矩阵短句', body: '您好，已为您登记', category: '咨询/沟通', tags: [] };
const LINES = { title: '矩阵分行', body: '第一行\n第二行\n第三行', category: '咨询/沟通', tags: [] };
const DRAFT = '草稿：';

/** A page of test/editors/editors.mjs. */
interface Editor {
  name: string;
  frame?: boolean;
  shadow?: boolean;
  box?: string;
  undo?: boolean;
  undoGroupMs?: number;
}

/** What each editor page offers the test (test/editors/pages/send-bar.ts). */
declare global {
  interface Window {
    __state(): string;
    __sent: string[];
    __ready: boolean;
  }
}

describe('snippets land in every editor', () => {
  let h: Harness;
  let editors: Awaited<ReturnType<typeof startEditorServer>>;
  const errors: string[] = [];
  beforeAll(async () => {
    [h, editors] = await Promise.all([startHarness(), startEditorServer()]);
    const options = await h.openExtensionPage('options.html#snippets');
    for (const draft of [SHORT, LINES]) expect(await sendFromPage(options, { type: 'snippets.save', draft })).toMatchObject({ ok: true });
    await options.close();
  });
  afterAll(async () => {
    await h?.close();
    await editors?.close();
  });

  async function openEditor(editor: Editor): Promise<Page> {
    const page = await h.browser.newPage();
    page.on('pageerror', (error) => errors.push(`${editor.name}: ${String(error)}`));
    await page.goto(editors.url(editor.name), { waitUntil: 'load' });
    await page.waitForFunction(() => window.__ready === true, { polling: 50 });
    // The palette runs once the content script has picked the page: the generic one.
    await waitForTabHealth(h, page, (health) => health.generic === true && health.features['snippet-palette'] === 'running');
    return page;
  }

  /** The frame the editor's box is in (the iframe page's inner document, else the page). */
  const boxFrame = (page: Page, editor: Editor): Frame =>
    editor.frame ? page.frames().find((frame) => frame.url().endsWith('/editors/iframe-inner'))! : page.mainFrame();
  const boxSelector = (editor: Editor) => (editor.shadow ? 'chat-composer >>> [data-editor-box]' : (editor.box ?? '[data-editor-box]'));

  async function focusBox(page: Page, editor: Editor) {
    const box = await boxFrame(page, editor).waitForSelector(boxSelector(editor));
    await box!.click();
  }

  /**
   * Select all and delete, as the agent does. After an undo Slate takes the caret back a frame later, and Ctrl+A
   * before that selects nothing in the editor: the keys wait until the selection is in the box and two frames passed.
   */
  async function clearBox(page: Page, editor: Editor) {
    await focusBox(page, editor);
    const box = await boxFrame(page, editor).waitForSelector(boxSelector(editor));
    await box!.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          const giveUp = Date.now() + 3000; // then the state check below says what the box holds
          const check = () => {
            const root = el.getRootNode() as Document & { getSelection?: () => Selection | null };
            const anchor = (root.getSelection?.() ?? document.getSelection())?.anchorNode;
            const caretInBox = el instanceof HTMLTextAreaElement || (!!anchor && (el.contains(anchor) || anchor === (root as unknown as ShadowRoot).host));
            if ((el.matches(':focus, :focus-within') && caretInBox) || Date.now() > giveUp) requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
            else requestAnimationFrame(check);
          };
          check();
        }),
    );
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await waitForState(page, '');
  }

  /** What the box shows (its text as the browser lays it out). */
  const shown = (page: Page, editor: Editor) =>
    boxFrame(page, editor).$eval(boxSelector(editor), (el) => ((el as HTMLTextAreaElement).value ?? (el as HTMLElement).innerText) as string);
  const state = (page: Page) => page.evaluate(() => window.__state());
  const waitForState = (page: Page, expected: string) =>
    page.waitForFunction((text) => window.__state() === text, { timeout: 5000, polling: 50 }, expected).catch(async (error) => {
      throw new Error(`state ${JSON.stringify(await state(page))}, expected ${JSON.stringify(expected)}: ${error}`);
    });

  /** Types `/` + the search as the agent does and chooses the first result with Enter. */
  async function insertBySlash(page: Page, query: string, title: string, screenshot?: string) {
    await page.keyboard.type(`/${query}`);
    await page.waitForFunction(
      (t) => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent === t,
      { polling: 50, timeout: 5000 },
      title,
    ).catch(async (error) => {
      const palette = await page.evaluate(() => document.querySelector('xiaoer-palette')?.shadowRoot?.textContent ?? null);
      throw new Error(`palette ${JSON.stringify(palette)} with state ${JSON.stringify(await state(page))}: ${error}`);
    });
    if (screenshot) await page.screenshot({ path: screenshot });
    await page.keyboard.press('Enter');
  }

  async function expectSent(page: Page, editor: Editor, expected: string) {
    expect(comparableText(await shown(page, editor))).toBe(comparableText(expected));
    await page.click('button.send');
    expect(await page.evaluate(() => window.__sent.at(-1))).toBe(expected);
  }

  const undoKey = (page: Page) => page.keyboard.down('Control').then(() => page.keyboard.press('z')).then(() => page.keyboard.up('Control'));

  it.each(EDITORS.map((editor) => [editor.name, editor] as const))('%s: at the caret, draft kept, no trigger left, one undo step, two in a row, lines kept', async (_name, editor) => {
    const page = await openEditor(editor);
    await focusBox(page, editor);
    await page.keyboard.type(`${DRAFT}！`);
    await page.keyboard.press('ArrowLeft'); // the caret in the draft, before its last character
    await waitForState(page, `${DRAFT}！`);
    // The agent pauses before reaching for a snippet (ProseMirror folds edits within 0.5 s into one undo step, Quill
    // within 1 s: typed as fast as puppeteer types, the draft and the snippet would be one step).
    const groupMs = editor.undoGroupMs;
    if (groupMs) await new Promise((resolve) => setTimeout(resolve, groupMs + 100));

    // A look at the palette over a rich editor (the PNG is left in the temp folder).
    await insertBySlash(page, 'jzdj', SHORT.title, editor.name === 'ckeditor' ? join(tmpdir(), 'xiaoer-palette-ckeditor.png') : undefined);
    const once = `${DRAFT}${SHORT.body}！`;
    await waitForState(page, once);
    await page.waitForFunction(() => !document.querySelector('xiaoer-palette'), { polling: 50 });
    await expectSent(page, editor, once);

    if (editor.undo) {
      await focusBox(page, editor);
      await page.keyboard.press('End');
      await undoKey(page);
      await page.waitForFunction((body) => !window.__state().includes(body), { polling: 50, timeout: 5000 }, SHORT.body);
      // The snippet is gone, the draft kept: what it replaced (the typed `/jzdj`) may come back as it was typed.
      expect([`${DRAFT}！`, `${DRAFT}/jzdj！`]).toContain(await state(page));
    }

    // A fresh draft: two snippets in a row, the second of several lines.
    await clearBox(page, editor);
    await page.keyboard.type(DRAFT);
    await insertBySlash(page, 'jzdj', SHORT.title);
    await waitForState(page, DRAFT + SHORT.body);
    await insertBySlash(page, 'jzfh', LINES.title);
    const twice = DRAFT + SHORT.body + LINES.body;
    await waitForState(page, twice);
    await expectSent(page, editor, twice);
    expect(errors).toEqual([]);
    await page.close();
  });

  const byName = (name: string) => EDITORS.find((editor) => editor.name === name)!;
  const queryShown = (page: Page, text: string) =>
    page.waitForFunction((q) => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('.query')?.textContent === q, { polling: 50, timeout: 5000 }, text);

  // Firefox: BiDi has no input-method composition (CDP's Input.imeSetComposition is Chromium's); README, Firefox.
  const noIme = cannotRunIn('firefox', 'editors IME: composition is driven over CDP (Input.imeSetComposition), which WebDriver BiDi has no equivalent of');
  it.skipIf(noIme).each([['textarea'], ['lexical']])('%s: `、` from a Chinese input method opens it after Chinese text, and the pinyin committed after it searches', async (name) => {
    const editor = byName(name);
    const page = await openEditor(editor);
    await focusBox(page, editor);
    await page.keyboard.type(DRAFT);
    // The IME in Chinese mode: the `/` key composes and commits `、`; then pinyin typed as a composition, committed as
    // Chinese words (Chromium's own composition events, driven through CDP as an input method drives them).
    const ime = await page.createCDPSession();
    await ime.send('Input.imeSetComposition', { text: '、', selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.insertText', { text: '、' });
    await page.waitForSelector('xiaoer-palette >>> li[role="option"]', { timeout: 5000 });
    await ime.send('Input.imeSetComposition', { text: 'jzdj', selectionStart: 4, selectionEnd: 4 });
    await ime.send('Input.insertText', { text: '矩阵短句' });
    await queryShown(page, '/矩阵短句');
    await page.keyboard.press('Enter');
    await waitForState(page, DRAFT + SHORT.body);
    await expectSent(page, editor, DRAFT + SHORT.body);
    await page.close();
  });

  it('does not open inside URLs, dates or fractions, and opens after Chinese punctuation', async () => {
    const editor = byName('textarea');
    const page = await openEditor(editor);
    await focusBox(page, editor);
    const plain = '见 https://a/b 2026/12/01 1/2 and/or ';
    await page.keyboard.type(plain + DRAFT);
    await insertBySlash(page, 'jzdj', SHORT.title);
    await waitForState(page, plain + DRAFT + SHORT.body);
    // Opened once in all that typing: for the `/` after `：` only.
    await waitForTabHealth(h, page, (health) => health.figures['palette.opened'] === 1);
    await page.close();
  });

  it('says so and puts the snippet on the clipboard when no method reaches the editor, never reporting success', async () => {
    const page = await openEditor(KEYS_ONLY);
    await h.allowClipboard(editors.origin);
    await focusBox(page, KEYS_ONLY);
    // Typed keys only (Chinese would come through the input method, which this editor refuses too).
    await page.keyboard.type('draft /jzdj');
    await waitForState(page, 'draft /jzdj');
    await page.waitForFunction(() => document.querySelector('xiaoer-palette')?.shadowRoot?.querySelector('li[role="option"] .title')?.textContent === '矩阵短句', { polling: 50 });
    await page.keyboard.press('Enter');
    const notice = await page.waitForSelector('xiaoer-palette >>> [role="alert"]', { timeout: 5000 });
    expect(await notice!.evaluate((el) => el.textContent)).toBe('没能把话术放进这个编辑框：已复制，按 Ctrl+V 粘贴');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(SHORT.body);
    expect(await state(page)).toBe('draft /jzdj');
    // The next key the agent presses takes the notice away.
    await page.keyboard.press('Shift');
    await page.waitForFunction(() => !document.querySelector('xiaoer-palette'), { polling: 50 });
    await page.close();
  });
});
