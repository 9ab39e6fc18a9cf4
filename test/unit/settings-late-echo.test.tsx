import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { useSettings } from '@/components/common/use-settings';
import type { Settings } from '@/utils/settings/settings';

/**
 * The popup saves a field on every keystroke. Firefox may report a write through storage.onChanged after the write's
 * promise resolved; seen in CI as 小二演示旗舰店 saved as 小二演示旗店: the late echo of 旗 reset the field after 舰.
 */
describe('settings typed faster than storage reports them back', () => {
  const addListener = fakeBrowser.storage.local.onChanged.addListener;
  // Changes reach the page only when the test delivers them, after the writes themselves have resolved.
  let held: (() => void)[] = [];
  const deliverOne = () => act(() => held.shift()?.());
  beforeEach(() => {
    fakeBrowser.reset();
    held = [];
    fakeBrowser.storage.local.onChanged.addListener = ((listener: (...args: unknown[]) => void) =>
      addListener.call(fakeBrowser.storage.local.onChanged, (...args: unknown[]) => void held.push(() => listener(...args)))) as typeof addListener;
  });
  afterEach(() => {
    fakeBrowser.storage.local.onChanged.addListener = addListener;
  });

  it('keeps the last keystroke when the echoes of earlier ones arrive after it', async () => {
    let current: Settings | null = null;
    let update: ((change: (s: Settings) => Settings) => Promise<void>) | null = null;
    function Probe() {
      [current, update] = useSettings();
      return null;
    }
    const root = document.createElement('div');
    await act(async () => render(<Probe />, root));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    expect(current).not.toBeNull();
    // Like the input: each keystroke appends to what the field shows.
    const type = (char: string) => act(async () => update!((s) => ({ ...s, shopName: s.shopName + char })));
    await type('旗');
    await type('舰');
    await deliverOne(); // the echo of 旗 arrives after 舰 was saved
    expect(current!.shopName).toBe('旗舰');
    await type('店');
    while (held.length) await deliverOne();
    expect(current!.shopName).toBe('旗舰店');
  });

  it('still follows a change made on another page', async () => {
    let current: Settings | null = null;
    function Probe() {
      [current] = useSettings();
      return null;
    }
    const root = document.createElement('div');
    await act(async () => render(<Probe />, root));
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Settings | undefined;
    await fakeBrowser.storage.local.set({ settings: { ...(stored ?? current!), agentId: '2046' } });
    while (held.length) await deliverOne();
    expect(current!.agentId).toBe('2046');
  });
});
