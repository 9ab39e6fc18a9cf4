import { describe, expect, it } from 'vitest';
import { DEFAULT_UNPAID_HOURS, parseConsoleTime, timeLeft, unpaidDeadline } from '@/utils/orders/unpaid-deadline';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-25T10:30:00+08:00'); // the demo shop's "now"
const iso = (d: Date | null) => (d ? d.toISOString() : null);

describe('unpaidDeadline', () => {
  it('is 72 hours after creation by default', () => {
    expect(DEFAULT_UNPAID_HOURS).toBe(72);
    expect(iso(unpaidDeadline(new Date('2026-11-25T10:20:28+08:00')))).toBe('2026-11-28T02:20:28.000Z');
    expect(iso(unpaidDeadline(new Date('2026-11-25T10:20:28+08:00'), 24))).toBe('2026-11-26T02:20:28.000Z');
    expect(iso(unpaidDeadline(new Date('2026-11-25T10:20:28+08:00'), 0.5))).toBe('2026-11-25T02:50:28.000Z');
  });
});

describe('timeLeft', () => {
  const left = (ms: number) => timeLeft(new Date(NOW.getTime() + ms), NOW);

  it('labels days and hours', () => {
    expect(left(2 * DAY + 3 * HOUR)).toEqual({ ms: 2 * DAY + 3 * HOUR, expired: false, label: '剩余 2天3小时', urgent: false });
    expect(left(2 * DAY + 3 * HOUR + 59 * MIN).label).toBe('剩余 2天3小时');
    expect(left(2 * DAY).label).toBe('剩余 2天');
    expect(left(DAY + 30 * MIN).label).toBe('剩余 1天');
  });

  it('labels hours and minutes', () => {
    expect(left(5 * HOUR + 20 * MIN)).toEqual({ ms: 5 * HOUR + 20 * MIN, expired: false, label: '剩余 5小时20分钟', urgent: true });
    expect(left(23 * HOUR + 59 * MIN).label).toBe('剩余 23小时59分钟');
    expect(left(3 * HOUR).label).toBe('剩余 3小时');
  });

  it('labels minutes, rounding up', () => {
    expect(left(45 * MIN)).toEqual({ ms: 45 * MIN, expired: false, label: '剩余 45分钟', urgent: true });
    expect(left(44 * MIN + 1000).label).toBe('剩余 45分钟');
    expect(left(30_000).label).toBe('剩余 1分钟');
    expect(left(1).label).toBe('剩余 1分钟');
    expect(left(59 * MIN + 59_000).label).toBe('剩余 1小时');
  });

  it('is urgent under 6 hours', () => {
    expect(left(6 * HOUR).urgent).toBe(false);
    expect(left(6 * HOUR - 1).urgent).toBe(true);
  });

  it('says 已超时 at and after the deadline (not urgent: the order is closed)', () => {
    expect(left(0)).toEqual({ ms: 0, expired: true, label: '已超时', urgent: false });
    expect(left(-3 * DAY)).toEqual({ ms: -3 * DAY, expired: true, label: '已超时', urgent: false });
  });

  it('an invalid date gives no label', () => {
    expect(timeLeft(new Date(NaN), NOW)).toEqual({ ms: NaN, expired: false, label: '', urgent: false });
  });

  it('works end to end with a console time', () => {
    const created = parseConsoleTime('创建时间：2026-11-24 09:10:00', NOW)!;
    expect(timeLeft(unpaidDeadline(created), NOW).label).toBe('剩余 1天22小时');
  });
});

describe('parseConsoleTime', () => {
  it('reads full console times as China time (UTC+8), whatever the machine zone', () => {
    expect(iso(parseConsoleTime('2026-11-25 10:20:28'))).toBe('2026-11-25T02:20:28.000Z');
    expect(iso(parseConsoleTime('创建时间：2026-11-25 10:20:28'))).toBe('2026-11-25T02:20:28.000Z');
    expect(iso(parseConsoleTime('下单时间: 2026-11-25 10:20 付款时间: 2026-11-25 10:25'))).toBe('2026-11-25T02:20:00.000Z');
    expect(iso(parseConsoleTime('2026/11/5 08:03'))).toBe('2026-11-05T00:03:00.000Z');
    expect(iso(parseConsoleTime('2026年11月25日 10:20'))).toBe('2026-11-25T02:20:00.000Z');
    expect(iso(parseConsoleTime('2026-11-25T10:20:28'))).toBe('2026-11-25T02:20:28.000Z');
    expect(iso(parseConsoleTime('2026-11-25'))).toBe('2026-11-24T16:00:00.000Z');
    expect(iso(parseConsoleTime('２０２６－１１－２５　１０：２０：２８'))).toBe('2026-11-25T02:20:28.000Z');
    expect(iso(parseConsoleTime('2027-01-01 00:05:00'))).toBe('2026-12-31T16:05:00.000Z');
  });

  it('assumes the current (China) year for MM-DD HH:mm', () => {
    expect(iso(parseConsoleTime('11-25 10:20', NOW))).toBe('2026-11-25T02:20:00.000Z');
    expect(iso(parseConsoleTime('11/24 21:40:05', NOW))).toBe('2026-11-24T13:40:05.000Z');
    expect(iso(parseConsoleTime('11月24日 21:40', NOW))).toBe('2026-11-24T13:40:00.000Z');
    // 2026-12-31 17:00 UTC is already 2027 in China.
    expect(iso(parseConsoleTime('01-01 00:30', new Date(Date.UTC(2026, 11, 31, 17, 0))))).toBe('2026-12-31T16:30:00.000Z');
  });

  it('takes a December time read in early January as last year', () => {
    const jan1 = new Date('2027-01-01T00:10:00+08:00');
    expect(iso(parseConsoleTime('12-31 23:50', jan1))).toBe('2026-12-31T15:50:00.000Z');
    expect(iso(parseConsoleTime('01-02 09:00', jan1))).toBe('2027-01-02T01:00:00.000Z'); // within two days ahead: this year
  });

  it('returns null for text without a valid time', () => {
    for (const text of ['', '   ', '待付款', '11-25', '2026-02-30 10:00', '2026-13-01 10:00', '2026-11-25 24:00', '13-01 10:00', '11-25 10:61', '订单号 202611251020281234', '电话 138-0013-8000']) {
      expect(parseConsoleTime(text, NOW), text).toBeNull();
    }
  });

  it('accepts 02-29 only in a leap year', () => {
    expect(iso(parseConsoleTime('2028-02-29 12:00'))).toBe('2028-02-29T04:00:00.000Z');
    expect(parseConsoleTime('2027-02-29 12:00')).toBeNull();
  });
});
