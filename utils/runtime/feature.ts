import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { PageMatch } from '../adapters/select-page';
import type { PageParts } from '../adapters/page-parts';
import type { PageKind, PartName } from '../adapters/vocabulary';
import type { FeatureId, Settings } from '../settings/settings';
import type { DomChangeListener } from './page-observer';
import type { BroadcastEvent } from '../messaging/broadcast-events';

/** What reaches a console tab's features: worker broadcasts, and the keyboard command to open the palette. */
export type TabEvent = BroadcastEvent | 'palette-open' | 'palette-snippet' | 'clock-jump' | 'snippet-inserted' | 'teach-start';

/** What a running feature gets: the page through its adapter, and lifetimes it must respect. */
export interface FeatureEnv {
  ctx: ContentScriptContext;
  /** The page entry this instance runs on (a URL can match several: items, orders and chat at once). */
  match: PageMatch;
  parts: PageParts;
  /** The parts of every entry this instance serves: its own, or all of them for a `wholePage` feature. */
  pages: PageParts[];
  settings: () => Settings;
  /** Aborted when the feature stops (navigation, toggle off, extension reload). */
  signal: AbortSignal;
  /**
   * Called after DOM changes with the elements added, batched (at most one call per ~16 ms); errors are caught and
   * logged for this feature. `immediate`: called at once, in the same task as the page's change (see PageObserver).
   */
  onDomChange(listener: DomChangeListener, options?: { immediate?: boolean }): void;
  /** The texts the page rewrites inside this element reach onDomChange even where not every text does (Feature.texts). */
  watchTexts(element: Element): void;
  /** Called when the worker announces a change (stock, snippets, …) or a command; errors are caught like DOM listeners'. */
  onBroadcast(event: TabEvent, listener: (detail?: unknown) => void): void;
  /** Tells other features something (e.g. order care asks the palette for a snippet); they hear it via onBroadcast. */
  emit(event: TabEvent, detail?: unknown): void;
  /** A figure for the popup's status of this tab (e.g. paid orders not yet verified on this page). */
  publish(key: string, value: number): void;
  /**
   * Wraps a callback the browser calls (event listeners, observers, timers): an error it throws, or a promise it
   * returns that rejects, stops this feature alone and lands in the log instead of the page's console. Once the
   * feature stopped, the wrapped callback does nothing.
   */
  guard<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => void;
  /** Logs an error (or, with 'warn', a page value it skipped) for this feature without throwing into the page. */
  report(error: unknown, level?: 'warn' | 'error'): void;
}

export type Cleanup = () => void;

/** The contract every feature follows; the registry does the rest. */
export interface Feature {
  id: string;
  /** The settings toggle that switches it; features without one run whenever Xiaoer is on. */
  toggle?: FeatureId;
  /** Page kinds it runs on, each with the parts that must be on the page (one match at least) before it starts. */
  needs: { readonly [K in PageKind]?: readonly PartName<K>[] };
  /**
   * Runs once for all the page's entries it serves (the status dock reports them together), instead of once per
   * entry; `parts` is then the first entry whose needed parts are present.
   */
  wholePage?: boolean;
  /**
   * 'watched': the texts the page rewrites in place that this feature needs lie inside the elements it hands to
   * `watchTexts`. On a page where every feature that can run says so (an item list: the stock badges and the status
   * dock), the page observer follows only those texts, not every one of the document. Left out: every text.
   */
  texts?: 'watched';
  start(env: FeatureEnv): void | Cleanup | Promise<void | Cleanup>;
}

export type FeatureState = 'running' | 'waiting' | 'off' | 'failed';
