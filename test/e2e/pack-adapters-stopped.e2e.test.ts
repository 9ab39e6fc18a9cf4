import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { noteTried } from '../support/reliability-report';
import { teamV1 } from '../support/team-adapter';
import { BROWSER, sendFromPage, startHarness, storedLocal, type Harness } from './harness';

/**
 * Team pack `id` at `version`: snippets whose bodies name the version, and the team's adapter (its own id, as each
 * test has its own pack) of that version.
 */
function packAt(id: string, version: 1 | 2) {
  const snippets = Array.from({ length: 20 }, (_, i) => ({ id: `s-${i}`, title: `话术 ${i}`, body: `第 ${version} 版：亲，这是第 ${i} 条团队话术`, category: '团队', tags: [] }));
  const page = { ...teamV1.pages[0]!, parts: { ...teamV1.pages[0]!.parts, row: { selector: `tr.goods-v${version}` } } };
  const adapter: Adapter = { ...teamV1, id: `${id}-shop`, version, name: `团队后台 v${version}`, pages: [page] };
  return { format: 'xiaoer-snippet-pack', formatVersion: 1, id, name: '停机测试话术包', version, updatedAt: `2026-11-2${version}T08:00:00Z`, snippets, adapters: [adapter] };
}

/**
 * Run in the extension's background (Chromium's worker; Firefox's event page, reached from an extension page): its
 * next write of the custom adapters to storage.local never completes, so the worker is held after the snippets'
 * commit and before the adapters, where the test stops it. The worker started after the stop is not touched.
 */
function holdAdaptersWrite(bg: any) {
  const area = bg.browser?.runtime?.id ? bg.browser.storage.local : bg.chrome.storage.local;
  const set = area.set.bind(area);
  area.set = (items: Record<string, unknown>, ...rest: unknown[]) => {
    if (!('customAdapters' in items)) return set(items, ...rest);
    bg.__xiaoerAdaptersHeld = true;
    return new Promise(() => {});
  };
}

describe('a team pack apply, undo and removal with the worker stopped between the snippets\' commit and the adapters', () => {
  let h: Harness;
  let options: Page;
  beforeAll(async () => {
    h = await startHarness();
    options = await h.openExtensionPage('options.html#packs');
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The background, as `fn(bg)` sees it: the worker's global in Chromium, the event page's window in Firefox. */
  async function inBackground<T>(fn: (bg: any) => T): Promise<T> {
    const context = await h.worker();
    if (BROWSER !== 'firefox') return context.evaluate(`(${String(fn)})(globalThis)`) as Promise<T>;
    return context.evaluate(`(async () => (${String(fn)})(await browser.runtime.getBackgroundPage()))()`) as Promise<T>;
  }

  /** Sends `message` with the adapters' write held, and stops the worker once it is held there. */
  async function stoppedBeforeAdapters(message: object) {
    await inBackground(holdAdaptersWrite);
    const reply = sendFromPage(options, message).catch(() => null);
    for (const deadline = Date.now() + 20_000; !(await inBackground((bg) => bg.__xiaoerAdaptersHeld === true)); ) {
      if (Date.now() > deadline) throw new Error(`${JSON.stringify(message)}: the adapters' write never came`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await h.stopWorker();
    expect(await reply, 'no reply from the stopped worker').toBeNull();
  }

  /** Once the worker answers again and nothing is pending: pack `id`'s record version, its snippets' versions, its adapter's. */
  async function settled(id: string) {
    for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 200))) {
      const ping = await sendFromPage(options, { type: 'ping' }).catch(() => null);
      if (ping?.ok && !(await storedLocal(options, 'packAdaptersPending'))) break;
      if (Date.now() > deadline) throw new Error('the worker did not settle the pending adapters');
    }
    const library = (await sendFromPage(options, { type: 'snippets.all' })).data as { origin?: string; body: string }[];
    const packs = (await sendFromPage(options, { type: 'packs.list' })).data as { id: string; version: number }[];
    const versions = library.filter((s) => s.origin === id).map((s) => Number(/^第 (\d) 版/.exec(s.body)?.[1]));
    return {
      record: packs.find((p) => p.id === id)?.version ?? null,
      snippets: [...new Set(versions)],
      count: versions.length,
      adapters: ((await storedLocal<Adapter[]>(options, 'customAdapters')) ?? []).filter((a) => a.id === `${id}-shop`).map((a) => a.version),
    };
  }

  /** Pack `id` at `version` whole: its record, every one of its snippets and its adapter; `null`: all of them gone. */
  const whole = (version: 1 | 2 | null) => (version ? { record: version, snippets: [version], count: 20, adapters: [version] } : { record: null, snippets: [], count: 0, adapters: [] });

  it.each([
    { change: 'an apply', fault: 'pack apply stopped', id: 'applied-team', applied: [1], message: { type: 'packs.apply', pack: packAt('applied-team', 2), takeTeam: [] }, after: 2 },
    { change: 'an undo', fault: 'pack undo stopped', id: 'undo-team', applied: [1, 2], message: { type: 'packs.undo', id: 'undo-team' }, after: 1 },
    { change: 'a removal', fault: 'pack removal stopped', id: 'removed-team', applied: [1], message: { type: 'packs.remove', id: 'removed-team' }, after: null },
  ] as const)('$change stopped there: the pack record, its snippets and its adapter are of one state', async ({ fault, id, applied, message, after }) => {
    for (const version of applied) expect((await sendFromPage(options, { type: 'packs.apply', pack: packAt(id, version), takeTeam: [] })).ok).toBe(true);
    expect(await settled(id)).toEqual(whole(applied.at(-1)!));
    await stoppedBeforeAdapters(message);
    expect(await settled(id)).toEqual(whole(after));
    noteTried('fault', fault, 1);
  }, 120_000);
});
