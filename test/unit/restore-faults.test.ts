import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackup, finishPendingRestore, restoreBackup } from '@/utils/backup/backup';
import { openXiaoerDb } from '@/utils/db/open-db';
import { ensureInstallKey } from '@/utils/privacy/ensure-install-key';
import { loadSettings, settingsItem } from '@/utils/settings/settings';
import { listSnippets, saveSnippet } from '@/utils/snippets/snippet-store';
import { noteTried } from '../support/reliability-report';
import { asFreshProfile } from '../support/fresh-profile';

let n = 0;
const freshDb = () => openXiaoerDb(undefined, `restore-faults-${++n}`);

beforeEach(asFreshProfile);

/** A profile with the backup's data (shop 新店, snippet 新话术) and, now, other data (shop 旧店, snippet 旧话术). */
async function profileAndBackup() {
  const db = await freshDb();
  await ensureInstallKey(db);
  await settingsItem.setValue({ ...(await loadSettings()), shopName: '新店' });
  await saveSnippet(db, undefined, { title: '新话术', body: '新', category: '售后', tags: [] });
  const backup = JSON.parse(JSON.stringify(await createBackup(db, '0.1.0')));
  await db.clear('snippets');
  await saveSnippet(db, undefined, { title: '旧话术', body: '旧', category: '售后', tags: [] });
  await settingsItem.setValue({ ...(await loadSettings()), shopName: '旧店' });
  return { db, backup };
}
const state = async (db: Awaited<ReturnType<typeof freshDb>>) => ({ shop: (await loadSettings()).shopName, titles: (await listSnippets(db)).map((s) => s.title).filter((t) => t.endsWith('话术')) });

describe('a backup restore stopped at each stage', () => {
  it('stopped after the database commit, before the settings: the next worker start finishes it — the backup whole', async () => {
    const { db, backup } = await profileAndBackup();
    // The worker dies while writing the settings: the database has committed the backup's data.
    vi.spyOn(settingsItem, 'setValue').mockRejectedValueOnce(new Error('worker stopped'));
    await expect(restoreBackup(db, backup)).rejects.toThrow('worker stopped');
    expect(await state(db)).toEqual({ shop: '旧店', titles: ['新话术'] }); // the mix, as the stop leaves it
    expect(await finishPendingRestore(db)).toBe('finished');
    expect(await state(db)).toEqual({ shop: '新店', titles: ['新话术'] });
    expect(await finishPendingRestore(db)).toBe('none');
    noteTried('fault', 'backup restore stopped', 1);
  });

  it('stopped before the database commit: the next start drops the note — the previous data whole', async () => {
    const { db, backup } = await profileAndBackup();
    vi.spyOn(db, 'transaction').mockImplementationOnce(() => {
      throw new Error('worker stopped');
    });
    await expect(restoreBackup(db, backup)).rejects.toThrow('worker stopped');
    expect(await finishPendingRestore(db)).toBe('dropped');
    expect(await state(db)).toEqual({ shop: '旧店', titles: ['旧话术'] });
    noteTried('fault', 'backup restore stopped', 1);
  });

  it('not stopped: the backup whole, nothing left pending', async () => {
    const { db, backup } = await profileAndBackup();
    await restoreBackup(db, backup);
    expect(await state(db)).toEqual({ shop: '新店', titles: ['新话术'] });
    expect(await finishPendingRestore(db)).toBe('none');
  });
});
