import fc from 'fast-check';
import { expect } from 'vitest';
import { noteTried, type TrialKind } from './reliability-report';

/**
 * A generous per-case budget for one parser call on a bounded input (the inputs here are at most a few hundred KB,
 * and parse in well under 50 ms): what a super-linear path, a catastrophic regex or a loop that never ends would
 * blow, not a speed target (those are in `npm run bench`).
 */
export const CASE_BUDGET_MS = 3000;

/**
 * Runs a property with fast-check and notes the cases it tried for the README's Reliability figures.
 * `XIAOER_FC_RUNS` multiplies every numRuns (e.g. 10 for a long local hunt); `FC_SEED` (and `FC_PATH`) replay the
 * failure fast-check prints ("seed: …, path: …").
 */
export async function holds(kind: TrialKind, category: string, property: fc.IAsyncProperty<any> | fc.IProperty<any>, numRuns: number): Promise<void> {
  const runs = Math.max(1, Math.round(numRuns * Number(process.env.XIAOER_FC_RUNS ?? 1)));
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  await fc.assert(property as fc.IAsyncProperty<any>, { numRuns: runs, seed, path: seed !== undefined ? process.env.FC_PATH : undefined, endOnFailure: true });
  noteTried(kind, category, runs);
}

/** A refusal a person can act on: our own error with a Chinese message, never a TypeError/RangeError from inside. */
export function expectClearRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(Error);
  const { name, message } = error as Error;
  expect(['TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'InternalError']).not.toContain(name);
  expect(message).toMatch(/[\u4e00-\u9fff]/);
}

export type Answer<T> = { value: T } | { refused: Error };

/**
 * Calls a boundary function on hostile input: it answers (a value) or refuses clearly, within the case budget.
 * Anything else — an internal error, a hang past the budget — fails the property.
 */
export async function answer<T>(call: () => T | Promise<T>): Promise<Answer<T>> {
  const started = performance.now();
  let outcome: Answer<T>;
  try {
    outcome = { value: await call() };
  } catch (error) {
    expectClearRefusal(error);
    outcome = { refused: error as Error };
  }
  expect(performance.now() - started).toBeLessThan(CASE_BUDGET_MS);
  return outcome;
}

/** Text as it comes from files and pages: any unicode, with the characters parsers care about made common. */
export const hostileText = (maxLength = 400) =>
  fc.string({
    unit: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(',', '\t', ';', '"', '\n', '\r', '{', '}', '|', ' ', '\u3000', '\ufeff', '\u0000', '0', '1', '-', '.', 'e') },
      { weight: 3, arbitrary: fc.constantFrom('库', '存', '仓', '省', '市', '区', '路', '号', '编', '码', '可', '用', '数', '量') },
      { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }) },
    ),
    maxLength,
  });
