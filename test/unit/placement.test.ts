import { describe, expect, it } from 'vitest';
import { placeNear, placePanel, VIEW_MARGIN } from '@/utils/ui/placement';

const view = { width: 1000, height: 800 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, right: left + width, bottom: top + height });
const panel = { width: 300, height: 200 };

describe('placeNear', () => {
  it('above: left-aligned, its bottom edge just over the anchor', () => {
    expect(placeNear(box(100, 600, 400, 80), panel, 'above', view)).toEqual({ left: 100, bottom: 800 - 600 + 6 });
  });

  it('below: left-aligned, just under the anchor', () => {
    expect(placeNear(box(100, 100, 40, 20), panel, 'below', view)).toEqual({ left: 100, top: 124 });
  });

  it('over-right: along the anchor top and right edges', () => {
    expect(placeNear(box(100, 100, 700, 60), panel, 'over-right', view)).toEqual({ left: 800 - 300 - 8, top: 100 });
  });

  it('keeps a panel at the right edge inside the view', () => {
    expect(placeNear(box(900, 100, 40, 20), panel, 'below', view)).toMatchObject({ left: 1000 - 300 - VIEW_MARGIN });
    expect(placeNear(box(900, 600, 90, 40), panel, 'above', view)).toMatchObject({ left: 1000 - 300 - VIEW_MARGIN });
  });

  it('opens a panel at the bottom edge upwards far enough to be seen whole', () => {
    expect(placeNear(box(100, 750, 40, 20), panel, 'below', view)).toMatchObject({ top: 800 - 200 - VIEW_MARGIN });
    expect(placeNear(box(100, 700, 700, 60), panel, 'over-right', view)).toMatchObject({ top: 800 - 200 - VIEW_MARGIN });
  });

  it('keeps anchors off the top and left edges from pushing the panel out', () => {
    expect(placeNear(box(-50, -300, 40, 20), panel, 'below', view)).toEqual({ left: VIEW_MARGIN, top: VIEW_MARGIN });
    expect(placeNear(box(-50, 900, 40, 20), panel, 'above', view)).toEqual({ left: VIEW_MARGIN, bottom: VIEW_MARGIN });
  });

  it('keeps the top-left corner in view when the panel is larger than the view', () => {
    expect(placeNear(box(100, 100, 40, 20), { width: 2000, height: 2000 }, 'below', view)).toEqual({ left: VIEW_MARGIN, top: VIEW_MARGIN });
  });
});

describe('placePanel', () => {
  it('writes the position into the panel style', () => {
    // happy-dom lays nothing out: give the view a width.
    Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 1024 });
    const anchor = document.createElement('div');
    anchor.getBoundingClientRect = () => DOMRect.fromRect({ x: 40, y: 30, width: 10, height: 10 });
    const below = document.createElement('div');
    placePanel(below, anchor, 'below');
    expect([below.style.left, below.style.top, below.style.bottom]).toEqual(['40px', '44px', '']);
    const above = document.createElement('div');
    placePanel(above, anchor, 'above');
    expect([above.style.left, above.style.top, above.style.bottom]).toEqual(['40px', '', `${innerHeight - 30 + 6}px`]);
  });
});
