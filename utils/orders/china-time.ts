// China wall-clock time (Asia/Shanghai, UTC+8, no daylight saving since 1991).
//
// Order consoles (Taobao/Tmall, JD, Pinduoduo, Doudian) print times as Beijing
// wall time without a zone, and shops read the remark times the same way. Every
// order-care module therefore formats and parses times at a fixed UTC+8 offset,
// whatever the agent machine's own time zone is, so a remark written from a
// laptop abroad still shows the time the shop's console shows.

/** Offset of China Standard Time from UTC, in milliseconds. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ChinaParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock fields of an instant in China time. */
export function chinaParts(at: Date): ChinaParts {
  const s = new Date(at.getTime() + CHINA_UTC_OFFSET_MS);
  return {
    year: s.getUTCFullYear(),
    month: s.getUTCMonth() + 1,
    day: s.getUTCDate(),
    hour: s.getUTCHours(),
    minute: s.getUTCMinutes(),
    second: s.getUTCSeconds(),
  };
}

/**
 * The instant of a China wall-clock time, or null if a field is out of range
 * (month 13, 02-30, 24:00, …).
 */
export function chinaDate(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date | null {
  if (![year, month, day, hour, minute, second].every(Number.isInteger)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) - CHINA_UTC_OFFSET_MS;
  const back = chinaParts(new Date(ms));
  // Date.UTC rolls 02-30 over to 03-02: refuse instead.
  if (back.year !== year || back.month !== month || back.day !== day) return null;
  return new Date(ms);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `MM-DD` in China time ('' for an invalid date). */
export function formatChinaDate(at: Date): string {
  if (!Number.isFinite(at.getTime())) return '';
  const p = chinaParts(at);
  return `${pad2(p.month)}-${pad2(p.day)}`;
}

/** `MM-DD HH:mm` in China time ('' for an invalid date). */
export function formatChinaDateTime(at: Date): string {
  if (!Number.isFinite(at.getTime())) return '';
  const p = chinaParts(at);
  return `${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}
