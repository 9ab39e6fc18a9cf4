import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToWorker } from '@/utils/messaging/send-to-worker';

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
