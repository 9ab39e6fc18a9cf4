/**
 * Work that must not overlap itself, e.g. reading the whole page: asked for while it runs, it runs once more when
 * done (however often it was asked meanwhile), so the last change is always seen. The promise settles when no run
 * is due any more. Errors go to `report` and do not stop the next run; an aborted `signal` does.
 */
export function oneAtATime(work: () => Promise<void>, { signal, report }: { signal: AbortSignal; report: (error: unknown) => void }): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const runAll = async () => {
    do {
      again = false;
      try {
        await work();
      } catch (error) {
        report(error);
      }
    } while (again && !signal.aborted);
    // Cleared here, not in a later .finally(): a request arriving in between would be lost. (After `await work()`,
    // so always after `running` was assigned.)
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    return (running = runAll());
  };
}
