import type { Adapter } from '../adapter-schema';
import type { PartHealth } from '../page-parts';
import type { PageKind } from '../vocabulary';

/** A custom adapter as the options page lists it: the origins it still needs permission for, if any. */
export interface CustomAdapterEntry {
  adapter: Adapter;
  missingOrigins: string[];
}

/** A tab the options page can test an adapter on. */
export interface ConsoleTab {
  id: number;
  title: string;
  url: string;
}

/** What "test on the tab" found: per page of the adapter, each part's match count; `matched` is the page the URL selects. */
export interface AdapterTestReport {
  url: string;
  pages: { index: number; kind: PageKind; matched: boolean; parts: PartHealth[] }[];
  /** How many elements got an outline (capped per part, so a 2,000-row list does not freeze the page). */
  highlighted: number;
}
