import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { TabEvents } from './tab-events';
import { PageParts } from '../adapters/page-parts';
import type { PageMatch } from '../adapters/select-page';

import type { Settings } from '../settings/settings';
import type { Cleanup, Feature, FeatureState } from './feature';
import type { PageObserver } from './page-observer';

export type ErrorReporter = (scope: string, error: unknown, level?: 'warn' | 'error') => void;

interface Running {
  abort: AbortController;
  cleanups: Cleanup[];
  failed: boolean;
  /** start() has finished (an async start has resolved): its UI is up, or it decided there is none to put up. */
  started: boolean;
}

/**
 * Runs the features that fit the current page: right kind, toggle on, needed parts present.
 * Each runs in isolation: its errors are logged and stop only that feature.
 */
export class FeatureRegistry {
  private match: PageMatch | null = null;
  private parts: PageParts | null = null;
  private active = false;
  private settings!: Settings;
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
    observer.subscribe(() => this.startReady());
    ctx.onInvalidated(() => this.stopAll());
  }

  /** Called on start, navigation and settings changes. A different page restarts everything. */
  update(match: PageMatch | null, settings: Settings, active: boolean): void {
    const samePage = match?.page === this.match?.page && match?.adapter === this.match?.adapter;
    this.settings = settings;
    this.active = active;
    if (!samePage) {
      this.stopAll();
      this.figures.clear();
      this.match = match;
      this.parts = match ? new PageParts(match.page) : null;
    }
    for (const feature of this.features) {
      if (this.running.has(feature.id) && !this.wanted(feature)) this.stop(feature.id);
    }
    this.startReady();
  }

  stopAll(): void {
    for (const id of [...this.running.keys()]) this.stop(id);
  }

  get currentMatch(): PageMatch | null {
    return this.match;
  }

  get currentParts(): PageParts | null {
    return this.parts;
  }

  /** The state of each feature that can run on this kind of page; one still starting is not running yet. */
  states(): Record<string, FeatureState> {
    const kind = this.match?.page.kind;
    return Object.fromEntries(
      this.features.filter((f) => kind && kind in f.needs).map((f) => {
        const run = this.running.get(f.id);
        const state: FeatureState = run ? (run.failed ? 'failed' : run.started ? 'running' : 'waiting') : this.wanted(f) ? 'waiting' : 'off';
        return [f.id, state];
      }),
    );
  }

  private wanted(feature: Feature): boolean {
    if (!this.active || !this.match || this.ctx.isInvalid) return false;
    if (!(this.match.page.kind in feature.needs)) return false;
    return feature.toggle ? this.settings.features[feature.toggle] : true;
  }

  private ready(feature: Feature): boolean {
    const parts = this.parts;
    const needed: readonly string[] = (parts && feature.needs[parts.kind]) ?? [];
    return !!parts && needed.every((name) => parts.has(name as never) && parts.first(name as never) !== null);
  }

  private startReady(): void {
    for (const feature of this.features) {
      if (!this.running.has(feature.id) && this.wanted(feature) && this.ready(feature)) this.start(feature);
    }
  }

  private start(feature: Feature): void {
    const run: Running = { abort: new AbortController(), cleanups: [], failed: false, started: false };
    this.running.set(feature.id, run);
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
        match: this.match!,
        parts: this.parts!,
        settings: () => this.settings,
        signal: run.abort.signal,
        guard,
        onDomChange: (listener, options) => run.cleanups.push(this.observer.subscribe(guard(listener), options)),
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

