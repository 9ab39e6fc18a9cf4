import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { StockSection } from '@/components/options/stock/StockSection';

/**
 * Seen in a full run: the worker stopped just after an import, the sources list could not be read again, and the
 * section put the error in place of everything, the import's outcome included.
 */
describe('the stock section when a reload of its sources fails', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('keeps what it showed, says what failed, and loads again on request', async () => {
    let fail = false;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: { type: string }) => {
      if (request.type !== 'sources.list') return { ok: true, data: null };
      if (fail) return { ok: false, error: 'the database is closing' };
      return { ok: true, data: [{ id: 's1', name: 'ERP', kind: 'csv', rows: 3, lastSyncAt: 0 }] };
    }) as never);
    const root = document.createElement('div');
    await act(async () => render(<StockSection />, root));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    const importPanel = root.querySelector('.stock-section');
    expect(importPanel, root.innerHTML).not.toBeNull();

    fail = true;
    await act(async () => {
      // What the worker sends when the sources change.
      await fakeBrowser.runtime.onMessage.trigger({ type: 'broadcast', event: 'sources-changed' }, {}, () => {});
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(root.querySelector('[data-testid="load-error"]')?.textContent).toContain('the database is closing');
    // The same elements: nothing the agent was working in was torn down.
    expect(root.querySelector('.stock-section')).toBe(importPanel);

    fail = false;
    await act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="load-error"] button')!.click();
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(root.querySelector('[data-testid="load-error"]')).toBeNull();
    expect(root.querySelector('.stock-section')).toBe(importPanel);
  });
});
