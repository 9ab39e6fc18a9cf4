import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { noteTried } from '../support/reliability-report';
import { asFreshProfile } from '../support/fresh-profile';
import { teamV1 } from '../support/team-adapter';

beforeEach(asFreshProfile);

/** The team's update: it re-points the row part (an installed v2 against a v1 base reads as an agent's fix). */
const teamV2: Adapter = {
  ...teamV1,
  version: 2,
  name: '团队后台 v2',
  pages: [{ ...teamV1.pages[0]!, parts: { ...teamV1.pages[0]!.parts, row: { selector: 'tr[data-goods]' } } }],
};
let n = 0;

/** A team pack at `version`: one snippet whose body names the version, and the team adapter of that version. */
function packAt(id: string, version: 1 | 2) {
  return {
    format: 'xiaoer-snippet-pack',
    formatVersion: 1,
    id,
    name: '团队',
    version,
    updatedAt: `2026-11-2${version}T08:00:00Z`,
    snippets: [{ id: 'hi', title: '欢迎', body: `第 ${version} 版：亲，您好`, category: '欢迎', tags: [] }],
    adapters: [version === 1 ? teamV1 : teamV2],
  };
}

/** The worker as it starts: its modules loaded afresh (no change under way), the same storage and database. */
async function worker() {
  vi.resetModules();
  const [{ packHandlers }, pending, { getDb }, { getPack }, { listCustomAdapters }] = await Promise.all([
    import('@/entrypoints/background/domains/packs'),
    import('@/entrypoints/background/pack-adapters-pending'),
    import('@/utils/db/open-db'),
    import('@/utils/packs/pack-store'),
    import('@/utils/adapters/custom/custom-adapter-store'),
  ]);
  const send = (type: 'packs.apply' | 'packs.undo' | 'packs.remove', request: object) =>
    (packHandlers[type] as (request: unknown, sender: unknown) => Promise<unknown>)({ type, ...request }, { kind: 'extension-page' });
  /** The pack record's version (null: no record), its snippets' versions and the installed adapters' versions. */
  const state = async (id: string) => {
    const db = await getDb();
    const library = await db.getAll('snippets');
    return {
      record: (await getPack(db, id))?.version ?? null,
      snippets: library.filter((s) => s.origin === id).map((s) => Number(/^第 (\d) 版/.exec(s.body)?.[1])),
      adapters: (await listCustomAdapters()).map((a) => a.version),
    };
  };
  return { send, state, finishAtStart: () => pending.finishPendingPackAdapters(getDb()) };
}

/**
 * A pack at version 2 (applied twice by a worker not stopped), then `type` sent to a worker that stops as it writes
 * `key` to storage.local: that write lands (`landed`) or not, and nothing after it runs. Answers the pack's id and
 * the worker started after the stop.
 */
async function stoppedAtWrite(type: 'packs.undo' | 'packs.remove', key: string, landed: boolean) {
  const id = `team-${++n}`;
  const first = await worker();
  await first.send('packs.apply', { pack: packAt(id, 1), takeTeam: [] });
  await first.send('packs.apply', { pack: packAt(id, 2), takeTeam: [] });
  expect(await first.state(id)).toEqual(BEFORE);
  const area = fakeBrowser.storage.local;
  const set = area.set.bind(area);
  const stopped = new Promise<void>((resolve) => {
    vi.spyOn(area, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      if (!(key in items)) return set(items);
      if (landed) await set(items);
      vi.mocked(area.set).mockRestore();
      resolve();
      return new Promise<never>(() => {});
    });
  });
  void (await worker()).send(type, { id });
  await stopped;
  return { id, next: await worker() };
}

/** The pack at version 2: its record, its snippets and its adapter. */
const BEFORE = { record: 2, snippets: [2], adapters: [2] };

describe.each([
  { change: 'undo', type: 'packs.undo', after: { record: 1, snippets: [1], adapters: [1] } },
  { change: 'removal', type: 'packs.remove', after: { record: null, snippets: [], adapters: [] } },
] as const)('a team pack $change stopped between its snippets\' commit and its adapters', ({ type, after }) => {
  it('stopped after the commit: the next worker start installs the adapters — the changed pack whole', async () => {
    const { id, next } = await stoppedAtWrite(type, 'customAdapters', false);
    // The mix the stop leaves: the snippets changed, the adapters not.
    expect(await next.state(id)).toEqual({ ...after, adapters: BEFORE.adapters });
    expect(await next.finishAtStart()).toBe('finished');
    expect(await next.state(id)).toEqual(after);
    expect(await next.finishAtStart()).toBe('none');
    noteTried('fault', `pack ${type === 'packs.undo' ? 'undo' : 'removal'} stopped`, 1);
  });

  it('stopped before the commit: the note is dropped and the adapters stay as they were — the previous state whole', async () => {
    // The note of the adapters to come is written, then the worker stops: the transaction never ran.
    const { id, next } = await stoppedAtWrite(type, 'packAdaptersPending', true);
    expect(await next.finishAtStart()).toBe('dropped');
    expect(await next.state(id)).toEqual(BEFORE);
    noteTried('fault', `pack ${type === 'packs.undo' ? 'undo' : 'removal'} stopped`, 1);
  });
});

describe('the worker started after such a stop', () => {
  it('finishes the stopped change before a pack change it hears as it starts', async () => {
    const { id, next } = await stoppedAtWrite('packs.undo', 'customAdapters', false);
    // As the worker's start calls it, then the message that woke the worker: the removal must see the undo's
    // adapters installed, or it takes the stale version-2 adapter for an agent's own fix and keeps it.
    const finishing = next.finishAtStart();
    const removal = next.send('packs.remove', { id });
    expect(await finishing).toBe('finished');
    expect(await removal).toEqual({ keptAdapters: [] });
    expect(await next.state(id)).toEqual({ record: null, snippets: [], adapters: [] });
  });
});
