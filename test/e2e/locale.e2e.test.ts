import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, waitForDock, type Harness } from './harness';

describe('English UI', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ lang: 'en-US' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('shows the dock and the popup in English when the browser is English', async () => {
    const page = await h.openConsole('/console/chat');
    await waitForDock(page, 'Xiaoer');
    await waitForDock(page, 'All parts found');
    const popup = await h.openExtensionPage(`popup.html?tabId=${await h.tabIdOf(page)}`);
    await popup.waitForSelector('[data-testid="page-status"]');
    const text = await popup.$eval('main', (el) => el.textContent);
    expect(text).toContain('Xiaoer on');
    expect(text).toContain('Agent ID');
    expect(text).toContain('Chat');
  });
});
