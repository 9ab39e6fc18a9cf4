import { clock } from '@/utils/clock';

/** The local calendar day of a moment, `YYYY-MM-DD`: figures are per working day in the agent's time zone. */
export function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Start and end (exclusive) of the local day holding `at`. */
export function dayBounds(at: number): { start: number; end: number } {
  const d = new Date(at);
  return {
    start: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    end: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
  };
}

/** Noon of each of the last `count` local days up to the one holding `now`, oldest first. */
export function lastDayNoons(count: number, now = clock.now()): number[] {
  const d = new Date(now);
  return Array.from({ length: count }, (_, i) => new Date(d.getFullYear(), d.getMonth(), d.getDate() - (count - 1 - i), 12).getTime());
}
