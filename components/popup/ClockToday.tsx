import { t } from '@/utils/i18n';
import { percent, seconds, useClockFigures } from '../clock/use-clock-figures';

/** Today's figures of the agent, from what Xiaoer recorded on this machine. */
export function ClockToday() {
  const { data, error } = useClockFigures(1);
  if (error) return <p class="error">{error}</p>;
  if (!data) return <p class="muted">…</p>;
  const d = data.days.at(-1)!;
  const s = t('clockSecondsUnit');
  const rows: [string, string, string][] = [
    ['served', t('clockServed'), String(d.served)],
    ['median-first', t('clockMedianFirst'), d.medianFirstMs == null ? '—' : `${seconds(d.medianFirstMs)} ${s}`],
    ['p90-first', t('clockP90First'), d.p90FirstMs == null ? '—' : `${seconds(d.p90FirstMs)} ${s}`],
    ['within-target', t('clockWithinTarget', String(data.targetSeconds)), d.judged ? `${percent(d.withinShare)} (${d.withinTarget}/${d.judged})` : '—'],
    ['snippet-replies', t('clockSnippetReplies'), `${d.snippetReplies}/${d.replies}`],
    ['conversion', t('clockConversion'), d.ordersSeen ? `${percent(d.conversion)} (${d.ordered}/${d.ordersSeen})` : '—'],
  ];
  return (
    <dl class="clock-today" data-testid="clock-today">
      {rows.map(([id, label, value]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-figure={id}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
