import { describe, expect, it } from 'vitest';
import { ageParts, badgeState } from '@/utils/stock/badge-state';
import { MAX_BACKOFF_MINUTES, nextSyncDelayMinutes } from '@/utils/stock/backoff';
import { feedUrlProblem, originPattern } from '@/utils/stock/feed-url';
import { checkStockTable, describeErrors } from '@/utils/stock-import/check';
import type { StockHit } from '@/utils/stock/stock-index';

const NOW = Date.UTC(2026, 10, 25, 8);
const hit = (available: number, minutesAgo = 5): StockHit => ({
  code: 'XE-1',
  available,
  warehouses: { 主仓: available },
  sourceId: 's',
  sourceName: '网店管家',
  syncedAt: NOW - minutesAgo * 60_000,
});
const options = { lowThreshold: 5, staleAfterMinutes: 60, now: NOW };

describe('badge state', () => {
  it('says "no record" instead of 0 for unknown codes', () => {
    expect(badgeState(undefined, 10, options)).toEqual({ kind: 'none', stale: false });
  });
  it('marks page stock above real stock as a mismatch, before low and zero', () => {
    expect(badgeState(hit(3), 10, options).kind).toBe('mismatch');
    expect(badgeState(hit(0), 1, options).kind).toBe('mismatch');
    expect(badgeState(hit(0), 0, options).kind).toBe('zero');
    expect(badgeState(hit(-2), null, options).kind).toBe('zero');
    expect(badgeState(hit(5), 5, options).kind).toBe('low');
    expect(badgeState(hit(6), 6, options)).toMatchObject({ kind: 'ok', real: 6, pageStock: 6, sourceName: '网店管家' });
  });
  it('turns stale after the set time', () => {
    expect(badgeState(hit(50, 60), null, options).stale).toBe(false);
    expect(badgeState(hit(50, 61), null, options)).toMatchObject({ kind: 'ok', stale: true, ageMs: 61 * 60_000 });
  });
  it('describes ages in the largest unit', () => {
    expect(ageParts(30_000)).toEqual([0, 'now']);
    expect(ageParts(59 * 60_000)).toEqual([59, 'minutes']);
    expect(ageParts(3 * 3_600_000)).toEqual([3, 'hours']);
    expect(ageParts(50 * 3_600_000)).toEqual([2, 'days']);
    expect(ageParts(-5)).toEqual([0, 'now']);
  });
});

describe('feed rules', () => {
  it('accepts https and loopback http only', () => {
    expect(feedUrlProblem('https://erp.example.com/stock.json')).toBeNull();
    expect(feedUrlProblem('http://127.0.0.1:8080/stock.csv')).toBeNull();
    expect(feedUrlProblem('http://localhost/stock')).toBeNull();
    expect(feedUrlProblem('http://erp.example.com/stock.json')).toMatch(/https/);
    expect(feedUrlProblem('ftp://erp.example.com/x')).toMatch(/https/);
    expect(feedUrlProblem('https://user:pw@erp.example.com/')).toMatch(/用户名或密码/);
    expect(feedUrlProblem('not a url')).toBe('不是有效的网址');
    expect(originPattern('https://erp.example.com:8443/a/b?c')).toBe('https://erp.example.com/*');
  });
  it('backs off exponentially on failures, capped', () => {
    expect(nextSyncDelayMinutes(15, 0)).toBe(15);
    expect(nextSyncDelayMinutes(15, 1)).toBe(30);
    expect(nextSyncDelayMinutes(15, 3)).toBe(120);
    expect(nextSyncDelayMinutes(15, 30)).toBe(MAX_BACKOFF_MINUTES);
    expect(nextSyncDelayMinutes(0, 0)).toBe(1);
    expect(nextSyncDelayMinutes(24 * 60, 5)).toBe(24 * 60);
  });
});

describe('reading a stock table', () => {
  it('skips a title line, detects the mapping and aggregates warehouses', () => {
    const rows = [
      ['库存报表 2026-11-25'],
      ['规格编码', '商家编码', '仓库', '可用库存'],
      ['A-1', 'A', '主仓', '3'],
      ['A-1', 'A', '华东仓', '2'],
    ];
    const result = checkStockTable(rows, [1, 2, 3, 4]);
    expect(result.fileErrors).toEqual([]);
    expect(result.records).toEqual([expect.objectContaining({ code: 'A-1', available: 5, warehouses: { 主仓: 3, 华东仓: 2 } })]);
    expect(describeErrors(result)).toBeNull();
  });
  it('reports problems with line numbers and yields no records', () => {
    const result = checkStockTable([['规格编码', '可用库存'], ['A-1', 'x'], ['A-2', '1']], [1, 2, 3]);
    expect(result.records).toEqual([]);
    expect(result.errorCount).toBe(1);
    expect(describeErrors(result)).toMatch(/第 2 行/);
    expect(describeErrors(checkStockTable([], undefined))).toBe('文件是空的');
    expect(describeErrors(checkStockTable([['名称'], ['x']], undefined))).toMatch(/缺少编码列/);
  });
});

describe('lookup wire format', () => {
  it('unpacks an aligned answer to hits keyed by normalised code, absent where there is no record', async () => {
    const { unpackHits } = await import('@/utils/stock/stock-wire');
    const reply = { sources: [{ id: 's', name: '网店管家', syncedAt: 42 }], found: [[3, 0], 0, [4, 0]] as ([number, number] | 0)[] };
    expect(unpackHits(['xe-1', 'NOPE', 'XE-2'], reply)).toEqual({
      'XE-1': { code: 'XE-1', available: 3, warehouses: {}, sourceId: 's', sourceName: '网店管家', syncedAt: 42 },
      'XE-2': { code: 'XE-2', available: 4, warehouses: {}, sourceId: 's', sourceName: '网店管家', syncedAt: 42 },
    });
  });
});
