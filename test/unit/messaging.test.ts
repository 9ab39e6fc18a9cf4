import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { classifySender } from '@/utils/messaging/sender-policy';
import { validateRequest } from '@/utils/messaging/validate-request';
import { route } from '@/entrypoints/background/router';

const ID = 'xiaoer-test-id';
const BASE = `chrome-extension://${ID}/`;

describe('sender policy', () => {
  it('tells our pages from our content scripts, and refuses everything else', () => {
    expect(classifySender({ id: ID, url: `${BASE}popup.html` }, ID, BASE)).toBe('extension-page');
    // The popup opened as a tab still counts as an extension page.
    expect(classifySender({ id: ID, url: `${BASE}popup.html`, tab: { id: 3 } }, ID, BASE)).toBe('extension-page');
    expect(classifySender({ id: ID, url: 'https://myseller.taobao.com/home.htm', tab: { id: 3 } }, ID, BASE)).toBe('content');
    expect(classifySender({ id: 'another-extension', url: 'https://x.test/', tab: { id: 3 } }, ID, BASE)).toBeNull();
    expect(classifySender({ id: ID, url: 'https://x.test/' }, ID, BASE)).toBeNull();
    expect(classifySender({}, ID, BASE)).toBeNull();
  });
});

describe('request validation', () => {
  it('accepts well-formed requests from allowed senders', () => {
    expect(validateRequest({ type: 'ping' }, 'content')).toEqual({ ok: true, request: { type: 'ping' } });
    const append = { type: 'log.append', level: 'error', scope: 'stock', message: 'boom' };
    expect(validateRequest(append, 'content')).toEqual({ ok: true, request: append });
  });

  it('rejects unknown types, bad fields and disallowed senders with a specific error', () => {
    const unknown = validateRequest({ type: 'stock.dropAll' }, 'extension-page');
    expect(unknown).toMatchObject({ ok: false });
    expect(!unknown.ok && unknown.error).toContain('"stock.dropAll"');

    const badField = validateRequest({ type: 'log.append', level: 'fatal', scope: 'x', message: 'm' }, 'content');
    expect(!badField.ok && badField.error).toMatch(/level/);

    const tooLong = validateRequest({ type: 'log.append', level: 'info', scope: 'x', message: 'm'.repeat(5000) }, 'content');
    expect(!tooLong.ok && tooLong.error).toMatch(/message/);

    const wrongSender = validateRequest({ type: 'log.clear' }, 'content');
    expect(!wrongSender.ok && wrongSender.error).toBe('Rejected: "log.clear" may not be sent from a content.');

    expect(validateRequest('ping', 'content')).toMatchObject({ ok: false });
    expect(validateRequest({ type: 'ping' }, null)).toEqual({ ok: false, error: 'Rejected: the sender is not part of Xiaoer.' });
  });
});

describe('worker router', () => {
  const page = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });
  const tab = () => ({ id: fakeBrowser.runtime.id, url: 'http://127.0.0.1:5317/console/items', tab: { id: 7 } as never });

  it('stores a content script error in the log with the host only, and lists it to the options page', async () => {
    const appended = await route({ type: 'log.append', level: 'error', scope: 'stock', message: 'badge failed' }, tab());
    expect(appended).toEqual({ ok: true, data: null });
    const listed = await route({ type: 'log.list' }, page());
    expect(listed.ok).toBe(true);
    const entries = (listed as { data: { scope: string; message: string; host?: string }[] }).data;
    expect(entries[0]).toMatchObject({ scope: 'stock', message: 'badge failed', host: '127.0.0.1:5317' });
  });

  it('answers refusals as data instead of throwing', async () => {
    expect(await route({ type: 'log.list' }, tab())).toEqual({ ok: false, error: 'Rejected: "log.list" may not be sent from a content.' });
    expect(await route({ type: 'ping' }, { id: 'evil', url: 'https://evil.test/' })).toMatchObject({ ok: false });
  });
});
