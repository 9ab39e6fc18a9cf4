import type { ClockRecord, WaitRecord } from './records';
import { dayBounds, localDay } from './local-day';
import { mean, median, percentile, share } from './stats';
import { clock } from '@/utils/clock';

/** The agent's figures for one local day. Times in milliseconds; shares in 0–1; null where there is nothing to show. */
export interface DayFigures {
  day: string;
  /** 咨询人数: buyers whose wait began that day while Xiaoer watched. */
  inquiries: number;
  /** 接待人数: buyers the agent replied to that day. */
  served: number;
  /** First responses: each inquiring buyer's first wait of the day, answered. */
  firstResponses: number;
  medianFirstMs: number | null;
  p90FirstMs: number | null;
  /** 平均响应时间: the mean over every answered wait of the day, not only the first. */
  averageMs: number | null;
  /** First waits answered within the target, out of those answered plus those still waiting past it. */
  withinTarget: number;
  judged: number;
  withinShare: number | null;
  replies: number;
  snippetReplies: number;
  /** 询单转化: of the inquiring buyers whose orders Xiaoer saw, those with an order placed after their inquiry. */
  ordersSeen: number;
  ordered: number;
  conversion: number | null;
}

/** Figures of the day holding `at`, from the stored records; `now` judges waits still open. */
export function dayFigures(records: readonly ClockRecord[], at: number, targetSeconds: number, now = clock.now()): DayFigures {
  const { start, end } = dayBounds(at);
  const inDay = (t: number) => t >= start && t < end;
  const targetMs = targetSeconds * 1000;

  const waits = records.filter((r): r is WaitRecord => r.kind === 'wait' && inDay(r.at));
  const firstWaits = new Map<string, WaitRecord>();
  for (const wait of waits) {
    const known = firstWaits.get(wait.key);
    if (!known || wait.at < known.at) firstWaits.set(wait.key, wait);
  }
  const answered = (w: WaitRecord) => (w.answeredAt != null ? w.answeredAt - w.at : null);
  const firstTimes = [...firstWaits.values()].map(answered).filter((ms): ms is number => ms != null);
  const withinTarget = firstTimes.filter((ms) => ms <= targetMs).length;
  const overdueOpen = [...firstWaits.values()].filter((w) => w.answeredAt == null && Math.min(now, end) - w.at > targetMs).length;

  const replies = records.filter((r) => r.kind === 'reply' && inDay(r.at));
  const orderChecks = records.filter((r) => r.kind === 'orders' && firstWaits.has(r.key) && r.at >= firstWaits.get(r.key)!.at);
  const seen = new Set(orderChecks.map((r) => r.key));
  const ordered = new Set(
    orderChecks.filter((r) => r.kind === 'orders' && r.orderedAt != null && r.orderedAt >= firstWaits.get(r.key)!.at).map((r) => r.key),
  );

  return {
    day: localDay(start),
    inquiries: firstWaits.size,
    served: new Set(replies.map((r) => r.key)).size,
    firstResponses: firstTimes.length,
    medianFirstMs: median(firstTimes),
    p90FirstMs: percentile(firstTimes, 90),
    averageMs: mean(waits.map(answered).filter((ms): ms is number => ms != null)),
    withinTarget,
    judged: firstTimes.length + overdueOpen,
    withinShare: share(withinTarget, firstTimes.length + overdueOpen),
    replies: replies.length,
    snippetReplies: replies.filter((r) => r.kind === 'reply' && r.snippetId).length,
    ordersSeen: seen.size,
    ordered: ordered.size,
    conversion: share(ordered.size, seen.size),
  };
}
