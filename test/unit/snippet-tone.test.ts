import { describe, expect, it } from 'vitest';
import { DEFAULT_AVOID_RULES, findToneIssues, type AvoidRule } from '@/utils/snippets/tone';

const rule = (phrase: string) => DEFAULT_AVOID_RULES.find((r) => r.phrase === phrase)!;
const spans = (text: string, rules: AvoidRule[] = DEFAULT_AVOID_RULES) =>
  findToneIssues(text, rules).map((h) => [h.start, h.end, text.slice(h.start, h.end), h.rule.phrase]);

describe('DEFAULT_AVOID_RULES', () => {
  it('holds unique phrases, each with a polite suggestion that is itself clean', () => {
    expect(DEFAULT_AVOID_RULES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(DEFAULT_AVOID_RULES.map((r) => r.phrase)).size).toBe(DEFAULT_AVOID_RULES.length);
    for (const r of DEFAULT_AVOID_RULES) {
      expect(r.phrase.trim()).toBe(r.phrase);
      expect(r.suggestion.length).toBeGreaterThan(8);
      expect(findToneIssues(r.suggestion, DEFAULT_AVOID_RULES)).toEqual([]);
    }
    expect(rule('那你退款好了').suggestion).toContain('非常抱歉');
  });
});

describe('findToneIssues', () => {
  it('finds phrases in order with offsets in the original text', () => {
    expect(spans('不是我们的问题，那你退款好了')).toEqual([
      [0, 7, '不是我们的问题', '不是我们的问题'],
      [8, 14, '那你退款好了', '那你退款好了'],
    ]);
  });

  it('ignores spaces, invisible characters, width and case, but reports the typed span', () => {
    expect(spans('亲 那 你\u3000退款\u200b好了。')).toEqual([[2, 11, '那 你\u3000退款\u200b好了', '那你退款好了']]);
    expect(spans('我们\u202e规定就是这样')).toEqual([[3, 9, '规定就是这样', '规定就是这样']]);
    const custom: AvoidRule[] = [{ phrase: 'NO WAY!', suggestion: 's' }];
    expect(spans('well ｎｏ　ｗａｙ！ ok', custom)).toEqual([[5, 12, 'ｎｏ　ｗａｙ！', 'NO WAY!']]);
  });

  it('keeps punctuation significant (no matches across clauses)', () => {
    expect(spans('我不，知道了')).toEqual([]);
    expect(spans('不知道您收到了吗？')).toEqual([]);
  });

  it('returns non-overlapping hits, the longest phrase winning at one place', () => {
    expect(spans('我也不知道')).toEqual([[0, 5, '我也不知道', '我也不知道']]);
    const rules: AvoidRule[] = [
      { phrase: '快递', suggestion: 'a' },
      { phrase: '问快递', suggestion: 'b' },
      { phrase: '递的', suggestion: 'c' },
    ];
    expect(spans('去问快递的', rules)).toEqual([[1, 4, '问快递', '问快递']]);
    expect(spans('快递快递', rules)).toEqual([
      [0, 2, '快递', '快递'],
      [2, 4, '快递', '快递'],
    ]);
  });

  it('copes with empty input, empty phrases, emoji and HTML', () => {
    expect(findToneIssues('', DEFAULT_AVOID_RULES)).toEqual([]);
    expect(findToneIssues('没办法', [])).toEqual([]);
    expect(findToneIssues('anything', [{ phrase: ' \u200b ', suggestion: 'x' }])).toEqual([]);
    expect(spans('😀<b>没办法</b>')).toEqual([[5, 8, '没办法', '没办法']]);
  });

  it('stays fast on long text', () => {
    const text = '亲，您好'.repeat(25_000) + '爱买不买';
    const t0 = performance.now();
    expect(spans(text)).toEqual([[100_000, 100_004, '爱买不买', '爱买不买']]);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
