import { describe, expect, it } from 'vitest';
import { normalizeCode } from '@/utils/stock/normalize-code';

describe('normalizeCode', () => {
  it('converts full-width characters and dashes to half-width', () => {
    expect(normalizeCode('ＸＥ－１０４５')).toBe('XE-1045');
    expect(normalizeCode('XE—1045–R‐M‑L')).toBe('XE-1045-R-M-L');
    expect(normalizeCode('ab−12ー3')).toBe('AB-12-3');
  });

  it('upper-cases and removes all whitespace, including inside', () => {
    expect(normalizeCode('  xe 1045\t-r  ')).toBe('XE1045-R');
    expect(normalizeCode('ab\u3000 12\u200b3')).toBe('AB123');
  });

  it('returns an empty string for empty or blank input', () => {
    expect(normalizeCode('')).toBe('');
    expect(normalizeCode(' \u3000\t')).toBe('');
  });
});
