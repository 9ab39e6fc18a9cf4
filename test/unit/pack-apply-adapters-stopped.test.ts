import { beforeEach, describe, expect, it, vi } from 'vitest';
import { customAdaptersItem, listCustomAdapters } from '@/utils/adapters/custom/custom-adapter-store';
import { openXiaoerDb } from '@/utils/db/open-db';
import { applyPack, getPack } from '@/utils/packs/pack-store';
import { validatePack } from '@/utils/packs/pack-format';
import { commitThenInstall, finishPendingPackAdapters } from '@/entrypoints/background/pack-adapters-pending';
import { noteTried } from '../support/reliability-report';
import { asFreshProfile } from '../support/fresh-profile';
import { teamV1 } from '../support/team-adapter';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `pack-adapters-stopped-${++n}`);
beforeEach(asFreshProfile);

const teamAdapter = teamV1;
const pack = validatePack({
  format: 'xiaoer-snippet-pack',
  formatVersion: 1,
  id: 'team',
  name: '团队',
  version: 1,
  updatedAt: '2026-11-20T08:00:00Z',
  snippets: [{ id: 'hi', title: '欢迎', body: '亲，您好', category: '欢迎', tags: [] }],
  adapters: [teamAdapter],
});

describe('a team pack apply stopped between its snippets\' commit and its adapters', () => {
  it('stopped after the commit: the next worker start installs the adapters — the new pack whole', async () => {
    const db = await freshDb();
    // The worker dies while writing the adapters: the database has committed the pack's snippets.
    vi.spyOn(customAdaptersItem, 'setValue').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(commitThenInstall({ packId: pack.id, appliedAt: 1_000, adapters: [teamAdapter] }, () => applyPack(db, pack, [], undefined, undefined, 1_000))).rejects.toThrow('worker stopped');
    expect((await getPack(db, 'team'))?.version).toBe(1);
    expect(await listCustomAdapters()).toEqual([]); // the mix, as the stop leaves it
    expect(await finishPendingPackAdapters(db)).toBe('finished');
    expect(await listCustomAdapters()).toEqual([teamAdapter]);
    expect(await finishPendingPackAdapters(db)).toBe('none');
    noteTried('fault', 'pack apply stopped', 1);
  });

  it('stopped before the commit: the note is dropped and the adapters stay as they were — the previous state whole', async () => {
    const db = await freshDb();
    // The worker dies in the transaction: nothing committed (the commit never resolves, as in a stopped worker).
    void commitThenInstall({ packId: pack.id, appliedAt: 2_000, adapters: [teamAdapter] }, () => new Promise<never>(() => {}));
    // A new worker's start (its module state is fresh): simulated by the note alone with nothing committed.
    await expect(finishPendingAfterRestart(db)).resolves.toBe('dropped');
    expect(await getPack(db, 'team')).toBeUndefined();
    expect(await listCustomAdapters()).toEqual([]);
    noteTried('fault', 'pack apply stopped', 1);
  });
});

/** The start of a new worker: the module loaded afresh (no apply under way), the same storage and database. */
async function finishPendingAfterRestart(db: Awaited<ReturnType<typeof freshDb>>) {
  vi.resetModules();
  const fresh = await import('@/entrypoints/background/pack-adapters-pending');
  return fresh.finishPendingPackAdapters(db);
}
