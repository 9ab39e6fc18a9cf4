import { useRef, useState } from 'preact/hooks';
import { clock } from '@/utils/clock';
import type { ReadProgress } from '@/utils/stock-import/read-stock-file';

/** An abort by 取消 (the signal's default reason), as opposed to a failure. */
export const isCancelled = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * One import step at a time (reading the file, re-reading it for a new mapping, committing) with its progress and a
 * cancel: `run` gives the work a signal and a progress callback; `cancel` aborts it.
 */
export function useCancellable() {
  const [progress, setProgress] = useState<ReadProgress | null>(null);
  const controller = useRef<AbortController | null>(null);
  // How far the step had got when 取消 was pressed (for the log line, once the step has ended cancelled).
  const stoppedAt = useRef<ReadProgress | null>(null);
  // When the running step began: its progress shows once the step (not the stage it is in) has taken a second.
  const startedAt = useRef(0);
  const run = async <T,>(work: (signal: AbortSignal, onProgress: (progress: ReadProgress) => void) => Promise<T>): Promise<T> => {
    const current = new AbortController();
    controller.current = current;
    startedAt.current = clock.now();
    setProgress({ stage: 'read', done: 0 });
    try {
      return await work(current.signal, setProgress);
    } finally {
      if (controller.current === current) controller.current = null;
      setProgress(null);
    }
  };
  const cancel = () => {
    stoppedAt.current = progress;
    controller.current?.abort();
  };
  return { progress, busy: progress !== null, run, cancel, stoppedAt: () => stoppedAt.current, startedAt: () => startedAt.current };
}

export type Cancellable = ReturnType<typeof useCancellable>;
