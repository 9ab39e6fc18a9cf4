import { clock } from '../clock';

/** How often, and for how long, to try again. */
export interface TryAgainOptions {
  /** The pause between two tries, in ms. */
  delayMs: number;
  /** Give up after this many tries… */
  tries?: number;
  /** …or once this long has passed since the first try (read from `clock`, like every time in Xiaoer). */
  timeoutMs?: number;
  /** Give up when this is aborted (the feature stopped): nobody waits for the answer any more. */
  signal?: AbortSignal;
  /** retry only: try again only after an error this accepts (others may have done something: thrown at once). */
  retryIf?: (error: unknown) => boolean;
}

/**
 * A request tried again while it fails, e.g. while the worker is (re)starting. The first success is the answer;
 * when the tries run out (or `signal` is aborted) the last error is thrown.
 */
export async function retry<T>(request: () => Promise<T>, options: TryAgainOptions): Promise<T> {
  const { retryIf } = options;
  const last = await tryAgain(request, (outcome) => 'value' in outcome || (retryIf !== undefined && !retryIf(outcome.error)), options);
  if ('error' in last) throw last.error;
  return last.value;
}

/**
 * Something the page (or a tab) shows in a moment, looked for again until it is there, e.g. an editor that opens
 * after a click. Null when it did not come in time. An error thrown by `find` is a bug, not a "not yet": thrown at once.
 */
export async function waitFor<T>(find: () => T | null | undefined | Promise<T | null | undefined>, options: TryAgainOptions): Promise<T | null> {
  const last = await tryAgain(find, (outcome) => 'error' in outcome || outcome.value != null, options);
  if ('error' in last) throw last.error;
  return last.value ?? null;
}

type Outcome<T> = { value: T } | { error: unknown };

/** The one loop behind retry and waitFor: tries until `done`, or until the tries, the time or the signal end it. */
async function tryAgain<T>(attempt: () => T | Promise<T>, done: (outcome: Outcome<T>) => boolean, options: TryAgainOptions): Promise<Outcome<T>> {
  const { delayMs, tries = Infinity, timeoutMs = Infinity, signal } = options;
  const started = clock.now();
  for (let tried = 1; ; tried++) {
    let outcome: Outcome<T>;
    try {
      outcome = { value: await attempt() };
    } catch (error) {
      outcome = { error };
    }
    if (done(outcome) || tried >= tries || clock.now() - started > timeoutMs || signal?.aborted) return outcome;
    await new Promise((resume) => setTimeout(resume, delayMs));
  }
}
