import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_DOCK_PLACE, loadDockPlace, normalizeDockPlace, saveDockPlace } from '@/utils/settings/dock-place';
import { boxAt, bringsControl, placeOfBox } from '@/entrypoints/console.content/features/status-dock/dock-placement';

describe('the dock’s place', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is kept per host, odd stored values taking the default', async () => {
    expect(await loadDockPlace('a.example')).toEqual(DEFAULT_DOCK_PLACE);
    await saveDockPlace('a.example', { corner: 'top-left', x: 40, y: 90, collapsed: true }, 1);
    expect(await loadDockPlace('a.example')).toEqual({ corner: 'top-left', x: 40, y: 90, collapsed: true });
    expect(await loadDockPlace('b.example')).toEqual(DEFAULT_DOCK_PLACE);
    expect(normalizeDockPlace({ corner: 'middle', x: -5, y: 'far', collapsed: 'yes' })).toEqual({ ...DEFAULT_DOCK_PLACE, x: 0 });
  });

  it('forgets the hosts moved least recently beyond 50', async () => {
    for (let k = 0; k < 52; k++) await saveDockPlace(`h${k}.example`, { ...DEFAULT_DOCK_PLACE, x: k }, k);
    expect(await loadDockPlace('h0.example')).toEqual(DEFAULT_DOCK_PLACE);
    expect(await loadDockPlace('h1.example')).toEqual(DEFAULT_DOCK_PLACE);
    expect((await loadDockPlace('h2.example')).x).toBe(2);
    expect((await loadDockPlace('h51.example')).x).toBe(51);
  });

  it('settles a dropped box at its nearest corner, at the distance it was dropped', () => {
    // happy-dom lays nothing out: the view's size as a browser gives it.
    const [width, height] = [1200, 700];
    Object.defineProperty(document.documentElement, 'clientWidth', { value: width, configurable: true });
    Object.defineProperty(document.documentElement, 'clientHeight', { value: height, configurable: true });
    const size = { width: 60, height: 20 };
    const nearTopLeft = placeOfBox({ left: 30, top: 40, ...size }, false);
    expect(nearTopLeft).toEqual({ corner: 'top-left', x: 30, y: 40, collapsed: false });
    const nearBottomRight = placeOfBox({ left: width - 100, top: height - 50, ...size }, true);
    expect(nearBottomRight).toEqual({ corner: 'bottom-right', x: 40, y: 30, collapsed: true });
    expect(boxAt(nearBottomRight, size)).toEqual({ left: width - 100, top: height - 50, ...size });
  });

  it('looks again for additions that are, hold or lie in a control, not for rows of text moved about', () => {
    document.body.innerHTML = `<table><tbody>
      <tr id="plain"><td>ID 100001</td><td>商家编码：RR-000001</td><td>148</td></tr>
      <tr id="edit"><td>148</td><td><button type="button">编辑</button></td></tr>
    </tbody></table><a href="#x" id="link"><span id="inside">详情</span></a>`;
    const byId = (id: string) => document.getElementById(id)!;
    expect(bringsControl(byId('plain'))).toBe(false);
    expect(bringsControl(byId('plain').firstElementChild!)).toBe(false);
    expect(bringsControl(byId('edit'))).toBe(true);
    expect(bringsControl(byId('inside'))).toBe(true);
    expect(bringsControl(byId('link'))).toBe(true);
  });
});
