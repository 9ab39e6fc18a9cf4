import type { StockHit } from './stock-index';

export type BadgeKind = 'none' | 'ok' | 'low' | 'zero' | 'mismatch';

export interface BadgeState {
  kind: BadgeKind;
  /** The data is older than the agent's staleness limit. */
  stale: boolean;
  real?: number;
  pageStock?: number;
  ageMs?: number;
  sourceName?: string;
}

export interface BadgeOptions {
  lowThreshold: number;
  staleAfterMinutes: number;
  now: number;
}

/**
 * What a stock badge must say. A code without a record is 'none' (never shown as 0); page stock above the real
 * stock is the dangerous case (selling what cannot ship) and wins over low or zero.
 */
export function badgeState(hit: StockHit | undefined, pageStock: number | null, options: BadgeOptions): BadgeState {
  if (!hit) return { kind: 'none', stale: false };
  const ageMs = Math.max(0, options.now - hit.syncedAt);
  const common = {
    stale: ageMs > options.staleAfterMinutes * 60_000,
    real: hit.available,
    ageMs,
    pageStock: pageStock ?? undefined,
    sourceName: hit.sourceName,
  };
  if (pageStock != null && pageStock > hit.available) return { kind: 'mismatch', ...common };
  if (hit.available <= 0) return { kind: 'zero', ...common };
  if (hit.available <= options.lowThreshold) return { kind: 'low', ...common };
  return { kind: 'ok', ...common };
}

/** Age in the largest whole unit: [amount, unit]. */
export function ageParts(ms: number): [number, 'now' | 'minutes' | 'hours' | 'days'] {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return [0, 'now'];
  if (minutes < 60) return [minutes, 'minutes'];
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? [hours, 'hours'] : [Math.floor(hours / 24), 'days'];
}
