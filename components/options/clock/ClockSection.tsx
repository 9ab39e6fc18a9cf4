import { t } from '@/utils/i18n';
import { figuresCsv } from '@/utils/response-clock/figures-csv';
import { Toggle } from '../../common/Toggle';
import { useSettings } from '../../common/use-settings';
import { percent, seconds, useClockFigures } from '../../clock/use-clock-figures';
import { DayChart } from './DayChart';

const DAYS = 30;

/** Response clock settings, the last 30 days as small charts, and the CSV for the team lead. */
export function ClockSection() {
  const [settings, update] = useSettings();
  const { data, error } = useClockFigures(DAYS, 10_000);
  if (!settings) return null;
  const c = settings.clock;
  const set = (change: Partial<typeof c>) => update((all) => ({ ...all, clock: { ...all.clock, ...change } }));
  // Uncontrolled (keyed by the saved value): the figures below refresh every 10 s, and a controlled input would have
  // its half-typed value put back to the saved one by that re-render, so the agent's change would never be saved.
  const number = (name: string, label: string, value: number, min: number, max: number, apply: (n: number) => void) => (
    <label>
      <span>{label}</span>
      <input type="number" name={name} min={min} max={max} defaultValue={String(value)} key={value}
        onChange={(e) => {
          const n = Number(e.currentTarget.value);
          if (Number.isInteger(n) && n >= min && n <= max) apply(n);
          else e.currentTarget.value = String(value);
        }} />
    </label>
  );
  const download = () => {
    if (!data) return;
    const csv = figuresCsv(data.days, {
      day: t('clockCsvDay'), inquiries: t('clockInquiries'), served: t('clockServed'), firstResponses: t('clockFirstResponses'),
      medianFirst: t('clockCsvMedianFirst'), p90First: t('clockCsvP90First'), average: t('clockCsvAverage'),
      withinTarget: t('clockCsvWithinTarget'), withinShare: t('clockCsvWithinShare'), replies: t('clockReplies'),
      snippetReplies: t('clockCsvSnippetReplies'), ordersSeen: t('clockCsvOrdersSeen'), ordered: t('clockCsvOrdered'),
      conversion: t('clockCsvConversion'),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `xiaoer-figures-${data.days.at(-1)!.day}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const s = t('clockSecondsUnit');
  return (
    <div class="clock-section">
      <div class="order-settings clock-settings">
        {number('clock-target', t('clockTargetSetting'), c.targetSeconds, 1, 3600, (n) => set({ targetSeconds: n }))}
        {number('clock-red', t('clockRedSetting'), c.redSeconds, 1, 86400, (n) => set({ redSeconds: n }))}
        {number('clock-keep', t('clockKeepSetting'), c.keepDays, 1, 365, (n) => set({ keepDays: n }))}
        <Toggle name="clock-badge" label={t('clockBadgeSetting')} checked={c.badge} onChange={(badge) => set({ badge })} />
        <Toggle name="clock-sound" label={t('clockSoundSetting')} checked={c.sound} onChange={(sound) => set({ sound })} />
      </div>
      <p class="muted small">{t('clockPrivacy', String(c.keepDays))}</p>

      <h3>{t('clockLastDays', String(DAYS))}</h3>
      {error && <p class="error">{error}</p>}
      {data && (
        <>
          <div class="charts" data-testid="clock-charts">
            <DayChart id="served" title={t('clockServed')} days={data.days} value={(d) => (d.served || d.inquiries ? d.served : null)} format={String} />
            <DayChart id="median-first" title={t('clockMedianFirst')} days={data.days} value={(d) => d.medianFirstMs} format={(v) => `${seconds(v)} ${s}`} line={data.targetSeconds * 1000} />
            <DayChart id="p90-first" title={t('clockP90First')} days={data.days} value={(d) => d.p90FirstMs} format={(v) => `${seconds(v)} ${s}`} line={data.targetSeconds * 1000} />
            <DayChart id="within-target" title={t('clockWithinTarget', String(data.targetSeconds))} days={data.days} value={(d) => d.withinShare} format={percent} max={1} />
            <DayChart id="snippet-replies" title={t('clockCsvSnippetReplies')} days={data.days} value={(d) => (d.replies ? d.snippetReplies : null)} format={String} />
            <DayChart id="conversion" title={t('clockConversion')} days={data.days} value={(d) => d.conversion} format={percent} max={1} />
          </div>
          <button type="button" name="export-figures" onClick={download}>{t('clockExportCsv')}</button>
        </>
      )}
    </div>
  );
}
