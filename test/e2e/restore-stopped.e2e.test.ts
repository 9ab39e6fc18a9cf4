import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteTried } from '../support/reliability-report';
import { BROWSER, sendFromPage, startHarness, storedLocal, type Harness } from './harness';

const CODES = 60_000;

describe('a backup restore with the worker stopped at each stage', () => {
  let h: Harness;
  let options: Page;
  beforeAll(async () => {
    h = await startHarness();
    options = await h.openExtensionPage('options.html#packs');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A backup of this install: settings with `shop`, and CODES stock codes at `available` (big: the restore takes a while). */
  async function backupOf(shop: string, available: number) {
    const { data: current } = await sendFromPage(options, { type: 'backup.create' });
    const records = Array.from({ length: CODES }, (_, i) => ({ code: `V-${i}`, skuCode: `V-${i}`, available, warehouses: { 主仓: available } }));
    const chunks = Array.from({ length: CODES / 10_000 }, (_, k) => ({ sourceId: 'erp', chunk: k, records: records.slice(k * 10_000, (k + 1) * 10_000) }));
    return {
      ...current,
      sections: { settings: { ...current.sections.settings, shopName: shop }, stock: { sources: [{ id: 'erp', kind: 'file', name: 'ERP', mode: 'replace', rows: CODES }], chunks } },
    };
  }

  /** What the profile holds once the worker is up again and nothing is pending: the shop and two codes' stock. */
  async function settled() {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      const ping = await sendFromPage(options, { type: 'ping' }).catch(() => null);
      const pending = await storedLocal(options, 'restorePending');
      if (ping?.ok && !pending) break;
    }
    const settings = (await storedLocal<{ shopName: string }>(options, 'settings'))!;
    const { data } = await sendFromPage(options, { type: 'stock.lookup', codes: ['V-0', `V-${CODES - 1}`] });
    return { shop: settings.shopName, first: data.found[0]?.[0], last: data.found[1]?.[0] };
  }

  it('leaves the previous data or the backup whole, never a mix', async () => {
    const before = await backupOf('旧店', 1);
    const after = await backupOf('新店', 2);
    const OLD = { shop: '旧店', first: 1, last: 1 };
    const NEW = { shop: '新店', first: 2, last: 2 };
    const seen = new Set<string>();
    // Stops from "as the request arrives" to "after the reply": each lands before, during or after the commit.
    for (const delayMs of [0, 50, 150, 300, 600, 1000, 2000]) {
      expect((await sendFromPage(options, { type: 'backup.restore', backup: before })).ok).toBe(true);
      expect(await settled()).toEqual(OLD);
      const restoring = sendFromPage(options, { type: 'backup.restore', backup: after }).catch(() => null);
      await new Promise((r) => setTimeout(r, delayMs));
      await h.stopWorker();
      const reply = await restoring;
      const state = await settled();
      expect([OLD, NEW]).toContainEqual(state);
      if (reply?.ok) expect(state).toEqual(NEW);
      seen.add(state.shop);
    }
    // Not stopped, the same restore lands whole: the stops above are what kept (or left whole) the data.
    expect((await sendFromPage(options, { type: 'backup.restore', backup: after })).ok).toBe(true);
    expect(await settled()).toEqual(NEW);
    noteTried('fault', 'backup restore stopped', 7);
    console.log(`restore stopped: versions seen after the stops: ${[...seen].join(', ')}`);
    // Firefox restores these 60,000 codes in about 20 s (Chromium: 3 s), and unloading its event page waits while the
    // restore runs: fifteen restores and seven stops take it five minutes or more.
  }, BROWSER === 'firefox' ? 600_000 : 240_000);
});
