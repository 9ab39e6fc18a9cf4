import { clock } from '@/utils/clock';

const DAY = 24 * 60 * 60 * 1000;
/** Clocks of the console and the agent's machine may differ a little: a time this much ahead is still "now". */
const SLACK = 60_000;

const TIME = /(?:(\d{4})[-/.年])?(?:(\d{1,2})[-/.月](\d{1,2})日?\s*)?(?:(昨天|前天)\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?/;

/** A page time read: the instant, and whether the page gave its day (a date, 昨天/前天) or only the time of day. */
interface PageTime {
  at: number;
  dateless: boolean;
}

function readPageTime(text: string, now: number): PageTime | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, dayWord, hh, mm, ss] = match;
  const hours = Number(hh), minutes = Number(mm), seconds = Number(ss ?? 0);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const ref = new Date(now);
  if (month && day) {
    const at = new Date(year ? Number(year) : ref.getFullYear(), Number(month) - 1, Number(day), hours, minutes, seconds).getTime();
    // "12-31 23:50" read on 1 January belongs to last year.
    const lastYear = !year && at > now + DAY;
    return { at: lastYear ? new Date(ref.getFullYear() - 1, Number(month) - 1, Number(day), hours, minutes, seconds).getTime() : at, dateless: false };
  }
  const daysBack = dayWord === '前天' ? 2 : dayWord === '昨天' ? 1 : 0;
  let at = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - daysBack, hours, minutes, seconds).getTime();
  // A bare time of day later than now was yesterday's (the page was drawn before midnight, or shows today's only).
  if (!dayWord && at > now + SLACK) at = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - 1, hours, minutes, seconds).getTime();
  return { at, dateless: !dayWord };
}

/**
 * A message time as a console shows it — `2026-11-25 10:19:32`, `11-25 10:19`, `昨天 10:19`, `10:19:32` or `10:19` —
 * read in the browser's time zone (the agent's, which is the console's). A bare time of day is the latest such moment
 * not after `now` (a minute of slack for clocks that differ): later than now means yesterday. Null when the text holds
 * no time.
 */
export function parsePageTime(text: string, now = clock.now()): number | null {
  return readPageTime(text, now)?.at ?? null;
}

/**
 * The times of one conversation's messages, oldest message first, as the page shows them. Each is read as
 * parsePageTime does, and then the conversation's order is kept: a bare time of day that would come after a later
 * message's time is a day earlier (a conversation that crossed midnight, `23:58` then `00:01`). Null where a message
 * shows no time.
 */
export function parseConversationTimes(texts: readonly (string | null)[], now = clock.now()): (number | null)[] {
  const read = texts.map((text) => (text ? readPageTime(text, now) : null));
  let newer = Infinity;
  for (let i = read.length - 1; i >= 0; i--) {
    const time = read[i];
    if (!time) continue;
    if (time.dateless && time.at > newer) time.at -= Math.ceil((time.at - newer) / DAY) * DAY;
    newer = Math.min(newer, time.at);
  }
  return read.map((time) => time?.at ?? null);
}
