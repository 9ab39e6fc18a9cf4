import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noteTried } from '../support/reliability-report';
import { sendFromPage, startHarness, type Harness } from './harness';

const SNIPPETS = 3_000;
const PACK = 'stop-team';

/** The team pack at `version`: SNIPPETS snippets whose bodies name the version; version 2 adds one more. */
function packAt(version: 1 | 2) {
  const snippets = Array.from({ length: SNIPPETS + (version === 2 ? 1 : 0) }, (_, i) => ({
    id: `s-${i}`,
    title: `话术 ${i}`,
    body: `第 ${version} 版：亲，这是第 ${i} 条团队话术`,
    category: '团队',
    tags: [],
  }));
  return { format: 'xiaoer-snippet-pack', formatVersion: 1, id: PACK, name: '停机测试话术包', version, updatedAt: `2026-11-2${version}T08:00:00Z`, snippets };
}

describe('a team pack apply with the worker stopped at each stage', () => {
  let h: Harness;
  let options: Page;
  beforeAll(async () => {
    h = await startHarness();
    options = await h.openExtensionPage('options.html#packs');
  });
  afterAll(async () => {
    await h?.close();
  });

  /**
   * Which whole version the library and the pack record are, once the worker answers again: every snippet of the pack
   * must carry the same version as the record, and as many snippets as that version has.
   */
  async function settled(): Promise<number | string> {
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
      if ((await sendFromPage(options, { type: 'ping' }).catch(() => null))?.ok) break;
    }
    const library = (await sendFromPage(options, { type: 'snippets.all' })).data as { origin?: string; body: string }[];
    const packs = (await sendFromPage(options, { type: 'packs.list' })).data as { id: string; version: number }[];
    const versions = new Set(library.filter((s) => s.origin === PACK).map((s) => Number(/^第 (\d) 版/.exec(s.body)?.[1])));
    const count = library.filter((s) => s.origin === PACK).length;
    const record = packs.find((p) => p.id === PACK)?.version;
    const whole = versions.size === 1 && versions.has(record!) && count === SNIPPETS + (record === 2 ? 1 : 0);
    return whole ? record! : `mixed: record ${record}, bodies of versions ${[...versions].join('/')}, ${count} snippets`;
  }

  /** Back to version 1, whichever whole version a stop left. */
  async function backToV1() {
    if ((await settled()) === 2) expect((await sendFromPage(options, { type: 'packs.undo', id: PACK })).ok).toBe(true);
    expect(await settled()).toBe(1);
  }

  it('leaves the previous pack or the new one whole, never a mix', async () => {
    expect((await sendFromPage(options, { type: 'packs.apply', pack: packAt(1), takeTeam: [] })).ok).toBe(true);
    expect(await settled()).toBe(1);
    const seen = new Set<number | string>();
    // Stopped before the request (it wakes a new worker), then from "as the request arrives" to "after the reply".
    const stops = [-1, 0, 50, 150, 300, 600, 1000, 2000];
    for (const delayMs of stops) {
      if (delayMs < 0) await h.stopWorker();
      const applying = sendFromPage(options, { type: 'packs.apply', pack: packAt(2), takeTeam: [] }).catch(() => null);
      if (delayMs >= 0) {
        await new Promise((r) => setTimeout(r, delayMs));
        await h.stopWorker();
      }
      const reply = await applying;
      const state = await settled();
      expect([1, 2], `stopped ${delayMs} ms into the apply`).toContain(state);
      if (reply?.ok) expect(state).toBe(2);
      seen.add(state);
      await backToV1();
    }
    // Not stopped, the same apply lands whole: the stops above are what kept (or left whole) the library.
    expect((await sendFromPage(options, { type: 'packs.apply', pack: packAt(2), takeTeam: [] })).ok).toBe(true);
    expect(await settled()).toBe(2);
    noteTried('fault', 'pack apply stopped', stops.length);
    console.log(`pack apply stopped: versions seen after the stops: ${[...seen].join(', ')}`);
  }, 400_000);
});
