import { afterEach, describe, expect, it, vi } from 'vitest';
import { setClock } from '@/utils/clock';
import { retry, waitFor } from '@/utils/runtime/retry';

describe('retry', () => {
  it('answers with the first success, after failed tries', async () => {
    let calls = 0;
    const request = () => (++calls < 3 ? Promise.reject(new Error(`down ${calls}`)) : Promise.resolve('up'));
    await expect(retry(request, { tries: 5, delayMs: 1 })).resolves.toBe('up');
    expect(calls).toBe(3);
  });

  it('throws the last error when the tries run out', async () => {
    let calls = 0;
    const request = () => Promise.reject(new Error(`down ${++calls}`));
    await expect(retry(request, { tries: 3, delayMs: 1 })).rejects.toThrow('down 3');
    expect(calls).toBe(3);
  });

  it('stops trying once the signal is aborted', async () => {
    const stop = new AbortController();
    let calls = 0;
    const request = () => {
      if (++calls === 2) stop.abort();
      return Promise.reject(new Error(`down ${calls}`));
    };
    await expect(retry(request, { tries: 10, delayMs: 1, signal: stop.signal })).rejects.toThrow('down 2');
    expect(calls).toBe(2);
  });

  it('waits between tries', async () => {
    vi.useFakeTimers();
    try {
      let calls = 0;
      const answer = retry(() => (++calls < 2 ? Promise.reject(new Error('down')) : Promise.resolve(calls)), { tries: 3, delayMs: 400 });
      await vi.advanceTimersByTimeAsync(399);
      expect(calls).toBe(1);
      await vi.advanceTimersByTimeAsync(1);
      await expect(answer).resolves.toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('waitFor', () => {
  let restoreClock = () => {};
  afterEach(() => restoreClock());

  it('looks at once, without waiting, when the thing is there', async () => {
    const find = vi.fn(() => 'editor');
    const found = waitFor(find, { timeoutMs: 1000, delayMs: 50 });
    expect(find).toHaveBeenCalledTimes(1);
    await expect(found).resolves.toBe('editor');
  });

  it('looks again until the thing appears', async () => {
    let looks = 0;
    await expect(waitFor(() => (++looks === 4 ? 'editor' : null), { timeoutMs: 1000, delayMs: 1 })).resolves.toBe('editor');
    expect(looks).toBe(4);
  });

  it('is null when the time runs out, read from the clock', async () => {
    let now = 0;
    restoreClock = setClock(() => now);
    let looks = 0;
    const find = () => {
      looks++;
      now += 100;
      return null;
    };
    await expect(waitFor(find, { timeoutMs: 250, delayMs: 1 })).resolves.toBeNull();
    // Looks at 100, 200 and 300 ms: past the timeout after the third.
    expect(looks).toBe(3);
  });

  it('is null after the last of its tries, for async looks too', async () => {
    let looks = 0;
    await expect(waitFor(async () => (looks++, undefined), { tries: 5, delayMs: 1 })).resolves.toBeNull();
    expect(looks).toBe(5);
  });

  it('throws what the look throws, at once', async () => {
    let looks = 0;
    const find = () => {
      looks++;
      throw new Error('broken selector');
    };
    await expect(waitFor(find, { tries: 5, delayMs: 1 })).rejects.toThrow('broken selector');
    expect(looks).toBe(1);
  });
});
