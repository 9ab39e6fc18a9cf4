import type { FeatureEnv } from '../runtime/feature';
import type { StockHit } from './stock-index';

/** What a badge showed: the detail opens with it, before the worker's full record arrives. */
export interface BadgeShown {
  code: string;
  hit: StockHit | null;
  pageStock: number | null;
}

/** The stock detail under a badge, one per page. */
export interface DetailPopover {
  open(badge: HTMLElement, shown: BadgeShown): void;
  close(): void;
}

/** What the on-demand detail script (entrypoints/stock-detail.content) hands to the stock badges. */
export interface StockDetailTool {
  /** A popover for one running copy of the badges: its listeners are guarded by, and report to, that feature. */
  createPopover(env: Pick<FeatureEnv, 'ctx' | 'guard' | 'report'>): DetailPopover;
}
