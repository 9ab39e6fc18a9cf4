import { beforeEach, describe, expect, it } from 'vitest';
import { createBadgeSlot as createSlot } from '@/entrypoints/console.content/features/stock-badges/badge-slot';

const badge = () => document.createElement('xiaoer-stock');

/**
 * happy-dom computes no display (it has no cascade of the user agent's sheet): the elements' defaults and their
 * inline styles stand in for it here. The browsers' own reading is checked end to end (test/e2e/rerender-badges).
 */
const DEFAULT_DISPLAY: Record<string, string> = { SPAN: 'inline', I: 'inline', B: 'inline', A: 'inline', TD: 'table-cell', DIV: 'block' };
const displayOf = (element: Element) => (element as HTMLElement).style.display || DEFAULT_DISPLAY[element.tagName] || 'block';
const createBadgeSlot = () => createSlot({ displayOf });

describe('badge slot: where an anchor’s badge goes', () => {
  beforeEach(() => {
    document.body.innerHTML = `<table><tbody><tr>
      <td class="bare">35</td>
      <td><div class="label"><span class="quantity">35</span><i class="edit"></i></div></td>
      <td><span class="block" style="display:block">12</span></td>
      <td><div class="flex" style="display:flex"><span class="item" style="display:block">7</span><i class="edit"></i></div></td>
      <td><b class="inline"><span class="nested">9</span></b> 件</td>
    </tr></tbody></table>`;
  });

  it("beside an inline anchor (a number in a span), at the end of its line after the page's icon: the page can set its text in place", () => {
    const slot = createBadgeSlot();
    const anchor = document.querySelector('.quantity')!;
    const b = badge();
    expect(slot.badgeAt(anchor)).toBeNull();
    slot.put(anchor, b);
    expect(b.parentElement?.className).toBe('label');
    expect(b.previousElementSibling?.className).toBe('edit');
    expect(b.nextSibling).toBeNull();
    expect(anchor.childNodes.length).toBe(1);
    expect(slot.holds(anchor, b)).toBe(true);
    expect(slot.badgeAt(anchor)).toBe(b);
  });

  it('inside a table cell, a block, a flex item and an inline box in another, at their end', () => {
    const slot = createBadgeSlot();
    for (const selector of ['.bare', '.block', '.item', '.nested']) {
      const anchor = document.querySelector(selector)!;
      const b = badge();
      slot.put(anchor, b);
      expect(anchor.lastChild).toBe(b);
      expect(slot.holds(anchor, b)).toBe(true);
      expect(slot.badgeAt(anchor)).toBe(b);
    }
  });

  it('puts a badge the page took out back where it was, and leaves one in place alone', () => {
    const slot = createBadgeSlot();
    const anchor = document.querySelector('.quantity')!;
    const b = badge();
    slot.put(anchor, b);
    b.remove();
    expect(slot.holds(anchor, b)).toBe(false);
    expect(slot.badgeAt(anchor)).toBeNull();
    slot.put(anchor, b);
    expect(anchor.parentElement!.lastChild).toBe(b);
    const parent = anchor.parentElement!;
    const before = [...parent.childNodes];
    slot.put(anchor, b);
    expect([...parent.childNodes]).toEqual(before);
  });

  it('inside an inline anchor that is its product place itself (a card of its own among others in one box)', () => {
    document.body.innerHTML = '<div class="bubble"><a class="card">A</a><a class="card">B</a></div>';
    const slot = createSlot({ displayOf, isPlace: (element) => element.classList.contains('card') });
    const [a, b] = [...document.querySelectorAll('.card')];
    const [badgeA, badgeB] = [badge(), badge()];
    slot.put(a!, badgeA);
    slot.put(b!, badgeB);
    expect([a!.lastChild, b!.lastChild]).toEqual([badgeA, badgeB]);
    expect([slot.badgeAt(a!), slot.badgeAt(b!)]).toEqual([badgeA, badgeB]);
  });

  it('follows an anchor the page moved into another box', () => {
    const slot = createBadgeSlot();
    const anchor = document.querySelector('.quantity')!;
    const b = badge();
    slot.put(anchor, b);
    const other = document.createElement('div');
    document.querySelector('.bare')!.append(other);
    other.append(anchor);
    expect(slot.holds(anchor, b)).toBe(false);
    slot.put(anchor, b);
    expect(other.lastChild).toBe(b);
  });

  it('finds no badge in an element of the page that merely follows the anchor', () => {
    const slot = createBadgeSlot();
    expect(slot.badgeAt(document.querySelector('.quantity')!)).toBeNull();
    expect(slot.badgeAt(document.querySelector('.bare')!)).toBeNull();
  });
});
