import { clock } from '@/utils/clock';

const DAY = 24 * 60 * 60 * 1000;

/**
 * A message time as a console shows it — `2026-11-25 10:19:32`, `11-25 10:19`, `10:19:32` or `10:19` — read in the
 * browser's time zone (the agent's, which is the console's). Without a date it is the latest such moment not after
 * `now` (a minute of slack for clocks that differ). Null when the text holds no time.
 */
export function parsePageTime(text: string, now = clock.now()): number | null {
  const match = /(?:(\d{4})[-/.年])?(?:(\d{1,2})[-/.月](\d{1,2})日?\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!match) return null;
  const [, year, month, day, hh, mm, ss] = match;
  const hours = Number(hh), minutes = Number(mm), seconds = Number(ss ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const ref = new Date(now);
  if (month && day) {
    const at = new Date(year ? Number(year) : ref.getFullYear(), Number(month) - 1, Number(day), hours, minutes, seconds).getTime();
    // "12-31 23:50" read on 1 January belongs to last year.
    return !year && at > now + DAY ? new Date(ref.getFullYear() - 1, Number(month) - 1, Number(day), hours, minutes, seconds).getTime() : at;
  }
  let at = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate(), hours, minutes, seconds).getTime();
  if (at > now + 60_000) at = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - 1, hours, minutes, seconds).getTime();
  return at;
}
