// Display formats shared by the views (Asia/Shanghai wall clock, like the real console).
import { shanghaiParts, formatDateTime } from './data.js';

export { formatDateTime };

/** "YYYY-MM-DD HH:mm:ss" from an ISO string with offset. */
export const isoToDisplay = (iso) => formatDateTime(Date.parse(iso));

export function hhmm(ms) {
  const p = shanghaiParts(ms);
  return `${p.h}:${p.mi}`;
}

export function hhmmss(ms) {
  const p = shanghaiParts(ms);
  return `${p.h}:${p.mi}:${p.s}`;
}

/**
 * A chat time as 千牛-style consoles show it: the time of day alone for today's messages (Beijing), with the date
 * (`MM-DD`) for older ones. `seconds` adds them (the message bubbles have them; the conversation list does not).
 */
export function chatTime(ms, { seconds = false } = {}) {
  const p = shanghaiParts(ms);
  const today = shanghaiParts(Date.now());
  const time = seconds ? hhmmss(ms) : hhmm(ms);
  return p.y === today.y && p.mo === today.mo && p.d === today.d ? time : `${p.mo}-${p.d} ${time}`;
}

/** Query parameters of the current URL as a plain object. */
export function params() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

/** Integer query parameter clamped to [min, max], or `fallback`. */
export function intParam(name, fallback, min, max) {
  const n = Number.parseInt(new URLSearchParams(location.search).get(name) ?? '', 10);
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

/** Update one query parameter in place (no new history entry, route unchanged). */
export function replaceParam(name, value) {
  const url = new URL(location.href);
  if (value == null || value === '') url.searchParams.delete(name);
  else url.searchParams.set(name, String(value));
  history.replaceState(history.state, '', url);
}
