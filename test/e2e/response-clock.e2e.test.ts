import { readFileSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, withinOneDay, type Harness } from './harness';

// The demo console shows Beijing time, as the real consoles do for agents in China; the browser runs in the same
// zone, so page times (HH:mm:ss) and the browser's clock agree. Chromium inherits this from the environment.
process.env.TZ = 'Asia/Shanghai';

interface Step { at: number; uid: string; from?: 'buyer' | 'agent' | 'order'; text?: string; snippet?: string }
const scriptFile = JSON.parse(readFileSync('test/demo/data/chat-script.json', 'utf8')) as {
  typingMs: number;
  scripts: Record<string, Step[]>;
};

/** The wait badge Xiaoer put in a conversation-list item: its text and tone, or null when there is none. */
function listBadge(page: Page, uid: string): Promise<{ text: string; tone: string } | null> {
  return page.evaluate((u) => {
    const host = document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`);
    const badge = host?.shadowRoot?.querySelector('div.wait') as HTMLElement | null | undefined;
    return badge ? { text: badge.textContent ?? '', tone: badge.dataset.tone ?? '' } : null;
  }, uid);
}

/**
 * Waits for the list item's wait badge (of `tone` when given) and returns it as read in that same look: the console
 * draws its list anew as messages arrive, and the badge is put back on the new item a moment later.
 */
async function waitForListBadge(page: Page, uid: string, tone?: string, timeout = 20_000): Promise<{ text: string; tone: string }> {
  const handle = await page.waitForFunction(
    (u, wanted) => {
      const badge = document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`)?.shadowRoot?.querySelector('div.wait') as HTMLElement | null | undefined;
      if (!badge || (wanted && badge.dataset.tone !== wanted)) return null;
      return { text: badge.textContent ?? '', tone: badge.dataset.tone ?? '' };
    },
    { timeout, polling: 100 },
    uid,
    tone ?? '',
  );
  return (await handle.jsonValue())!;
}

/** The chat as Xiaoer and the page show it: each list item (uid, active, wait badge) and the bar above the reply box. */
function chatState(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const items = [...document.querySelectorAll('li.conv-item')].map((li) => {
        const badge = li.querySelector('xiaoer-wait')?.shadowRoot?.querySelector('div.wait') as HTMLElement | null | undefined;
        return `${li.getAttribute('data-uid')}${li.classList.contains('is-active') ? '*' : ''} ${badge ? `${badge.dataset.tone}:${badge.textContent}` : '-'} (${li.querySelector('.conv-time')?.textContent ?? ''})`;
      });
      const bar = document.querySelector('xiaoer-wait-bar')?.shadowRoot?.querySelector('[data-testid="wait-bar"]');
      return `${new Date().toISOString()} list: ${items.join(', ')}; bar: ${bar ? `${bar.getAttribute('data-tone')}:${bar.textContent}` : 'none'}`;
    })
    .catch((error: Error) => `(page not readable: ${error.message})`);
}

/** Runs one awaited step; should it fail, the error names the step and what the chat showed then. */
async function step<T>(page: Page, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}\n${await chatState(page)}`, { cause: error });
  }
}

const secondsOf = (text: string) => {
  const m = /(?:(\d+)时)?(?:(\d+)分)?(?:(\d+)秒)?/.exec(text)!;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
};

/**
 * The day figures the popup must show, computed from the script alone: waits begin with a buyer message while the
 * buyer is not already waiting, and end with the agent's reply (sent at `at`). Every buyer in the script starts
 * answered or new (checked against the page at the start of the test). Target 10 s (the default).
 */
function expectedFigures(steps: Step[], targetSeconds = 10) {
  const waitingSince = new Map<string, number>();
  const firstResponse = new Map<string, number>();
  const inquiries = new Set<string>();
  const served = new Set<string>();
  const ordered = new Set<string>();
  let replies = 0;
  let snippetReplies = 0;
  for (const step of [...steps].sort((a, b) => a.at - b.at)) {
    if (!step.from || step.from === 'buyer') {
      inquiries.add(step.uid);
      if (!waitingSince.has(step.uid)) waitingSince.set(step.uid, step.at);
    } else if (step.from === 'agent') {
      replies++;
      if (step.snippet) snippetReplies++;
      served.add(step.uid);
      const since = waitingSince.get(step.uid);
      if (since != null && !firstResponse.has(step.uid)) firstResponse.set(step.uid, step.at - since);
      waitingSince.delete(step.uid);
    } else if (step.from === 'order') {
      ordered.add(step.uid);
    }
  }
  const times = [...firstResponse.values()].sort((a, b) => a - b);
  const mid = times.length >> 1;
  const median = times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2;
  const p90 = times[Math.ceil(0.9 * times.length) - 1]!;
  const within = times.filter((ms) => ms <= targetSeconds * 1000).length;
  // The agent opens each conversation it answers, where the order card shows: those buyers' orders are seen.
  const seen = [...inquiries].filter((uid) => served.has(uid));
  const orderedSeen = seen.filter((uid) => ordered.has(uid)).length;
  const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;
  return {
    unanswered: waitingSince.size,
    buyers: [...inquiries],
    figures: {
      served: String(served.size),
      'median-first': `${Math.round(median / 1000)} 秒`,
      'p90-first': `${Math.round(p90 / 1000)} 秒`,
      'within-target': `${pct(within, times.length)} (${within}/${times.length})`,
      'snippet-replies': `${snippetReplies}/${replies}`,
      conversion: `${pct(orderedSeen, seen.length)} (${orderedSeen}/${seen.length})`,
    },
  };
}

describe('response clock', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts a waiting buyer up live, turns amber at the target, jumps to the longest wait, and stops on a reply', async () => {
    const page = await h.openConsole('/console/chat?reset=1');
    const tabId = await h.tabIdOf(page);
    // 柠檬不萌 is a new buyer: their first message arrives on the demo's timer (5 s).
    const NEW = '2208800201';
    const first = await step(page, `${NEW}'s wait badge appears`, () => waitForListBadge(page, NEW));
    expect(first.tone).toBe('calm');
    expect(first.text).toContain('首问');
    expect(secondsOf(first.text)).toBeLessThan(10);
    const amber = await step(page, `${NEW}'s wait badge turns amber`, () => waitForListBadge(page, NEW, 'amber'));
    await page.screenshot({ path: '/tmp/clock-chat.png' });
    expect(secondsOf(amber.text)).toBeGreaterThanOrEqual(10);
    expect(secondsOf(amber.text)).toBeLessThan(30);
    expect(secondsOf(amber.text)).toBeGreaterThan(secondsOf(first.text));

    // The extension icon counts the buyers past the target (default setting: badge on).
    const worker = await h.worker();
    await expect.poll(() => worker.evaluate(() => (chrome.action ?? (chrome as unknown as { browserAction: typeof chrome.action }).browserAction).getBadgeText({})), { timeout: 10_000, interval: 200 }).not.toBe('');

    // The buyer waiting longest, from the demo's own state: the earliest first unanswered buyer message.
    const expectedLongest = await page.evaluate(() => {
      const chat = JSON.parse(sessionStorage.getItem('xiaoer-demo:chat')!) as { convs: Record<string, { messages: { from: string; at: number }[] }> };
      let best: [string, number] | null = null;
      for (const [uid, conv] of Object.entries(chat.convs)) {
        const lastSeller = conv.messages.map((m) => m.from).lastIndexOf('seller');
        const firstWaiting = conv.messages.slice(lastSeller + 1).find((m) => m.from === 'buyer');
        if (firstWaiting && (!best || firstWaiting.at < best[1])) best = [uid, firstWaiting.at];
      }
      return best![0];
    });
    // The agent is on another conversation (one nobody waits in).
    // (A locator: the console draws its list anew as messages arrive, and the click goes to the item as it is then.)
    // The jump follows as soon as the page has drawn the click, without waiting for Xiaoer's next look at the page (an
    // agent clicks and presses Alt+J in one breath), so it must go by the page as it is then, not by the look before.
    // (A mutation wait: Firefox's input dispatch can return before the page's click handler has run.)
    await page.locator('li.conv-item[data-uid="2208800106"]').click();
    await page.waitForFunction(() => document.querySelector('li.conv-item.is-active')?.getAttribute('data-uid') === '2208800106', { polling: 'mutation' });
    expect(expectedLongest).not.toBe('2208800106');
    // The manifest declares the command, bound to Alt+J by default (rebindable).
    const commands = await worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'jump-to-waiting')?.shortcut).toBe('Alt+J');
    // The keyboard command: the worker's command listener sends the active tab { type: 'clock.jump' }
    // (entrypoints/background/commands.ts); CDP cannot press an extension shortcut, so the worker sends it here.
    await page.bringToFront();
    await worker.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'clock.jump' }), tabId);
    await step(page, `the jump opens ${expectedLongest}`, () => page.waitForFunction((u) => document.querySelector('li.conv-item.is-active')?.getAttribute('data-uid') === u, { timeout: 10_000, polling: 100 }, expectedLongest));
    // Above the reply box: this buyer's wait, red (minutes in the demo's data, past the 30 s red mark).
    await step(page, 'the wait bar turns red', () => page.waitForFunction(() => document.querySelector('xiaoer-wait-bar')?.shadowRoot?.querySelector('[data-testid="wait-bar"]')?.getAttribute('data-tone') === 'red', { timeout: 10_000, polling: 100 }));

    // Answering through the page's own send button stops that buyer's clock.
    await page.click('textarea.reply-input');
    await page.keyboard.type('亲，帮您查好了，明天就到');
    await page.click('.reply-send');
    await step(page, `the reply stops ${expectedLongest}'s clock`, () => page.waitForFunction((u) => !document.querySelector(`li.conv-item[data-uid="${u}"] xiaoer-wait`), { timeout: 10_000, polling: 100 }, expectedLongest));
    await step(page, 'the wait bar leaves red', () => page.waitForFunction(() => document.querySelector('xiaoer-wait-bar')?.shadowRoot?.querySelector('[data-testid="wait-bar"]')?.getAttribute('data-tone') !== 'red', { timeout: 10_000, polling: 100 }));
    // The new buyer still waits; the worker stops and the page reloads: their clock goes on from where it was, not
    // from zero.
    const before = secondsOf((await waitForListBadge(page, NEW)).text);
    await h.stopWorker();
    // Reloaded without ?reset=1, so the demo keeps its conversations (the URL of a real console would not change).
    await page.goto(`${h.origin}/console/chat`, { waitUntil: 'load' });
    const after = await waitForListBadge(page, NEW);
    expect(secondsOf(after.text)).toBeGreaterThanOrEqual(before);
    expect(after.text).toContain('首问');
    // The answered buyer stays answered after the reload.
    expect(await listBadge(page, expectedLongest)).toBeNull();
    await page.close();
  });
});

describe('response clock settings', () => {
  // A fresh profile: in the one above, the script's buyers are still waiting (and would be, rightly, on a reset demo).
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the first-reply target from the settings, live', async () => {
    const options = await h.openExtensionPage('options.html#clock');
    const target = await options.waitForSelector('input[name="clock-target"]');
    await target!.click();
    await target!.evaluate((input) => (input as HTMLInputElement).select()); // the agent selects the old value
    await target!.type('3');
    await options.keyboard.press('Tab'); // change event: the setting is saved
    // Saved before the console opens (on a loaded machine the save can come after the page's first read of settings).
    await options.waitForFunction(async () => ((await ((globalThis as any).browser ?? chrome).storage.local.get('settings')) as any).settings?.clock?.targetSeconds === 3, { polling: 100 });
    const page = await h.openConsole('/console/chat?reset=1&uid=2208800106');
    const NEW = '2208800202'; // 小鱼干不够吃: a new buyer at 14 s
    const badge = await step(page, `${NEW}'s wait badge turns amber at 3 s`, () => waitForListBadge(page, NEW, 'amber', 30_000));
    expect(secondsOf(badge.text)).toBeGreaterThanOrEqual(3);
    expect(secondsOf(badge.text)).toBeLessThan(10);
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    await page.close();
    await options.close();
  });
});

describe('the agent\'s day figures', () => {
  // A fresh browser profile: the figures are today's, and only this day's script may be in them. The script and its
  // checks take under a minute; should a midnight come within three, the browser starts just after it instead.
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ at: withinOneDay(3 * 60_000) });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records the scripted day and shows exactly its figures in the popup, through a worker restart', async () => {
    const steps = scriptFile.scripts.day!;
    const expected = expectedFigures(steps);
    expect(expected.unanswered).toBe(0); // the script answers everyone: no figure depends on when the test looks
    const page = await h.openConsole('/console/chat?reset=1&uid=2208800107&script=day&agent=script');
    // Every buyer of the script is answered or new at the start, as expectedFigures assumes.
    const waitingAtStart = await page.evaluate(() => [...document.querySelectorAll('li.conv-item')].filter((li) => li.querySelector('.conv-waiting')).map((li) => li.getAttribute('data-uid')));
    const tabId = await h.tabIdOf(page);
    expect(expected.buyers.filter((uid) => waitingAtStart.includes(uid))).toEqual([]);

    const demoSteps = steps.filter((s) => s.from === 'agent' && !s.snippet).length;
    const sentCount = () => page.evaluate(() => (window as unknown as { __demoSent: unknown[] }).__demoSent.length);
    // The worker is stopped in the middle of the day, while buyers wait and replies go out.
    await page.waitForFunction(() => (window as unknown as { __demoSent: unknown[] }).__demoSent.length >= 2, { timeout: 30_000, polling: 100 });
    await h.stopWorker();
    await page.waitForFunction((n) => (window as unknown as { __demoSent: unknown[] }).__demoSent.length >= n, { timeout: 60_000, polling: 100 }, demoSteps);
    // The scripted order is placed after the last scripted reply.
    await page.waitForFunction(() => JSON.parse(sessionStorage.getItem('xiaoer-demo:new-orders') ?? '[]').length === 1, { timeout: 30_000, polling: 100 });
    await page.waitForFunction(() => /9\d{17}/.test(document.querySelector('.side-order-card .trade-no')?.textContent ?? ''), { timeout: 10_000, polling: 100 });

    // The snippet replies: through Xiaoer's palette (shortcut + space) and the page's own send button.
    for (const step of steps.filter((s) => s.snippet)) {
      await page.locator(`li.conv-item[data-uid="${step.uid}"]`).click();
      await page.waitForFunction((u) => document.querySelector('li.conv-item.is-active')?.getAttribute('data-uid') === u, { polling: 100 }, step.uid);
      await new Promise((r) => setTimeout(r, 300)); // the agent reads the conversation before typing
      const before = await sentCount();
      await page.click('textarea.reply-input');
      await page.keyboard.type(`/${step.snippet} `);
      await page.waitForFunction(() => (document.querySelector('textarea.reply-input') as HTMLTextAreaElement).value.startsWith('亲'), { timeout: 10_000, polling: 100 });
      await page.click('.reply-send');
      await page.waitForFunction((n) => (window as unknown as { __demoSent: unknown[] }).__demoSent.length > n, { polling: 100 }, before);
    }

    const popup = await h.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid="clock-today"]');
    const read = () => popup.$$eval('[data-testid="clock-today"] dd', (dds) => Object.fromEntries(dds.map((dd) => [dd.getAttribute('data-figure'), dd.textContent])));
    await expect.poll(read, { timeout: 15_000, interval: 500 }).toEqual(expected.figures);
    await popup.screenshot({ path: '/tmp/clock-popup.png' });

    // The options page: 30 days as charts, today's bars drawn, and the CSV for the team lead.
    const options = await h.openExtensionPage('options.html#clock');
    await options.waitForSelector('[data-testid="clock-charts"] [data-chart="median-first"] rect');
    expect(await options.$$eval('[data-testid="clock-charts"] figure', (f) => f.length)).toBe(6);
    // The CSV the export button hands to the browser's download: captured from the Blob it makes.
    await options.evaluate(() => {
      const w = window as unknown as { __csv?: Promise<number[]> };
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        w.__csv = (blob as Blob).arrayBuffer().then((b) => [...new Uint8Array(b)]);
        return 'blob:captured';
      };
      HTMLAnchorElement.prototype.click = function () {}; // no real download in the test
    });
    await options.click('button[name="export-figures"]');
    const csv = Buffer.from(await options.evaluate(() => (window as unknown as { __csv: Promise<number[]> }).__csv)).toString('utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]!.startsWith('\uFEFF日期,咨询人数,接待人数')).toBe(true);
    expect(lines.length).toBe(32); // header, 30 days, the final line end
    const today = lines[30]!.split(',');
    const e = expected.figures;
    expect(today[2]).toBe(e.served);
    expect(String(Math.round(Number(today[4])))).toBe(Number.parseInt(e['median-first']).toString()); // seconds, one decimal
    expect(`${today[10]}/${today[9]}`).toBe(e['snippet-replies']);
    await options.screenshot({ path: '/tmp/clock-options.png', fullPage: true });
    await options.close();
    await popup.close();
    await page.close();
  });
});
