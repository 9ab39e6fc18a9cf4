import type { Adapter } from '../adapter-schema';
import type { PartSample } from '../page-parts';
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

/**
 * What "test on the tab" found: for every page entry of the adapter, whether its path fits the URL (`matched`; a URL
 * can fit several) and, for each part, its count, the first values read and whether the matches read nothing.
 */
export interface AdapterTestReport {
  url: string;
  pages: { index: number; kind: PageKind; matched: boolean; parts: PartSample[] }[];
  /** How many elements got an outline (capped per part, so a 2,000-row list does not freeze the page). */
  highlighted: number;
}

/** What the on-demand test script (entrypoints/adapter-test.content) hands to the console content script. */
export interface AdapterHighlighter {
  /** Outlines what the adapter's selectors match on this page (replacing an earlier test's outlines) and reports it. */
  run(adapter: Adapter): AdapterTestReport;
  /** Removes the outlines, if any. */
  clear(): void;
}
