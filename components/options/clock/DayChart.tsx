import type { DayFigures } from '@/utils/response-clock/figures';

export interface DayChartProps {
  id: string;
  title: string;
  days: readonly DayFigures[];
  /** The value of a day, or null for no data (drawn as a gap, never as 0). */
  value: (day: DayFigures) => number | null;
  format: (value: number) => string;
  /** A reference line, e.g. the first-reply target. */
  line?: number;
  /** The top of the scale (1 for shares); else the largest value. */
  max?: number;
}

const W = 300;
const H = 80;

/** A small bar chart of one figure over the days: plain SVG, values as text in each bar's title. */
export function DayChart({ id, title, days, value, format, line, max: top }: DayChartProps) {
  const values = days.map(value);
  const max = top ?? (Math.max(line ?? 0, ...values.map((v) => v ?? 0)) || 1);
  const step = W / days.length;
  const last = values.at(-1);
  return (
    <figure class="day-chart" data-chart={id}>
      <figcaption>
        {title} <strong>{last == null ? '—' : format(last)}</strong>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={title}>
        <line x1="0" y1={H - 0.5} x2={W} y2={H - 0.5} class="axis" />
        {values.map((v, i) =>
          v == null ? null : (
            <rect key={days[i]!.day} x={i * step + 1} width={Math.max(1, step - 2)} y={H - (v / max) * (H - 4)} height={(v / max) * (H - 4)} data-day={days[i]!.day}>
              <title>{`${days[i]!.day}: ${format(v)}`}</title>
            </rect>
          ),
        )}
        {line != null && <line x1="0" x2={W} y1={H - (line / max) * (H - 4)} y2={H - (line / max) * (H - 4)} class="target" />}
      </svg>
      <div class="chart-range"><span>{days[0]?.day.slice(5)}</span><span>{days.at(-1)?.day.slice(5)}</span></div>
    </figure>
  );
}
