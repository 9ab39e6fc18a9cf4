import { describe, expect, it } from 'vitest';
import { openXiaoerDb } from '@/utils/db/open-db';
import { appendLog, clearLog, listLog, LOG_LIMIT } from '@/utils/log/event-log';

describe('event log', () => {
  it('keeps the newest entries up to its limit and lists newest first', async () => {
    const db = await openXiaoerDb(undefined, 'log-bounded');
    const total = LOG_LIMIT + 37;
    for (let i = 0; i < total; i++) {
      await appendLog(db, { at: i, level: 'info', scope: 'test', message: `m${i}` });
    }
    expect(await db.count('events')).toBe(LOG_LIMIT);
    const listed = await listLog(db, 3);
    expect(listed.map((e) => e.message)).toEqual([`m${total - 1}`, `m${total - 2}`, `m${total - 3}`]);
    const all = await listLog(db);
    expect(all.at(-1)?.message).toBe(`m${total - LOG_LIMIT}`);
    await clearLog(db);
    expect(await listLog(db)).toEqual([]);
    db.close();
  });
});
