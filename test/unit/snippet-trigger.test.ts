import { describe, expect, it } from 'vitest';
import { findShortcut, findTrigger, opensAfter, triggerForms } from '@/utils/snippets/trigger';

describe('when typing opens the palette', () => {
  it.each([
    ['/', { start: 0, query: '' }],
    ['/tk', { start: 0, query: 'tk' }],
    ['好的 /tk', { start: 3, query: 'tk' }],
    ['草稿：/', { start: 3, query: '' }],
    ['草稿：/jzdj', { start: 3, query: 'jzdj' }],
    ['亲，/退款', { start: 2, query: '退款' }],
    ['您好/', { start: 2, query: '' }],
    ['收到。/hy', { start: 3, query: 'hy' }],
    ['第一行\n/', { start: 4, query: '' }],
    // A Chinese input method in Chinese mode types `、` for the `/` key: at the start, after Chinese text, and with
    // the pinyin it then commits as Chinese.
    ['、', { start: 0, query: '' }],
    ['草稿：、', { start: 3, query: '' }],
    ['亲、退款', { start: 1, query: '退款' }],
  ])('opens on %j', (before, expected) => {
    expect(findTrigger(before, '/')).toEqual(expected);
  });

  it.each([
    ['https://a/b'],
    ['见 https://a/b'],
    ['2026/12/01'],
    ['截止 2026/12/'],
    ['1/2'],
    ['and/or'],
    ['a.b/'],
    ['(/'],
    ['/tk x'], // a space ends the search
    ['草稿：/' + 'x'.repeat(25)], // longer than a search
    [''],
  ])('stays closed on %j', (before) => {
    expect(findTrigger(before, '/')).toBeNull();
  });

  it('takes the configured trigger and its Chinese-mode form only', () => {
    expect(triggerForms('/')).toEqual(['/', '、']);
    expect(triggerForms(';')).toEqual([';', '；']);
    expect(triggerForms('#')).toEqual(['#']);
    expect(findTrigger('草稿：；tk', ';')).toEqual({ start: 3, query: 'tk' });
    expect(findTrigger('草稿：/tk', '#')).toBeNull();
    expect(findTrigger('草稿：#tk', '#')).toEqual({ start: 3, query: 'tk' });
    // The trigger set to `、` itself: `/` does not open then.
    expect(findTrigger('草稿：/tk', '、')).toBeNull();
  });

  it('opens after the start, whitespace and anything outside ASCII; not after ASCII letters, digits or signs', () => {
    expect([undefined, ' ', '\n', '\u3000', '：', '，', '。', '好', '！'].map(opensAfter)).toEqual(Array(9).fill(true));
    expect(['a', 'Z', '0', '9', ':', '.', '/', '-', '('].map(opensAfter)).toEqual(Array(9).fill(false));
  });

  it('expands a shortcut code followed by a space, after Chinese text too, never inside a URL', () => {
    expect(findShortcut('好的 /xq ', '/')).toEqual({ start: 3, code: 'xq' });
    expect(findShortcut('好的/xq ', '/')).toEqual({ start: 2, code: 'xq' });
    expect(findShortcut('好的、xq ', '/')).toEqual({ start: 2, code: 'xq' });
    expect(findShortcut('/xq', '/')).toBeNull(); // no space yet
    expect(findShortcut('http://xq ', '/')).toBeNull();
    expect(findShortcut('/退款 ', '/')).toBeNull(); // not a code
  });

  it('takes the no-break space a contenteditable puts for a space typed at its end (咚咚)', () => {
    expect(findShortcut('/xq\u00a0', '/')).toEqual({ start: 0, code: 'xq' });
    expect(findShortcut('好的 /xq\u00a0', '/')).toEqual({ start: 3, code: 'xq' });
  });
});
