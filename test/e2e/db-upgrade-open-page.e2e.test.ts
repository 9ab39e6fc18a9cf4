import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_NAME } from '@/utils/db/schema';
import { DB_VERSION } from '@/utils/db/migrations';
import { noteTried } from '../support/reliability-report';
import { importFile, startHarness, type Harness } from './harness';

// A newer Xiaoer upgrades the database while a page of the old one still holds it open. A browser closes an
// extension's pages when it updates it, so the newer version's first open is made here as that version makes it,
// from another page of the same extension origin: indexedDB.open(name, DB_VERSION + 1) with an upgrade step. This
// test is the last thing in its profile: the old code cannot open the database again.

describe('a database upgrade while an old options page holds the database open', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('completes without being blocked, and the old page says it must be reloaded', async () => {
    // An import opens the database in the options page itself (it commits there) and keeps it open.
    const old = await importFile(h, 'test/demo/data/erp-stock.csv');
    await old.click('button[name="import"]');
    await old.waitForSelector('[data-testid="import-done"]');

    const newer = await h.openExtensionPage('options.html#about');
    const upgrade = await newer.evaluate(
      (name, version) =>
        new Promise<{ version: number; stores: string[]; blocked: boolean }>((resolve, reject) => {
          let blocked = false;
          const open = indexedDB.open(name, version);
          open.onblocked = () => (blocked = true);
          open.onupgradeneeded = () => open.result.createObjectStore('upgradeProbe');
          open.onerror = () => reject(new Error(open.error?.message ?? 'open failed'));
          open.onsuccess = () => {
            const db = open.result;
            resolve({ version: db.version, stores: [...db.objectStoreNames], blocked });
            db.close();
          };
        }),
      DB_NAME,
      DB_VERSION + 1,
    );
    // Every connection (the old page's, the worker's) closed when asked: the upgrade was never blocked.
    expect(upgrade).toMatchObject({ version: DB_VERSION + 1, blocked: false });
    expect(upgrade.stores).toContain('upgradeProbe');
    expect(upgrade.stores).toContain('stock');

    const notice = await old.waitForSelector('[data-testid="db-upgraded"]');
    expect(await notice!.evaluate((el) => el.textContent)).toBe('店小二已更新，数据库已升级到新版本，此页面仍是旧版本：请重新载入此页面后再导入或修改。重新载入');
    // Its button reloads the page (clicked as an event: this tab is behind the newer one, and gets no real mouse): a new document, without the mark the old one carried.
    await old.evaluate(() => ((window as unknown as { __beforeReload: boolean }).__beforeReload = true));
    await old.$eval('[data-testid="db-upgraded"] button[name="reload-page"]', (button) => (button as HTMLButtonElement).click());
    await old.waitForFunction(() => !(window as unknown as { __beforeReload?: boolean }).__beforeReload && document.readyState === 'complete', { polling: 100 });
    expect(h.pageErrors.filter((e) => !e.includes('favicon'))).toEqual([]);
    noteTried('fault', 'database upgraded under an open page', 1);
  });
});
