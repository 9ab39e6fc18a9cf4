import { t } from '@/utils/i18n';
import { formatWait, type WaitTone } from '@/utils/response-clock/wait-tone';

export interface WaitBarProps {
  /** The open conversation's wait, if its buyer is waiting. */
  current: { waitedMs: number; tone: WaitTone; newBuyer: boolean } | null;
  /** Other buyers waiting, and the longest of them. */
  others: number;
  longestOtherMs: number | null;
  onJump: () => void;
}

/** Above the reply box: how long this buyer has waited, and whether others wait longer. */
export function WaitBar({ current, others, longestOtherMs, onJump }: WaitBarProps) {
  if (!current && others === 0) return null;
  const units = { s: t('clockUnitS'), m: t('clockUnitM'), h: t('clockUnitH') };
  return (
    <div class={`bar ${current?.tone ?? ''}`} data-testid="wait-bar" data-tone={current?.tone ?? 'none'}>
      {current ? (
        <span>
          {t('clockBuyerWaited')} <span class="time" data-testid="wait-bar-time">{formatWait(current.waitedMs, units)}</span>
          {current.newBuyer && <span class="first"> {t('clockFirstMessage')}</span>}
        </span>
      ) : (
        <span>{t('clockAnswered')}</span>
      )}
      {others > 0 && longestOtherMs != null && (
        <span class="others">
          {t('clockOthersWaiting', [String(others), formatWait(longestOtherMs, units)])}{' '}
          <button type="button" name="jump-to-waiting" onClick={onJump}>{t('clockJump')}</button>
        </span>
      )}
    </div>
  );
}
