import { TAB_BROADCAST_EVENTS, type BroadcastEvent } from '../messaging/broadcast-events';
import type { PageParts, PartHealth } from '../adapters/page-parts';
import type { PageKind } from '../adapters/vocabulary';
import type { Adapter } from '../adapters/adapter-schema';
import type { FeatureState } from './feature';
import type { TeachKind } from '../teach/teach-plan';

/** Messages a console tab's content script accepts: from the popup, the worker's broadcasts and commands. */
export type TabMessage =
  | { type: 'tab.health' }
  | { type: 'palette.open' }
  | { type: 'clock.jump' }
  | { type: 'broadcast'; event: BroadcastEvent }
  // The worker validated the adapter (parseCustomAdapter) before sending it.
  | { type: 'adapter.test'; adapter: Adapter }
  | { type: 'adapter.clear' }
  // Open the teach overlay ("指认页面部件"), for every part or only the ones named.
  | { type: 'teach.start'; repoint?: { kind: TeachKind; part: string }[] };

/**
 * Checks a message that reached a console tab. Hand-written rather than zod: this runs in every console tab, and
 * the content script stays small; only our own extension can send here (the sender is checked too).
 */
export function parseTabMessage(raw: unknown): TabMessage | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { type, event } = raw as { type?: unknown; event?: unknown };
  if (type === 'tab.health' || type === 'palette.open' || type === 'clock.jump') return { type };
  if (type === 'adapter.clear') return { type };
  if (type === 'adapter.test') {
    const adapter = (raw as { adapter?: unknown }).adapter as Adapter | undefined;
    return adapter && Array.isArray(adapter.pages) && Array.isArray(adapter.matches) ? { type, adapter } : null;
  }
  if (type === 'teach.start') {
    const repoint = (raw as { repoint?: unknown }).repoint;
    if (repoint === undefined) return { type };
    return Array.isArray(repoint) && repoint.every(isRepoint) ? { type, repoint } : null;
  }
  if (type === 'broadcast' && TAB_BROADCAST_EVENTS.includes(event as BroadcastEvent)) return { type, event: event as BroadcastEvent };
  return null;
}

/** What a console tab says about itself: which adapter and page matched, what it found, what runs. */
export interface TabHealth {
  host: string;
  active: boolean;
  adapter: { id: string; name: string } | null;
  /** The first page entry's kind; `pageKinds` lists every entry the URL matches (items, orders and chat at once). */
  pageKind: PageKind | null;
  pageKinds?: PageKind[];
  /** No page of the adapter fits: only the generic snippet palette runs (any focused text box). */
  generic?: boolean;
  parts: PartHealth[];
  features: Record<string, FeatureState>;
  /** Figures the features published, e.g. `unverifiedPaidOrders`. */
  figures: Record<string, number>;
}

/** Required parts that match nothing: the page changed, or the adapter is wrong for it. */
export function missingParts(health: Pick<TabHealth, 'parts'>): string[] {
  return health.parts.filter((p) => !p.optional && p.count === 0).map((p) => p.name);
}

/** The health of every page entry, each part labelled with its entry's kind (a URL can show several kinds). */
export function entriesHealth(entries: readonly PageParts[]): PartHealth[] {
  return entries.flatMap((parts) => parts.health().map((part) => ({ ...part, kind: parts.kind })));
}

function isRepoint(value: unknown): value is { kind: TeachKind; part: string } {
  const { kind, part } = (value ?? {}) as { kind?: unknown; part?: unknown };
  return (kind === 'items' || kind === 'orders' || kind === 'chat') && typeof part === 'string';
}
