import { describe, expect, it } from 'vitest';
import { computeSearchKeys, MAX_BODY_CHARS_IN_KEYS } from '@/utils/snippets/search/search-keys';
import { buildSnippetIndex, searchSnippets, type SearchableSnippet, type SnippetIndex } from '@/utils/snippets/search/snippet-index';
import { compileOneEditPattern, matchesWithinOneEdit } from '@/utils/snippets/search/one-edit-match';
import { seededRandom, syntheticSnippets } from '@/test/support/synthetic-corpus';

const NOW = Date.UTC(2025, 5, 1);
const DAY = 86_400_000;

interface Fixture {
  id: string;
  title: string;
  body?: string;
  tags?: string[];
  shortcut?: string;
  category?: string;
  uses?: number;
  lastUsedAt?: number;
}

function searchable(f: Fixture): SearchableSnippet {
  const body = f.body ?? '亲，您好。';
  const tags = f.tags ?? [];
  return {
    id: f.id,
    title: f.title,
    category: f.category ?? '售后',
    shortcut: f.shortcut,
    uses: f.uses ?? 0,
    lastUsedAt: f.lastUsedAt,
    keys: computeSearchKeys({ title: f.title, body, tags, shortcut: f.shortcut }),
  };
}

const LIBRARY: Fixture[] = [
  { id: 'refund', title: '退款说明', tags: ['退款'], body: '亲，退款会在1-3个工作日原路退回。', uses: 5 },
  { id: 'ship-time', title: '发货时间', category: '物流/发货', body: '付款后48小时内发货。', uses: 3 },
  { id: 'address', title: '核对地址', category: '核对地址', body: '请核对收货地址和电话。' },
  { id: 'welcome', title: '欢迎语', category: '欢迎', shortcut: 'hy', body: '您好，欢迎光临本店！' },
  { id: 'urge', title: '催付提醒', category: '催付', body: '亲，您的订单还没有付款哦。' },
  { id: 'seven-day', title: '七天无理由退换', body: '本店支持七天无理由退换货。' },
  { id: 'insurance', title: '运费险', body: '退货时运费险会自动理赔。' },
  { id: 'reship', title: '重新发货', category: '物流/发货', body: '已为您重新安排发货。' },
  { id: 'bank', title: '银行卡支付', category: '催付', body: '支持银行卡和花呗。' },
  { id: 'thanks', title: '欢送好评', category: '欢送/好评', tags: ['好评'], body: '感谢光临，期待好评。' },
];

const index = buildSnippetIndex(LIBRARY.map(searchable));

function ids(target: SnippetIndex, query: string, options?: Parameters<typeof searchSnippets>[2]): string[] {
  return searchSnippets(target, query, { now: NOW, ...options }).map((hit) => hit.id);
}

describe('computeSearchKeys', () => {
  it('builds lower-cased text, toneless pinyin and initials of title and tags', () => {
    const keys = computeSearchKeys({ title: '退款说明', body: '亲，您好', tags: ['售后ABC'], shortcut: 'TK' });
    expect(keys.text).toBe('退款说明\u0001售后abc\u0001tk\u0001亲,您好');
    expect(keys.pinyin).toBe('tuikuanshuoming\u0001shouhouabc');
    expect(keys.initials).toBe('tksm\u0001shabc');
  });

  it('reads polyphones from context', () => {
    expect(computeSearchKeys({ title: '重新发货', body: '', tags: [] }).pinyin).toBe('chongxinfahuo');
    expect(computeSearchKeys({ title: '银行卡', body: '', tags: [] }).pinyin).toBe('yinhangka');
  });

  it('caps the body and folds full-width characters', () => {
    const keys = computeSearchKeys({ title: 'ＶＩＰ客户', body: '长'.repeat(100_000), tags: [] });
    expect(keys.text.length).toBeLessThanOrEqual('vip客户'.length + 2 + MAX_BODY_CHARS_IN_KEYS);
    expect(keys.pinyin).toBe('vipkehu');
    expect(keys.initials).toBe('vipkh');
  });
});

describe('searchSnippets: Chinese, pinyin and initials', () => {
  it('finds 退款 by initials, full pinyin and Chinese', () => {
    expect(ids(index, 'tk')[0]).toBe('refund');
    expect(ids(index, 'tuikuan')[0]).toBe('refund');
    expect(ids(index, '退款')[0]).toBe('refund');
    expect(searchSnippets(index, 'tk', { now: NOW })[0]?.field).toBe('initials');
    expect(searchSnippets(index, 'tuikuan', { now: NOW })[0]?.field).toBe('pinyin');
    expect(searchSnippets(index, '退款', { now: NOW })[0]?.field).toBe('title');
  });

  it('finds 发货 by initials, title before body-only matches', () => {
    expect(ids(index, 'fh').slice(0, 2).sort()).toEqual(['reship', 'ship-time']);
    // 发货时间 starts with fh and is used more; 重新发货 contains it.
    expect(ids(index, 'fh')[0]).toBe('ship-time');
    expect(ids(index, '发货').slice(0, 2)).toEqual(['ship-time', 'reship']);
    expect(ids(index, '发货')).toContain('refund'.replace('refund', 'reship'));
  });

  it('matches partial pinyin: a prefix, and a syllable initial followed by a full syllable (one edit)', () => {
    expect(ids(index, 'tui')[0]).toBe('refund');
    expect(ids(index, 'tkuan')[0]).toBe('refund');
  });

  it('tolerates one typo in pinyin: transposition, deletion, insertion, substitution', () => {
    expect(ids(index, 'tuikaun')[0]).toBe('refund');
    expect(ids(index, 'tiukuan')[0]).toBe('refund');
    expect(ids(index, 'tuikun')[0]).toBe('refund');
    expect(ids(index, 'tuikuuan')[0]).toBe('refund');
    expect(ids(index, 'tuikyan')[0]).toBe('refund');
    expect(searchSnippets(index, 'tuikun', { now: NOW })[0]?.field).toBe('fuzzy');
  });

  it('does not treat two edits as one (tuiakn is a deletion plus a swap away from tuikuan)', () => {
    expect(ids(index, 'tuiakn')).not.toContain('refund');
  });

  it('needs every token, in any order, across Chinese and pinyin', () => {
    expect(ids(index, '说明 退款')).toEqual(['refund']);
    expect(ids(index, '退款 sm')).toEqual(['refund']);
    expect(ids(index, 'sm tk')).toEqual(['refund']);
    expect(ids(index, '退款 发货')).toEqual([]);
  });

  it('reads polyphones as the title means them', () => {
    expect(ids(index, 'cx')[0]).toBe('reship');
    expect(ids(index, 'chongxin')[0]).toBe('reship');
    expect(ids(index, 'yinhang')[0]).toBe('bank');
  });

  it('puts the exact shortcut first', () => {
    const hits = searchSnippets(index, 'hy', { now: NOW });
    expect(hits[0]).toMatchObject({ id: 'welcome', field: 'shortcut' });
    // 好评 (hp) does not match hy; 欢迎语 (hyy) would anyway, but ranks first through its shortcut.
    expect(ids(index, 'HY')[0]).toBe('welcome');
  });

  it('treats a full-width or upper-case query like its plain form', () => {
    expect(ids(index, 'ＴＫ')[0]).toBe('refund');
    expect(ids(index, '  TuiKuan  ')[0]).toBe('refund');
  });
});

describe('searchSnippets: ranking and filters', () => {
  const same = (id: string, extra: Partial<Fixture>): Fixture => ({ id, title: '退款说明', ...extra });

  it('ranks equal matches by uses', () => {
    const idx = buildSnippetIndex([same('rare', { uses: 1 }), same('often', { uses: 200 }), same('never', {})].map(searchable));
    expect(ids(idx, 'tk')).toEqual(['often', 'rare', 'never']);
  });

  it('ranks equal matches by recency when uses are equal', () => {
    const idx = buildSnippetIndex(
      [
        same('month', { uses: 10, lastUsedAt: NOW - 30 * DAY }),
        same('today', { uses: 10, lastUsedAt: NOW - DAY / 2 }),
        same('week', { uses: 10, lastUsedAt: NOW - 7 * DAY }),
      ].map(searchable),
    );
    expect(ids(idx, '退款')).toEqual(['today', 'week', 'month']);
  });

  it('never lets popularity beat a better match', () => {
    const idx = buildSnippetIndex(
      [
        { id: 'body-only', title: '售后须知', body: '退款三天到账', uses: 100_000, lastUsedAt: NOW },
        { id: 'title', title: '退款说明', uses: 0 },
      ].map(searchable),
    );
    expect(ids(idx, '退款')).toEqual(['title', 'body-only']);
  });

  it('breaks remaining ties by the shorter title', () => {
    const idx = buildSnippetIndex([{ id: 'long', title: '退款说明（详细）' }, { id: 'short', title: '退款说明' }].map(searchable));
    expect(ids(idx, 'tk')).toEqual(['short', 'long']);
  });

  it('filters by category', () => {
    expect(ids(index, 'fh', { category: '物流/发货' }).sort()).toEqual(['reship', 'ship-time']);
    expect(ids(index, '', { category: '催付' }).sort()).toEqual(['bank', 'urge']);
  });

  it('lists everything by frequency and recency for an empty query, within the limit', () => {
    const idx = buildSnippetIndex(
      [
        { id: 'a', title: '甲', uses: 1 },
        { id: 'b', title: '乙', uses: 50 },
        { id: 'c', title: '丙', uses: 1, lastUsedAt: NOW - DAY },
        { id: 'd', title: '丁' },
      ].map(searchable),
    );
    expect(ids(idx, '   ')).toEqual(['b', 'c', 'a', 'd']);
    expect(ids(idx, '', { limit: 2 })).toEqual(['b', 'c']);
    expect(searchSnippets(idx, '', { now: NOW })[0]?.field).toBe('title');
  });

  it('applies the limit (default 20) and returns nothing for limit 0 or an empty library', () => {
    const many = buildSnippetIndex(Array.from({ length: 30 }, (_, n) => searchable({ id: `n${n}`, title: `退款${n}` })));
    expect(ids(many, 'tk')).toHaveLength(20);
    expect(ids(many, 'tk', { limit: 5 })).toHaveLength(5);
    expect(ids(many, 'tk', { limit: 0 })).toEqual([]);
    expect(ids(buildSnippetIndex([]), 'tk')).toEqual([]);
  });
});

describe('searchSnippets: hostile input', () => {
  it('keeps a 100 KB body searchable by title, and fast', () => {
    const huge = searchable({ id: 'huge', title: '超长说明', body: 'x'.repeat(50_000) + '退款'.repeat(25_000) });
    const idx = buildSnippetIndex([huge, ...LIBRARY.map(searchable)]);
    const started = performance.now();
    for (let n = 0; n < 100; n++) searchSnippets(idx, 'xxxxxxxxxq', { now: NOW });
    expect(performance.now() - started).toBeLessThan(500);
    expect(ids(idx, 'ccsm')[0]).toBe('huge');
    expect(ids(idx, '超长')[0]).toBe('huge');
  });

  it('searches HTML and bidi control characters as plain text', () => {
    const idx = buildSnippetIndex(
      [
        { id: 'html', title: '<img src=x onerror=alert(1)>退款' },
        { id: 'rtl', title: '\u202E退款说明\u202C' },
        { id: 'regex', title: '.*+?(退款' },
      ].map(searchable),
    );
    expect(ids(idx, '<img')).toEqual(['html']);
    expect(ids(idx, 'onerror=alert(1)')).toEqual(['html']);
    expect(ids(idx, '.*+?(')).toEqual(['regex']);
    // The override is invisible, so the title still starts with 退款.
    expect(searchSnippets(idx, '退款说明', { now: NOW })[0]).toMatchObject({ id: 'rtl', field: 'title' });
    expect(ids(idx, '\u202E')).toHaveLength(3);
    expect(ids(idx, 'tk')).toHaveLength(3);
  });
});

describe('matchesWithinOneEdit', () => {
  /** Optimal-string-alignment distance from the pattern to the best substring of the text. */
  function bestSubstringDistance(pattern: string, text: string): number {
    let best = Infinity;
    for (let start = 0; start <= text.length; start++) {
      for (let end = start; end <= text.length; end++) best = Math.min(best, osa(pattern, text.slice(start, end)));
    }
    return best;
  }
  function osa(a: string, b: string): number {
    const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
        (d[i] as number[])[j] = v;
      }
    }
    return at(a.length, b.length);
  }

  it('agrees with a brute-force edit distance on random strings', () => {
    const random = seededRandom(7);
    const word = (max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => 'abcd'[Math.floor(random() * 4)]).join('');
    for (let n = 0; n < 3000; n++) {
      const pattern = word(6);
      const text = word(10);
      const compiled = compileOneEditPattern(pattern);
      if (compiled === null) throw new Error('pattern must compile');
      expect(matchesWithinOneEdit(compiled, text), `${pattern} in ${text}`).toBe(bestSubstringDistance(pattern, text) <= 1);
    }
  });

  it('never matches across a field separator', () => {
    const compiled = compileOneEditPattern('abcd');
    if (compiled === null) throw new Error('pattern must compile');
    expect(matchesWithinOneEdit(compiled, 'ab\u0001cd')).toBe(false);
    expect(matchesWithinOneEdit(compiled, 'abc\u0001d')).toBe(true); // deleting d
  });
});

describe('searchSnippets on a 20,000-snippet library', () => {
  const library = syntheticSnippets(20_000, NOW);
  const big = buildSnippetIndex(
    library.map((s) => ({ ...s, keys: computeSearchKeys(s) })),
  );
  const titleOf = new Map(library.map((s) => [s.id, s.title]));
  const titles = (query: string, options?: Parameters<typeof searchSnippets>[2]) =>
    searchSnippets(big, query, { now: NOW, ...options }).map((hit) => titleOf.get(hit.id) ?? '');

  it('returns full pages of the right snippets', () => {
    for (const query of ['tk', 'tuikuan', '退款', 'tuikaun', '退款 sm']) {
      const found = titles(query);
      expect(found, query).toHaveLength(20);
      for (const title of found) expect(title, query).toMatch(/^退款说明/);
    }
    for (const title of titles('hddz')) expect(title).toMatch(/^核对地址/);
    for (const title of titles('cxfh')) expect(title).toMatch(/^重新发货/);
  });

  it('ranks the most used of equal matches first', () => {
    const hits = searchSnippets(big, 'yfx', { now: NOW, limit: 50 });
    const uses = new Map(library.map((s) => [s.id, s.uses]));
    const first = uses.get(hits[0]?.id ?? '') ?? 0;
    const max = Math.max(...library.filter((s) => s.title.startsWith('运费险')).map((s) => s.uses));
    expect(first).toBeGreaterThan(max / 2);
  });

  it('finds a shortcut among 20,000', () => {
    expect(searchSnippets(big, 'k100', { now: NOW })[0]?.id).toBe('s100');
  });
});
