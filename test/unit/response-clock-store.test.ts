import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { applyObservations, overdueCount, pruneClock, recordsSince, takeAlert, waitStates } from '@/utils/response-clock/clock-store';
import { dayFigures } from '@/utils/response-clock/figures';
import { reconcile } from '@/utils/response-clock/reconcile';

const KEY = 'a'.repeat(32);
const OTHER = 'b'.repeat(32);
let n = 0;
const freshDb = () => openXiaoerDb(undefined, `clock-test-${n++}`);

describe('reconcile', () => {
  it('does not count a buyer already waiting the first time Xiaoer sees them, but times them from the page', () => {
    const { conversation, records } = reconcile(undefined, { key: KEY, waiting: true, pageSince: 1000 }, undefined, 5000);
    expect(conversation.waitingSince).toBe(1000);
    expect(conversation.waitId).toBeUndefined();
    expect(records).toEqual([]);
  });

  it('never dates a wait before the buyer was last seen answered', () => {
    const prev = { key: KEY, waitingSince: null, newBuyer: false, alerted: false, updatedAt: 4000 };
    expect(reconcile(prev, { key: KEY, waiting: true, pageSince: 1000 }, undefined, 5000).conversation.waitingSince).toBe(4000);
  });
});

describe('clock store', () => {
  it('times a wait Xiaoer saw begin, answers it on the reply, and keeps the snippet used', async () => {
    const db = await freshDb();
    await applyObservations(db, [{ key: KEY, waiting: false }], 1_000);
    let states = await applyObservations(db, [{ key: KEY, waiting: true }, { key: OTHER, waiting: true, appeared: true }], 2_000);
    expect(states[KEY]).toEqual({ waitingSince: 2_000, newBuyer: false, counted: true });
    expect(states[OTHER]).toEqual({ waitingSince: 2_000, newBuyer: true, counted: true });
    // Still waiting: the start does not move.
    states = await applyObservations(db, [{ key: KEY, waiting: true }], 3_000);
    expect(states[KEY]!.waitingSince).toBe(2_000);
    expect(await takeAlert(db, KEY, 2_000)).toBe(true);
    expect(await takeAlert(db, KEY, 2_000)).toBe(false);
    expect(await overdueCount(db)).toBe(1);
    states = await applyObservations(db, [{ key: KEY, waiting: false, replies: [{ snippetId: 'snip-1' }] }], 6_500);
    expect(states[KEY]).toEqual({ waitingSince: null, newBuyer: false, counted: false });
    expect(await overdueCount(db)).toBe(0);
    const records = await recordsSince(db, 0);
    expect(records.find((r) => r.kind === 'wait' && r.key === KEY)).toMatchObject({ at: 2_000, answeredAt: 6_500 });
    expect(records.filter((r) => r.kind === 'reply')).toMatchObject([{ key: KEY, at: 6_500, snippetId: 'snip-1' }]);
    expect(await waitStates(db, [OTHER, 'c'.repeat(32)])).toEqual({ [OTHER]: { waitingSince: 2_000, newBuyer: true, counted: true } });
    db.close();
  });

  it('deletes records past the retention and keeps the rest', async () => {
    const db = await freshDb();
    const now = new Date(2026, 10, 25, 12).getTime();
    const old = now - 31 * 24 * 3600_000;
    await applyObservations(db, [{ key: KEY, waiting: true, appeared: true }], old);
    await applyObservations(db, [{ key: KEY, waiting: false, replies: [{}] }], old + 5_000);
    await applyObservations(db, [{ key: OTHER, waiting: true, appeared: true }], now - 10_000);
    await applyObservations(db, [{ key: OTHER, waiting: false, replies: [{}] }], now - 4_000);
    expect(await pruneClock(db, 30, now)).toBe(2);
    const left = await recordsSince(db, 0);
    expect(left.every((r) => r.key === OTHER)).toBe(true);
    expect(dayFigures(left, now, 10, now)).toMatchObject({ inquiries: 1, served: 1, medianFirstMs: 6_000, withinTarget: 1 });
    expect(await waitStates(db, [KEY])).toEqual({});
    db.close();
  });
});

describe('clock messages at the worker boundary', () => {
  it('take hashed keys and times only, and the figures only from our own pages', async () => {
    const { validateRequest } = await import('@/utils/messaging/validate-request');
    const named = validateRequest({ type: 'clock.observe', at: 1, observations: [{ key: 'tb_小鹿酱', waiting: true }] }, 'content');
    expect(!named.ok && named.error).toBe('Rejected message of type "clock.observe": observations.0.key: is not a buyer key');
    const withText = validateRequest({ type: 'clock.observe', at: 1, observations: [{ key: KEY, waiting: true, text: '在吗' }] }, 'content');
    expect(withText.ok && withText.request).toEqual({ type: 'clock.observe', at: 1, observations: [{ key: KEY, waiting: true }] });
    expect(validateRequest({ type: 'clock.figures', days: 30 }, 'content')).toEqual({ ok: false, error: 'Rejected: "clock.figures" may not be sent from a content.' });
    expect(validateRequest({ type: 'clock.figures', days: 30 }, 'extension-page').ok).toBe(true);
  });
});
