import { describe, expect, it } from 'vitest';
import { oneAtATime } from '@/utils/runtime/one-at-a-time';

/** Work that waits for the test to end each run. */
function controlledWork() {
  const runs: (() => void)[] = [];
  const work = () => new Promise<void>((resolve) => runs.push(resolve));
  return { work, runs, finish: async (index: number) => (runs[index]!(), await Promise.resolve(), await Promise.resolve()) };
}

describe('oneAtATime', () => {
  it('runs once more after the current run, however often it was asked meanwhile', async () => {
    const { work, runs, finish } = controlledWork();
    const run = oneAtATime(work, { signal: new AbortController().signal, report: () => {} });
    const first = run();
    run();
    run();
    expect(runs).toHaveLength(1);
    await finish(0);
    expect(runs).toHaveLength(2);
    await finish(1);
    await first;
    expect(runs).toHaveLength(2);
    // Idle again: the next ask starts a run at once.
    void run();
    expect(runs).toHaveLength(3);
  });

  it('reports an error and still makes the run that was asked for', async () => {
    const reported: unknown[] = [];
    let calls = 0;
    let release!: () => void;
    const run = oneAtATime(
      () => {
        calls++;
        if (calls === 1) return new Promise<void>((_, reject) => (release = () => reject(new Error('page changed'))));
        return Promise.resolve();
      },
      { signal: new AbortController().signal, report: (error) => reported.push(error) },
    );
    const done = run();
    run();
    release();
    await done;
    expect(calls).toBe(2);
    expect(reported).toEqual([new Error('page changed')]);
  });

  it('makes no further run once the signal is aborted', async () => {
    const stop = new AbortController();
    const { work, runs, finish } = controlledWork();
    const run = oneAtATime(work, { signal: stop.signal, report: () => {} });
    const done = run();
    run();
    stop.abort();
    await finish(0);
    await done;
    expect(runs).toHaveLength(1);
  });
});
