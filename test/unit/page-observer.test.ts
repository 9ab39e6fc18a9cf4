import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PageObserver } from '@/utils/runtime/page-observer';

/** Past the observer's batch (16 ms). */
const batch = () => new Promise((resolve) => setTimeout(resolve, 40));

describe('PageObserver', () => {
  let ctx: ContentScriptContext;
  let observer: PageObserver;
  let errors: unknown[];

  beforeEach(() => {
    document.body.innerHTML = '<table><tbody><tr class="row"><td class="stock">5</td></tr></tbody></table>';
    ctx = new ContentScriptContext('test');
    errors = [];
    observer = new PageObserver(ctx, (error) => errors.push(error));
  });
  afterEach(() => {
    if (ctx.isValid) ctx.abort();
  });

  it('with only change listeners (Xiaoer off for the host), calls them once per batch of page changes, never for its own elements', async () => {
    let calls = 0;
    observer.onAnyChange(() => calls++);
    const cell = document.querySelector('td')!;
    cell.textContent = '6';
    cell.append(document.createElement('span'));
    await batch();
    expect(calls).toBe(1);
    // Xiaoer's own badge going in and out is no change of the page.
    const badge = document.createElement('xiaoer-stock');
    cell.append(badge);
    badge.remove();
    await batch();
    expect(calls).toBe(1);
    document.body.append(document.createElement('div'));
    await batch();
    expect(calls).toBe(2);
    expect(errors).toEqual([]);
  });

  it('hands element listeners what the page changed, and the change listeners run after them', async () => {
    const seen: string[] = [];
    observer.onAnyChange(() => seen.push('any'));
    observer.subscribe((added, changed) => seen.push(`batch ${added.length} added, ${changed.map((el) => el.className).join(',')} changed`));
    observer.subscribe((_added, changed) => seen.push(`now ${changed.map((el) => el.className).join(',')}`), { immediate: true });
    const cell = document.querySelector('td')!;
    cell.textContent = '7';
    await batch();
    expect(seen).toEqual(['now stock', 'batch 0 added, stock changed', 'any']);
  });

  it('tells a page that only rewrote texts (reshaped false) from one that added, removed or reclassed elements', async () => {
    const seen: boolean[] = [];
    observer.subscribe((_added, _changed, reshaped) => seen.push(reshaped));
    const cell = document.querySelector('td')!;
    const badge = document.createElement('xiaoer-stock');
    cell.append(badge);
    await batch();
    // The page sets the cell's text, taking our badge out with its old text: still only texts.
    cell.textContent = '8';
    await batch();
    cell.firstChild!.nodeValue = '9';
    await batch();
    cell.append(document.createElement('span'));
    await batch();
    cell.querySelector('span')!.remove();
    await batch();
    cell.className = 'stock low';
    await batch();
    expect(seen).toEqual([false, false, true, true, true]);
  });
});
