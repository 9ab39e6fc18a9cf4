import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where the suite notes what it tried; `npm run reliability` sums it into the README (gitignored). */
export const RELIABILITY_DIR = join(process.cwd(), '.reliability');

export type TrialKind = 'hostile-input' | 'round-trip' | 'fault';

/**
 * Notes that a test tried `count` hostile inputs, round trips or injected faults of one category and that every one
 * held (called only after its assertions passed, so a failing test notes nothing). One JSON line per call, with the
 * time, so `test/reliability.mjs --since T` counts one run's notes only.
 */
export function noteTried(kind: TrialKind, category: string, count: number): void {
  mkdirSync(RELIABILITY_DIR, { recursive: true });
  appendFileSync(join(RELIABILITY_DIR, 'tried.jsonl'), JSON.stringify({ kind, category, count, at: Date.now() }) + '\n');
}
