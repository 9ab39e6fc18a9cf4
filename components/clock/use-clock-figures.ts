import { useEffect, useState } from 'preact/hooks';
import type { Responses } from '@/utils/messaging/protocol';
import { sendToWorker } from '@/utils/messaging/send-to-worker';

type Figures = Responses['clock.figures'];

/** The worker's day figures for the last `days` days, asked again every few seconds while shown (they change live). */
export function useClockFigures(days: number, everyMs = 2000): { data: Figures | null; error: string | null } {
  const [data, setData] = useState<Figures | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    const load = () =>
      sendToWorker({ type: 'clock.figures', days }).then(
        (value) => alive && (setData(value), setError(null)),
        (e: Error) => alive && setError(e.message),
      );
    void load();
    const timer = setInterval(load, everyMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [days, everyMs]);
  return { data, error };
}

/** Whole seconds, as the agent reads a response time; "—" when there is none. */
export function seconds(ms: number | null): string {
  return ms == null ? '—' : String(Math.round(ms / 1000));
}

export function percent(value: number | null): string {
  return value == null ? '—' : `${Math.round(value * 100)}%`;
}
