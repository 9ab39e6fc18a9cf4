import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TabEvents } from './tab-events';
import { PageParts } from '../adapters/page-parts';
import type { PageMatch, PageSelection } from '../adapters/select-page';

import type { Settings } from '../settings/settings';
import type { Cleanup, Feature, FeatureState } from './feature';
import type { PageObserver } from './page-observer';

export type ErrorReporter = (scope: string, error: unknown, level?: 'warn' | 'error') => void;

interface Running {
  feature: Feature;
  /** The page entries it runs on: one, or all it serves for a whole-page feature. */
  entries: Entry[];
  abort: AbortController;
  cleanups: Cleanup[];
  failed: boolean;
  /** start() has finished (an async start has resolved): its UI is up, or it decided there is none to put up. */
  started: boolean;
}

/** One page entry of the current URL, read through its parts. */
interface Entry {
  match: PageMatch;
  parts: PageParts;
}

/**
 * Runs the features that fit the current page: right kind, toggle on, needed parts present. Every page entry the URL
 * matches is its own place: a feature runs once on each entry of a kind it serves, once its parts are there (order
 * care on the order list and on the chat's order panel of the same URL); a `wholePage` feature runs once for all.
 * Each runs in isolation: its errors are logged and stop only that instance.
 */
export class FeatureRegistry {
  private selection: PageSelection | null = null;
  private entries: Entry[] = [];
  private active = false;
  private settings!: Settings;
  /** Keyed by feature id and entry index (`stock-badges#1`); whole-page features by their id alone. */
  private readonly running = new Map<string, Running>();
  /** Figures features published for the popup; cleared when the page changes. */
  readonly figures = new Map<string, number>();

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly features: readonly Feature[],
    private readonly observer: PageObserver,
    private readonly report: ErrorReporter,
    /** Worker broadcasts, re-dispatched inside the content script (never on the page's window). */
    private readonly broadcasts: TabEvents,
  ) {
    observer.onAnyChange(() => this.startReady());
    ctx.onInvalidated(() => this.stopAll());
  }

  /** Called on start, navigation and settings changes. A different set of page entries restarts everything. */
  update(selection: PageSelection | null, settings: Settings, active: boolean): void {
    const samePages =
      selection?.adapter === this.selection?.adapter &&
      (selection?.pages.length ?? 0) === this.entries.length &&
      (selection?.pages ?? []).every((page, i) => page === this.entries[i]?.match.page);
    this.settings = settings;
    this.active = active;
    if (!samePages) {
      this.stopAll();
      this.figures.clear();
      this.selection = selection;
      this.entries = (selection?.pages ?? []).map((page) => ({ match: { adapter: selection!.adapter, page }, parts: new PageParts(page) }));
    }
    for (const [key, run] of [...this.running]) {
      if (!this.wanted(run.feature, run.entries)) this.stop(key);
    }
    this.observer.setTextsEverywhere(this.features.some((feature) => feature.texts !== 'watched' && this.places(feature).some(({ entries }) => this.wanted(feature, entries))));
    this.startReady();
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  get currentSelection(): PageSelection | null {
    return this.selection;
  }

  /** The parts of every page entry the URL matches. */
  get currentParts(): PageParts[] {
    return this.entries.map((e) => e.parts);
  }

  /**
   * The state of each feature that can run on one of this page's entries; one still starting is not running yet.
   * A feature on several entries is failed if one failed, running if one runs.
   */
  states(): Record<string, FeatureState> {
    const states: Record<string, FeatureState> = {};
    for (const feature of this.features) {
      const places = this.places(feature);
      if (!places.length) continue;
      const each = places.map(({ key, entries }): FeatureState => {
        const run = this.running.get(key);
        return run ? (run.failed ? 'failed' : run.started ? 'running' : 'waiting') : this.wanted(feature, entries) ? 'waiting' : 'off';
      });
      states[feature.id] = (['failed', 'running', 'waiting', 'off'] as const).find((s) => each.includes(s))!;
    }
    return states;
  }

  /** Where a feature can run on this page: one place per entry of a kind it serves, or one for all (`wholePage`). */
  private places(feature: Feature): { key: string; entries: Entry[] }[] {
    const served = this.entries.filter((e) => e.match.page.kind in feature.needs);
    if (!served.length) return [];
    if (feature.wholePage) return [{ key: feature.id, entries: served }];
    return served.map((entry) => ({ key: `${feature.id}#${this.entries.indexOf(entry)}`, entries: [entry] }));
  }

  private wanted(feature: Feature, entries: Entry[]): boolean {
    if (!this.active || !this.selection || this.ctx.isInvalid || !entries.length) return false;
    if (!entries.every((e) => this.entries.includes(e))) return false;
    return feature.toggle ? this.settings.features[feature.toggle] : true;
  }

  private ready(feature: Feature, entry: Entry): boolean {
    const needed: readonly string[] = feature.needs[entry.parts.kind] ?? [];
    return needed.every((name) => entry.parts.has(name as never) && entry.parts.first(name as never) !== null);
  }

  private startReady(): void {
    for (const feature of this.features) {
      for (const { key, entries } of this.places(feature)) {
        if (this.running.has(key) || !this.wanted(feature, entries)) continue;
        const ready = entries.find((entry) => this.ready(feature, entry));
        if (ready) this.start(feature, key, ready, entries);
      }
    }
  }

  private start(feature: Feature, key: string, entry: Entry, entries: Entry[]): void {
    const run: Running = { feature, entries, abort: new AbortController(), cleanups: [], failed: false, started: false };
    this.running.set(key, run);
    const fail = (error: unknown) => {
      if (run.failed) return;
      run.failed = true;
      this.report(feature.id, error);
      this.teardown(run);
    };
    const guard = <A extends unknown[]>(fn: (...args: A) => unknown) => (...args: A): void => {
      if (run.failed || run.abort.signal.aborted) return;
      try {
        const result = fn(...args);
        if (result instanceof Promise) result.catch(fail);
      } catch (error) {
        fail(error);
      }
    };
    try {
      const result = feature.start({
        ctx: this.ctx,
        match: entry.match,
        parts: entry.parts,
        pages: entries.map((e) => e.parts),
        settings: () => this.settings,
        signal: run.abort.signal,
        guard,
        onDomChange: (listener, options) => run.cleanups.push(this.observer.subscribe(guard(listener), options)),
        watchTexts: (element) => this.observer.watchTexts(element),
        onBroadcast: (event, listener) => run.cleanups.push(this.broadcasts.on(event, guard(listener))),
        emit: (event, detail) => this.broadcasts.emit(event, detail),
        publish: (key, value) => this.figures.set(key, value),
        report: (error, level) => this.report(feature.id, error, level),
      });
      const keep = (cleanup: void | Cleanup) => {
        run.started = true;
        if (!cleanup) return;
        if (run.abort.signal.aborted) cleanup();
        else run.cleanups.push(cleanup);
      };
      // Synchronous features get their cleanup registered at once; async ones when they finish starting.
      if (result instanceof Promise) result.then(keep, fail);
      else keep(result);
    } catch (error) {
      fail(error);
    }
  }

  private stop(id: string): void {
    const run = this.running.get(id);
    if (!run) return;
    this.running.delete(id);
    this.teardown(run);
  }

  private teardown(run: Running): void {
    run.abort.abort();
    for (const cleanup of run.cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // A failing cleanup must not keep the others from running.
      }
    }
  }
}

