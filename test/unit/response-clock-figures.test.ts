import { describe, expect, it } from 'vitest';
import { dayFigures } from '@/utils/response-clock/figures';
import { median, percentile, share } from '@/utils/response-clock/stats';
import { retentionCutoff } from '@/utils/response-clock/retention';
import { lastDayNoons, localDay } from '@/utils/response-clock/local-day';
import { figuresCsv } from '@/utils/response-clock/figures-csv';
import { waitTone, formatWait } from '@/utils/response-clock/wait-tone';
import { parsePageTime } from '@/utils/response-clock/page-time';
import type { ClockRecord } from '@/utils/response-clock/records';

const noon = new Date(2026, 10, 25, 12, 0, 0).getTime();
const at = (h: number, m: number, s = 0) => new Date(2026, 10, 25, h, m, s).getTime();
const wait = (key: string, start: number, answeredAfterS?: number): ClockRecord => ({
  id: `w:${key}:${start}`, kind: 'wait', key, at: start, newBuyer: false,
  ...(answeredAfterS != null ? { answeredAt: start + answeredAfterS * 1000 } : {}),
});

describe('figure maths', () => {
  it('median, nearest-rank p90 and share', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
    expect(share(0, 0)).toBeNull();
    expect(share(1, 4)).toBe(0.25);
  });

  it('counts a buyer\'s first wait of the day, every wait in the average, open waits past the target as misses', () => {
    const records: ClockRecord[] = [
      wait('a', at(9, 0), 4), wait('a', at(9, 10), 40), // a: first 4 s, then 40 s
      wait('b', at(9, 1), 15),
      wait('c', at(9, 2), 8),
      wait('d', at(11, 59, 55)), // open, 5 s old at noon: not judged yet
      wait('e', at(11, 0)), // open an hour: a miss
      wait('y', at(9, 0) - 24 * 3600_000, 2), // yesterday
      { id: 'r1', kind: 'reply', key: 'a', at: at(9, 0, 4), snippetId: 's1' },
      { id: 'r2', kind: 'reply', key: 'a', at: at(9, 10, 40) },
      { id: 'r3', kind: 'reply', key: 'b', at: at(9, 1, 15), snippetId: 's2' },
      { id: 'r4', kind: 'reply', key: 'c', at: at(9, 2, 8) },
      { id: 'o1', kind: 'orders', key: 'a', at: at(9, 30), orderedAt: at(9, 20) },
      { id: 'o2', kind: 'orders', key: 'b', at: at(9, 30), orderedAt: at(8, 0) }, // ordered before asking: no
      { id: 'o3', kind: 'orders', key: 'c', at: at(9, 30) },
    ];
    const f = dayFigures(records, noon, 10, noon);
    expect(f.day).toBe('2026-11-25');
    expect(f.inquiries).toBe(5);
    expect(f.served).toBe(3);
    expect(f.firstResponses).toBe(3);
    expect(f.medianFirstMs).toBe(8000);
    expect(f.p90FirstMs).toBe(15000);
    expect(f.averageMs).toBe((4 + 40 + 15 + 8) * 1000 / 4);
    expect([f.withinTarget, f.judged]).toEqual([2, 4]);
    expect(f.withinShare).toBe(0.5);
    expect([f.replies, f.snippetReplies]).toEqual([4, 2]);
    expect([f.ordered, f.ordersSeen, f.conversion]).toEqual([1, 3, 1 / 3]);
  });

  it('shows nothing rather than zero on a day without data', () => {
    const f = dayFigures([], noon, 10, noon);
    expect([f.medianFirstMs, f.p90FirstMs, f.withinShare, f.conversion]).toEqual([null, null, null, null]);
  });
});

describe('retention', () => {
  it('keeps whole local days, today included', () => {
    const cutoff = retentionCutoff(30, noon);
    expect(cutoff).toBe(new Date(2026, 9, 27).getTime());
    expect(retentionCutoff(1, noon)).toBe(new Date(2026, 10, 25).getTime());
    // The days the options page shows: 30 local days ending today, across a month boundary.
    const days = lastDayNoons(30, noon).map(localDay);
    expect([days.length, days[0], days.at(-1)]).toEqual([30, '2026-10-27', '2026-11-25']);
  });
});

describe('wait tone and page times', () => {
  it('turns amber at the target and red at the second threshold', () => {
    const th = { targetSeconds: 10, redSeconds: 30 };
    expect(waitTone(9_999, th)).toBe('calm');
    expect(waitTone(10_000, th)).toBe('amber');
    expect(waitTone(30_000, th)).toBe('red');
    expect(formatWait(8_400)).toBe('8秒');
    expect(formatWait(65_000)).toBe('1分05秒');
    expect(formatWait(2 * 3600_000 + 14 * 60_000)).toBe('2时14分');
  });

  it('reads console times in the local zone, the latest such moment not after now', () => {
    expect(parsePageTime('10:19:32', noon)).toBe(at(10, 19, 32));
    expect(parsePageTime('23:50', noon)).toBe(at(23, 50) - 24 * 3600_000);
    expect(parsePageTime('创建时间：2026-11-24 08:00:01', noon)).toBe(new Date(2026, 10, 24, 8, 0, 1).getTime());
    expect(parsePageTime('11-25 09:05', noon)).toBe(at(9, 5));
    expect(parsePageTime('昨天', noon)).toBeNull();
    expect(parsePageTime('25:61', noon)).toBeNull();
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM, CRLF, seconds and percents, empty where there is no data', () => {
    const f = dayFigures([wait('a', at(9, 0), 4), { id: 'r', kind: 'reply', key: 'a', at: at(9, 0, 4) }], noon, 10, noon);
    const empty = dayFigures([], noon - 24 * 3600_000, 10, noon);
    const labels = Object.fromEntries(['day', 'inquiries', 'served', 'firstResponses', 'medianFirst', 'p90First', 'average', 'withinTarget', 'withinShare', 'replies', 'snippetReplies', 'ordersSeen', 'ordered', 'conversion'].map((k) => [k, k === 'day' ? '日期' : k])) as never;
    const csv = figuresCsv([empty, f], labels);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]!.startsWith('日期,inquiries,served')).toBe(true);
    expect(lines[1]).toBe('2026-11-24,0,0,0,,,,0,,0,0,0,0,');
    expect(lines[2]).toBe('2026-11-25,1,1,1,4.0,4.0,4.0,1,100.0,1,0,0,0,');
    expect(lines[3]).toBe('');
  });
});
