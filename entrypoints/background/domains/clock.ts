import { clock } from '@/utils/clock';
import { getDb } from '@/utils/db/open-db';
import { clockRequests } from '@/utils/messaging/domains/clock';
import { applyObservations, pruneClock, recordsSince, takeAlert, waitStates } from '@/utils/response-clock/clock-store';
import { dayFigures } from '@/utils/response-clock/figures';
import { lastDayNoons } from '@/utils/response-clock/local-day';
import { retentionCutoff } from '@/utils/response-clock/retention';
import { loadSettings } from '@/utils/settings/settings';
import { refreshClockBadge } from '../clock-badge';
import { pruneBuyerDataHourly } from '../clock-pruning';
import { defineHandlers } from '../define-handlers';

/** A tab's time of a look is taken within this much of the worker's: a message retried after a restart keeps its moment. */
const MAX_LOOK_AGE_MS = 10 * 60_000;

export const clockHandlers = defineHandlers(clockRequests, {
  async 'clock.observe'(request) {
    const db = await getDb();
    const now = clock.now();
    const states = await applyObservations(db, request.observations, Math.min(now, Math.max(now - MAX_LOOK_AGE_MS, request.at)));
    // Only an answer can lower the count on the icon (passing the target raises it, through clock.overdue).
    if (request.observations.some((o) => o.waiting === false || o.replies?.length)) await refreshClockBadge(db);
    await pruneBuyerDataHourly(db, now);
    return states;
  },
  async 'clock.state'(request) {
    return waitStates(await getDb(), request.keys);
  },
  async 'clock.overdue'(request) {
    const db = await getDb();
    const alert = await takeAlert(db, request.key, request.waitingSince);
    if (alert) await refreshClockBadge(db);
    return { alert };
  },
  async 'clock.figures'(request) {
    const db = await getDb();
    const { clock: clockSettings } = await loadSettings();
    const now = clock.now();
    await pruneClock(db, clockSettings.keepDays, now);
    const records = await recordsSince(db, Math.min(retentionCutoff(clockSettings.keepDays, now), retentionCutoff(request.days, now)));
    const days = lastDayNoons(request.days, now).map((noon) => dayFigures(records, noon, clockSettings.targetSeconds, now));
    return { days, targetSeconds: clockSettings.targetSeconds, keepDays: clockSettings.keepDays };
  },
});
