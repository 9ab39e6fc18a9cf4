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

  it('following only the watched texts: a text rewritten elsewhere reaches no listener, one inside a watched element does', async () => {
    document.body.innerHTML = '<table><tbody><tr class="a"><td class="code">A</td></tr><tr class="b"><td class="code">B</td></tr></tbody></table>';
    const [a, b] = [...document.querySelectorAll('tr')];
    const changed: string[][] = [];
    observer.subscribe((_added, elements) => changed.push(elements.map((el) => el.parentElement!.className)), { immediate: true });
    observer.setTextsEverywhere(false);
    observer.watchTexts(a!);
    await batch();
    changed.length = 0;
    // B's text first, then A's: the call for A's shows whether B's came in too.
    b!.querySelector('td')!.firstChild!.nodeValue = 'B2';
    a!.querySelector('td')!.firstChild!.nodeValue = 'A2';
    await batch();
    expect(changed).toEqual([['a']]);
    // Elements added or taken out are followed everywhere all the same.
    b!.querySelector('td')!.textContent = 'B3';
    await batch();
    expect(changed.at(-1)).toEqual(['b']);
    // Every text again.
    observer.setTextsEverywhere(true);
    changed.length = 0;
    b!.querySelector('td')!.firstChild!.nodeValue = 'B4';
    await batch();
    expect(changed).toEqual([['b']]);
  });

  it('lets go of the watched elements the page removed, and keeps following those still on it', async () => {
    observer.setTextsEverywhere(false);
    const rows = Array.from({ length: 100 }, (_, k) => {
      const row = document.createElement('tr');
      row.className = `r${k}`;
      row.innerHTML = `<td>${k}</td>`;
      document.querySelector('tbody')!.append(row);
      observer.watchTexts(row);
      return row;
    });
    // 60 removed, then 40 more watched: past the sweep's mark, the removed ones are let go of.
    rows.slice(0, 60).forEach((row) => row.remove());
    for (let k = 100; k < 140; k++) {
      const row = document.createElement('tr');
      row.className = `r${k}`;
      row.innerHTML = `<td>${k}</td>`;
      document.querySelector('tbody')!.append(row);
      observer.watchTexts(row);
    }
    const changed: string[] = [];
    observer.subscribe((_added, elements) => changed.push(...elements.map((el) => el.parentElement!.className)), { immediate: true });
    await batch();
    changed.length = 0;
    // A removed row's text first: let go of, it no longer reaches the listener; the two after it on the page do.
    rows[10]!.querySelector('td')!.firstChild!.nodeValue = 'gone';
    rows[70]!.querySelector('td')!.firstChild!.nodeValue = 'x';
    document.querySelector('.r130 td')!.firstChild!.nodeValue = 'y';
    await batch();
    expect(changed).toEqual(['r70', 'r130']);
    expect(errors).toEqual([]);
  });
});
