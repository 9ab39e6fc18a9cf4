import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setClock } from '@/utils/clock';
import { DELIVERY_BUDGET_MS, sendToWorker } from '@/utils/messaging/send-to-worker';

describe('sending to the worker while Chromium stops it', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('sends again a message that reached no worker, and takes the next worker\'s answer', async () => {
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      calls++;
      if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, data: { pong: true } };
    }) as never);
    await expect(sendToWorker({ type: 'ping' } as never)).resolves.toEqual({ pong: true });
    expect(calls).toBe(3);
  });

  it('keeps sending for the whole delivery budget while no worker takes it, then gives the error', async () => {
    let now = 0;
    const restore = setClock(() => now);
    vi.useFakeTimers();
    try {
      let calls = 0;
      vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
        calls++;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }) as never);
      const sent = sendToWorker({ type: 'ping' } as never).catch((error: Error) => error);
      // A worker slow to come back (1.5 s) is still reached: more than the five quick tries of before.
      for (let waited = 0; waited <= DELIVERY_BUDGET_MS + 1000; waited += 250) {
        await vi.advanceTimersByTimeAsync(250);
        now += 250;
      }
      const error = await sent;
      expect(String(error)).toContain('Receiving end does not exist');
      expect(calls).toBeGreaterThan(DELIVERY_BUDGET_MS / 250 - 2);
    } finally {
      vi.useRealTimers();
      restore();
    }
  });

  it('does not send again after any other failure (it may have been delivered)', async () => {
    let calls = 0;
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => {
      calls++;
      throw new Error('The message port closed before a response was received.');
    }) as never);
    await expect(sendToWorker({ type: 'ping' } as never)).rejects.toThrow('message port closed');
    expect(calls).toBe(1);
  });
});
