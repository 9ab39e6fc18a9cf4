// Unpaid orders: when the platform closes them, how long is left, and reading
// the times order consoles print.
//
// Console times are China wall-clock times (Asia/Shanghai, UTC+8) without a zone.
// parseConsoleTime reads them as UTC+8 whatever time zone the agent's machine is
// set to, so the countdown is right on a laptop set to another zone too.

import { chinaDate, chinaParts } from './china-time';
import { clock } from '@/utils/clock';

/** Hours after creation at which an unpaid order is closed, unless the shop set otherwise. */
export const DEFAULT_UNPAID_HOURS = 72;
/** Less time left than this is urgent. */
export const URGENT_MS = 6 * 60 * 60 * 1000;

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** When an order created at `createdAt` is closed if still unpaid (`hours` after creation). */
export function unpaidDeadline(createdAt: Date, hours: number = DEFAULT_UNPAID_HOURS): Date {
  return new Date(createdAt.getTime() + hours * HOUR_MS);
}

export interface TimeLeft {
  /** Milliseconds until the deadline (negative once past; NaN for an invalid date). */
  ms: number;
  /** True at or after the deadline. */
  expired: boolean;
  /** `剩余 2天3小时`, `剩余 5小时20分钟`, `剩余 45分钟`, `已超时` ('' for an invalid date). */
  label: string;
  /** Less than 6 hours left and not yet expired (an expired order is closed: nothing left to chase). */
  urgent: boolean;
}

/**
 * Time left until `deadline`. Minutes are rounded up (30 seconds left shows
 * `剩余 1分钟`, never `剩余 0分钟`); a zero part is left out (`剩余 2天`, `剩余 3小时`).
 */
export function timeLeft(deadline: Date, now: Date): TimeLeft {
  const ms = deadline.getTime() - now.getTime();
  if (!Number.isFinite(ms)) return { ms: NaN, expired: false, label: '', urgent: false };
  if (ms <= 0) return { ms, expired: true, label: '已超时', urgent: false };
  const totalMinutes = Math.ceil(ms / MINUTE_MS);
  const days = Math.floor(totalMinutes / (24 * 60));
  const hours = Math.floor((totalMinutes % (24 * 60)) / 60);
  const minutes = totalMinutes % 60;
  let label: string;
  if (days > 0) label = `${days}天${hours > 0 ? `${hours}小时` : ''}`;
  else if (hours > 0) label = `${hours}小时${minutes > 0 ? `${minutes}分钟` : ''}`;
  else label = `${minutes}分钟`;
  return { ms, expired: false, label: `剩余 ${label}`, urgent: ms < URGENT_MS };
}

// `2026-11-25 10:20:28`, `2026/11/25 10:20`, `2026年11月25日 10:20`, `2026-11-25T10:20:28`, `2026-11-25`
const FULL = /(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s*|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?!\d)/;
// `11-25 10:20`, `11/25 10:20:28`, `11月25日 10:20` (the time of day is required: `11-25` alone may be anything)
const SHORT = /(?<!\d)(\d{1,2})\s*[-/月]\s*(\d{1,2})\s*日?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?(?!\d)/;

/** A year-less time more than this far in the future is taken as last year (`12-31 23:50` read on Jan 1). */
const FUTURE_SLACK_MS = 2 * 24 * HOUR_MS;

/**
 * Read a time as order consoles print it, anywhere in `text`:
 * `2026-11-25 10:20:28`, `创建时间：2026-11-25 10:20:28`, `2026/11/25 10:20`,
 * `2026年11月25日 10:20`, `2026-11-25` (midnight), `11-25 10:20` (no year).
 * The text is China wall-clock time (UTC+8) regardless of the machine's time zone.
 * Without a year the current year in China is assumed — or last year when that
 * would put the time more than two days ahead of `now` (a December time read in January).
 * Full-width digits are accepted. Returns null when no valid time is found.
 */
export function parseConsoleTime(text: string, now: Date = clock.date()): Date | null {
  const src = String(text ?? '').normalize('NFKC');
  const full = FULL.exec(src);
  if (full) {
    const [, y, mo, d, h, mi, s] = full;
    return chinaDate(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
  }
  const short = SHORT.exec(src);
  if (!short) return null;
  const [, mo, d, h, mi, s] = short;
  const nowMs = now.getTime();
  const year = Number.isFinite(nowMs) ? chinaParts(now).year : chinaParts(clock.date()).year;
  const at = chinaDate(year, Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (at && Number.isFinite(nowMs) && at.getTime() - nowMs > FUTURE_SLACK_MS) {
    return chinaDate(year - 1, Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0));
  }
  return at;
}
