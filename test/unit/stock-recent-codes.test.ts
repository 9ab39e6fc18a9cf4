import { describe, expect, it } from 'vitest';
import { MAX_RECENT_CODES, mergeRecent } from '@/utils/stock/recent-codes';

describe('recent codes of a console host', () => {
  it('keeps the newest last, moves codes asked again to the end, and drops the oldest past the limit', () => {
    expect(mergeRecent(['A', 'B', 'C'], ['B', 'D', 'D'])).toEqual(['A', 'C', 'B', 'D']);
    const many = Array.from({ length: MAX_RECENT_CODES }, (_, i) => `C${i}`);
    const next = mergeRecent(many, ['NEW']);
    expect(next).toHaveLength(MAX_RECENT_CODES);
    expect(next[0]).toBe('C1');
    expect(next.at(-1)).toBe('NEW');
  });
});
