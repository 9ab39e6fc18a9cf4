/**
 * Lets the page run (input, its own tasks, rendering) before long work goes on, so that work on a big list is
 * several short tasks instead of one long one. `scheduler.yield()` where the browser has it (it resumes ahead of
 * other queued tasks), else a new task.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
