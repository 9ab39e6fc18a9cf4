import { clock } from '@/utils/clock';
import { getDb } from '@/utils/db/open-db';
import { packRequests } from '@/utils/messaging/domains/packs';
import { validatePack, type Pack } from '@/utils/packs/pack-format';
import type { PackPreview } from '@/utils/packs/pack-merge';
import { adapterUndoOf, installPackAdapters, previewPackAdapters, removePackAdapters, undoPackAdapters } from '@/utils/packs/pack-adapters';
import { listCustomAdapters } from '@/utils/adapters/custom/custom-adapter-store';
import { commitThenInstall, inTurn } from '../pack-adapters-pending';
import { applyPack, getPack, listPacks, previewPackUpdate, removePack, undoPack } from '@/utils/packs/pack-store';
import { importSheet } from '@/utils/packs/sheet-import';
import { checkSheetSnippets } from '@/utils/packs/snippet-sheet';
import { broadcast } from '../broadcast';
import { defineHandlers } from '../define-handlers';
import { assertMayFetch } from '../fetch-permission';
import { fetchSnippetInput, syncPacks } from '../pack-feeds';
import { ensureFeedAlarm } from '../feed-schedule';

export const packHandlers = defineHandlers(packRequests, {
  async 'packs.list'() {
    return listPacks(await getDb());
  },
  async 'packs.pending'(request) {
    const db = await getDb();
    const pending = (await getPack(db, request.id))?.pending;
    return pending ? { pack: pending, preview: await previewWithAdapters(db, pending) } : null;
  },
  async 'packs.fetch'(request) {
    await assertMayFetch(request.url);
    const { input, validators } = await fetchSnippetInput(request.url);
    const db = await getDb();
    return input.kind === 'pack'
      ? { ...input, validators, preview: await previewWithAdapters(db, input.pack) }
      : { ...input, preview: await importSheet(db, input.rows, false) };
  },
  async 'packs.preview'(request) {
    return previewWithAdapters(await getDb(), validatePack(request.pack));
  },
  async 'packs.apply'(request) {
    const pack = validatePack(request.pack);
    if (request.subscribe) await assertMayFetch(request.subscribe.url);
    const subscription = request.subscribe && {
      ...request.subscribe,
      nextSyncAt: clock.now() + request.subscribe.intervalMinutes * 60_000,
    };
    const db = await getDb();
    return inTurn(async () => {
      const adapterBase = (await getPack(db, pack.id))?.adapterBase ?? [];
      const installed = await listCustomAdapters();
      // The team's adapters replace its previous version; an agent's fixed part stays. The options page asked for
      // their hosts in the click that applied the pack; hosts not granted wait in options → adapters with a button.
      const team = pack.adapters ?? [];
      const after = installPackAdapters(team, adapterBase, installed);
      const undo = adapterUndoOf(team, installed, after);
      const appliedAt = clock.now();
      const commit = () => applyPack(db, pack, request.takeTeam, subscription, undo, appliedAt);
      // With adapters, the pack holds whole, adapters included, even when the worker stops after the commit.
      const preview = await commitThenInstall(team.length ? { packId: pack.id, appliedAt, adapters: after } : null, commit);
      if (subscription) await ensureFeedAlarm();
      packsChanged();
      if (!team.length) return preview;
      return { ...preview, adapters: previewPackAdapters(team, adapterBase, installed) };
    });
  },
  async 'packs.check'(request) {
    return syncPacks({ force: true, only: request.id });
  },
  async 'packs.undo'(request) {
    const db = await getDb();
    return inTurn(async () => {
      const undo = (await getPack(db, request.id))?.undo;
      const next = undo?.adapters?.length ? undoPackAdapters(undo.adapters, await listCustomAdapters()) : null;
      // Once committed, the record is the one before the apply (gone when that apply brought the pack in).
      const note = next && { packId: request.id, appliedAt: undo?.record?.appliedAt ?? null, adapters: next.adapters };
      await commitThenInstall(note, () => undoPack(db, request.id));
      packsChanged();
      return { keptAdapters: next?.kept ?? [] };
    });
  },
  async 'packs.remove'(request) {
    const db = await getDb();
    return inTurn(async () => {
      const adapterBase = (await getPack(db, request.id))?.adapterBase;
      const next = adapterBase?.length ? removePackAdapters(adapterBase, await listCustomAdapters()) : null;
      // Once committed, the record is gone.
      const note = next && { packId: request.id, appliedAt: null, adapters: next.adapters };
      await commitThenInstall(note, () => removePack(db, request.id));
      packsChanged();
      return { keptAdapters: next?.kept ?? [] };
    });
  },
  async 'snippets.importSheet'(request) {
    const preview = await importSheet(await getDb(), checkSheetSnippets(request.rows), request.commit);
    if (request.commit) void broadcast('snippets-changed');
    return preview;
  },
});

/** The snippets' preview, with what installing the pack's adapters would do. */
async function previewWithAdapters(db: Awaited<ReturnType<typeof getDb>>, pack: Pack): Promise<PackPreview> {
  const preview = await previewPackUpdate(db, pack);
  if (!pack.adapters?.length) return preview;
  const base = (await getPack(db, pack.id))?.adapterBase ?? [];
  return { ...preview, adapters: previewPackAdapters(pack.adapters, base, await listCustomAdapters()) };
}

/** A pack was applied, undone or removed: its snippets changed too. */
function packsChanged(): void {
  void broadcast('snippets-changed');
  void broadcast('packs-changed');
}
