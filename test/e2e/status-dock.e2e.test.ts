import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRerenderServer } from '../rerender/server.mjs';
import { startHarness, type Harness } from './harness';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The dock's mark (pill or handle) on screen, with its state. */
interface Mark extends Box {
  corner?: string;
  collapsed: boolean;
}
const boxOf = (page: Page, selector: string) =>
  page.$eval(selector, (el) => {
    const box = el.getBoundingClientRect();
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  });
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Until the dock's mark is on the page and `accept` holds for it (e.g. it keeps off a box); the mark it accepted, read
 * in the same look (a second look could fall in the moment a freshly injected copy of the content script replaces
 * the dock, which the worker does for tabs open at install).
 */
async function waitForMark(page: Page, accept: string, arg: unknown = null): Promise<Mark> {
  const handle = await page.waitForFunction(
    (test, a) => {
      const dock = document.querySelector('xiaoer-dock')?.shadowRoot?.querySelector<HTMLElement>('.dock');
      const box = dock?.querySelector('.mark')?.getBoundingClientRect();
      if (!dock || !box || box.width === 0 || !new Function('mark', 'dock', 'arg', `return ${test}`)(box, dock, a)) return false;
      return { left: box.left, top: box.top, right: box.right, bottom: box.bottom, corner: dock.dataset.corner, collapsed: dock.dataset.collapsed === 'true' };
    },
    { timeout: 10_000, polling: 100 },
    accept,
    arg as never,
  );
  return (await handle.jsonValue()) as Mark;
}
const keepsOff = (box: Box) => ['!(mark.left < arg.right && arg.left < mark.right && mark.top < arg.bottom && arg.top < mark.bottom)', box] as const;

describe('the status dock keeps off the page’s controls', () => {
  let h: Harness;
  let pages: Awaited<ReturnType<typeof startRerenderServer>>;
  beforeAll(async () => {
    [h, pages] = await Promise.all([startHarness(), startRerenderServer()]);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await pages?.close();
  });

  const open = async () => {
    const page = await h.browser.newPage();
    page.on('pageerror', (error) => h.pageErrors.push(`${page.url()}: ${String(error)}`));
    await page.setViewport({ width: 1200, height: 700 });
    await page.goto(`${pages.origin}/console/chat/send-box`, { waitUntil: 'load' });
    return page;
  };

  it('moves off the send button at the bottom right: a real click at the button’s centre reaches 发送', async () => {
    const page = await open();
    const send = await boxOf(page, '.reply-send');
    const mark = await waitForMark(page, ...keepsOff(send));
    expect(overlaps(mark, send)).toBe(false);
    // Still in the bottom-right corner, just above the button.
    expect(mark.corner).toBe('bottom-right');
    expect(mark.bottom).toBeLessThanOrEqual(send.top);
    await page.screenshot({ path: join(tmpdir(), 'xiaoer-dock-send-box.png') });
    await page.click('.reply-input');
    await page.keyboard.type('有货的');
    await page.mouse.click((send.left + send.right) / 2, (send.top + send.bottom) / 2);
    expect(await page.evaluate(() => (window as any).__sent)).toEqual([{ x: expect.any(Number), y: expect.any(Number), text: '有货的' }]);
    await page.close();
  });

  it('moves away when the page puts a control under it, and back when that is gone', async () => {
    const page = await open();
    const before = await waitForMark(page, ...keepsOff(await boxOf(page, '.reply-send')));
    // The page opens a toolbar right where the dock is.
    await page.evaluate((m) => {
      const bar = document.createElement('button');
      bar.id = 'popup-tool';
      bar.textContent = '快捷工具';
      bar.style.cssText = `position:fixed;left:${m.left - 40}px;top:${m.top - 10}px;width:${m.right - m.left + 80}px;height:${m.bottom - m.top + 20}px;z-index:10`;
      document.body.append(bar);
    }, before);
    const tool = await boxOf(page, '#popup-tool');
    await waitForMark(page, ...keepsOff(tool));
    await page.evaluate(() => document.getElementById('popup-tool')!.remove());
    await waitForMark(page, 'Math.abs(mark.top - arg.top) < 1 && Math.abs(mark.left - arg.left) < 1', before);
    await page.close();
  });

  it('collapses to a handle, moves by dragging and by the arrow keys, and remembers both across a reload', async () => {
    const page = await open();
    await waitForMark(page, 'true');
    // Collapse.
    await page.evaluate(() => document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector<HTMLElement>('.collapse')!.click());
    await waitForMark(page, "dock.dataset.collapsed === 'true' && !!dock.querySelector('.handle')");
    // Drag the grip to the top left of the page with the real mouse.
    const grip = await page.evaluate(() => {
      const box = document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector('.grip')!.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    });
    await page.mouse.move(grip.x, grip.y);
    await page.mouse.down();
    await page.mouse.move(grip.x - 500, grip.y - 300, { steps: 8 });
    await page.mouse.move(200, 150, { steps: 8 });
    await page.mouse.up();
    const dropped = await waitForMark(page, "dock.dataset.corner === 'top-left'");
    expect(dropped.left).toBeLessThan(250);
    expect(dropped.top).toBeLessThan(200);
    // Keyboard: the grip takes focus, ArrowDown ×3 moves it 30 px down.
    await page.evaluate(() => document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector<HTMLElement>('.grip')!.focus());
    for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
    const moved = await waitForMark(page, 'Math.abs(mark.top - arg - 30) < 1.5', dropped.top);
    await page.screenshot({ path: join(tmpdir(), 'xiaoer-dock-moved.png') });

    await page.reload({ waitUntil: 'load' });
    await waitForMark(page, "dock.dataset.collapsed === 'true' && dock.dataset.corner === 'top-left' && Math.abs(mark.top - arg.top) < 1.5 && Math.abs(mark.left - arg.left) < 1.5", moved);
    // Expanded again, still there after another reload.
    await page.evaluate(() => document.querySelector('xiaoer-dock')!.shadowRoot!.querySelector<HTMLElement>('.handle')!.click());
    await waitForMark(page, "dock.dataset.collapsed === 'false' && !!dock.querySelector('.pill')");
    await page.reload({ waitUntil: 'load' });
    await waitForMark(page, "dock.dataset.collapsed === 'false' && dock.dataset.corner === 'top-left'");
    await page.close();
  });

  it('printed no errors', () => {
    expect(h.pageErrors.filter((line) => !line.includes('favicon'))).toEqual([]);
  });
});
