import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuietWatch } from '@/entrypoints/console.content/features/stock-badges/quiet-watch';

describe('createQuietWatch', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('runs once the page has been quiet that long, put off by each change', () => {
    const onQuiet = vi.fn();
    const changed = createQuietWatch(new AbortController().signal, 1500, onQuiet);
    changed();
    vi.advanceTimersByTime(1000);
    changed();
    vi.advanceTimersByTime(1000);
    expect(onQuiet).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(onQuiet).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onQuiet).toHaveBeenCalledTimes(1);
  });

  it('never runs on a page that changes more often than that', () => {
    const onQuiet = vi.fn();
    const changed = createQuietWatch(new AbortController().signal, 1500, onQuiet);
    for (let k = 0; k < 20; k++) {
      changed();
      vi.advanceTimersByTime(1000);
    }
    expect(onQuiet).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('does nothing once its feature stopped', () => {
    const onQuiet = vi.fn();
    const stop = new AbortController();
    const changed = createQuietWatch(stop.signal, 1500, onQuiet);
    changed();
    stop.abort();
    vi.advanceTimersByTime(2000);
    expect(onQuiet).not.toHaveBeenCalled();
  });
});
