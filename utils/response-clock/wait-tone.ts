/** How urgent a wait looks: calm below the first-reply target, amber from it, red from the second threshold. */
export type WaitTone = 'calm' | 'amber' | 'red';

export interface ClockThresholds {
  targetSeconds: number;
  redSeconds: number;
}

export function waitTone(waitedMs: number, { targetSeconds, redSeconds }: ClockThresholds): WaitTone {
  if (waitedMs >= Math.max(redSeconds, targetSeconds) * 1000) return 'red';
  if (waitedMs >= targetSeconds * 1000) return 'amber';
  return 'calm';
}

/** Compact elapsed time for a badge: `8秒`, `1分05秒`, `2时14分` (units from the caller, for the English UI). */
export function formatWait(waitedMs: number, units: { s: string; m: string; h: string } = { s: '秒', m: '分', h: '时' }): string {
  const total = Math.max(0, Math.floor(waitedMs / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}${units.h}${String(m).padStart(2, '0')}${units.m}`;
  if (m > 0) return `${m}${units.m}${String(s).padStart(2, '0')}${units.s}`;
  return `${s}${units.s}`;
}
