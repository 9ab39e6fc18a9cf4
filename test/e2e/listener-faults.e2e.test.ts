import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotRunIn, sendFromPage, startHarness, type Harness } from './harness';

const THANKS = { title: '感谢支持', body: '谢谢亲的支持～', category: '欢送/好评', tags: [] };

/**
 * Runs `expression` in Xiaoer's content-script world of the page (an isolated world: its DOM prototypes are its own,
 * so a fault put there hits Xiaoer's code alone, never the page's).
 */
async function inContentScript(page: Page, expression: string): Promise<void> {
  const cdp = await page.createCDPSession();
  const contexts: { id: number; name: string; auxData?: { type?: string; frameId?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  const frameId = (page.mainFrame() as unknown as { _id: string })._id;
  const world = () => contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameId && /小二|Xiaoer/.test(c.name));
  for (let i = 0; i < 50 && !world(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!world()) throw new Error(`no content-script world among ${JSON.stringify(contexts.map((c) => [c.name, c.auxData]))}`);
  const result = await cdp.send('Runtime.evaluate', { expression, contextId: world()!.id });
  if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
  await cdp.detach();
}

// The fault is put into the content script's own world over CDP (Runtime.evaluate in its isolated world); WebDriver
// BiDi does not expose Firefox's content-script sandboxes, and a change to the page's prototypes never reaches them.
describe.skipIf(cannotRunIn('firefox', "listener-faults: needs CDP to reach the content script's isolated world"))('an error in a listener the browser calls', () => {
  let h: Harness;
  let options: Page;
  beforeAll(async () => {
    h = await startHarness();
    options = await h.openExtensionPage('options.html#log');
    expect(await sendFromPage(options, { type: 'snippets.save', draft: THANKS })).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  async function waitForLog(scope: string, text: string): Promise<void> {
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const { data } = await sendFromPage(options, { type: 'log.list' });
      if ((data as { scope: string; message: string }[]).some((e) => e.scope === scope && e.message.includes(text))) return;
    }
    throw new Error(`no log entry of ${scope} with “${text}”`);
  }

  it('palette: an error inside insertion lands in the log, the agent is told, and the draft stays', async () => {
    const page = await h.openConsole('/console/chat?script=off&uid=2208800106');
    await page.waitForSelector('xiaoer-snippet-button');
    await page.click('textarea.reply-input');
    await page.keyboard.type('/ganxiezhichi');
    await page.waitForSelector('xiaoer-palette >>> li[role="option"]');
    // Inserting the snippet fails inside Xiaoer (the page's own focus() is untouched).
    await inContentScript(page, `HTMLTextAreaElement.prototype.focus = function () { throw new Error('injected fault'); }`);
    await page.keyboard.press('Enter');
    await waitForLog('snippet-palette', 'injected fault');
    // Never a silent failure: the palette says the text did not go in.
    const notice = await page.waitForSelector('xiaoer-palette >>> .palette.notice[role="alert"]', { timeout: 5000 });
    expect(await notice!.evaluate((n) => n.textContent)).toMatch(/没能把话术放进这个编辑框/);
    // Nothing the agent typed was lost.
    expect(await page.$eval('textarea.reply-input', (el) => (el as HTMLTextAreaElement).value)).toBe('/ganxiezhichi');
    await page.close();
  });

  it("the net: a rejection from Xiaoer's own code no guard covers lands in the log", async () => {
    const page = await h.openConsole('/console/chat?script=off&uid=2208800106');
    await page.waitForSelector('xiaoer-snippet-button');
    await page.click('textarea.reply-input');
    // Xiaoer also measures the box after an await (opening the palette): such a promise rejects, outside any guard.
    await inContentScript(page, `HTMLTextAreaElement.prototype.getBoundingClientRect = function () { throw new Error('injected rejection'); }`);
    await page.keyboard.type('/ganxiezhichi');
    await waitForLog('content-script', 'injected rejection');
    await page.close();
  });
});
