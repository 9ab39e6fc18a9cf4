import { describe, expect, it } from 'vitest';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { adapterUndoOf, installPackAdapters, mergeTeamAdapter, previewPackAdapters, removePackAdapters, undoPackAdapters } from '@/utils/packs/pack-adapters';
import { PackError, validatePack } from '@/utils/packs/pack-format';
import { teamV1 } from '../support/team-adapter';

const withPart = (adapter: Adapter, name: string, selector: string): Adapter => ({
  ...adapter,
  pages: [{ ...adapter.pages[0]!, parts: { ...adapter.pages[0]!.parts, [name]: { ...adapter.pages[0]!.parts[name], selector } } }],
});

describe('adapters carried by a team pack', () => {
  it('an update replaces the team version, and a part the agent re-pointed is kept', () => {
    const localFix = withPart(teamV1, 'outerCode', '.sku-code');
    const teamV2 = { ...withPart(teamV1, 'row', 'tr[data-goods]'), version: 2, name: '团队后台 v2' };
    const { adapter, keptParts } = mergeTeamAdapter(teamV2, teamV1, localFix);
    expect(keptParts).toEqual(['items.outerCode']);
    expect(adapter.pages[0]!.parts).toEqual({ row: { selector: 'tr[data-goods]' }, outerCode: { selector: '.sku-code', within: 'row' } });
    expect(adapter).toMatchObject({ version: 2, name: '团队后台 v2' });
    // Not fixed locally: the team's new version, whole.
    expect(mergeTeamAdapter(teamV2, teamV1, teamV1)).toEqual({ adapter: teamV2, keptParts: [] });
  });

  it('previews what installing does, with the hosts to ask for, and leaves the agent’s other adapters alone', () => {
    const own = { ...teamV1, id: 'my-own' };
    expect(previewPackAdapters([teamV1], [], [own])).toEqual([
      { id: 'team-shop', name: '团队后台', kind: 'added', keptParts: [], origins: ['https://seller.example.com/*'] },
    ]);
    expect(installPackAdapters([teamV1], [], [own]).map((a) => a.id)).toEqual(['my-own', 'team-shop']);
    expect(previewPackAdapters([teamV1], [teamV1], [teamV1])[0]!.kind).toBe('unchanged');
  });

  it('adapters in a pack are untrusted: checked with the adapter schema and host rules, field by field', () => {
    const pack = { format: 'xiaoer-snippet-pack', formatVersion: 1, id: 'team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z', snippets: [] };
    expect(validatePack({ ...pack, adapters: [teamV1] }).adapters).toEqual([teamV1]);
    const bad = { ...teamV1, matches: ['http://seller.example.com/*'], pages: [{ ...teamV1.pages[0], parts: { shelf: { selector: 'x' } } }] };
    expect(() => validatePack({ ...pack, adapters: [teamV1, bad] })).toThrow(PackError);
    try {
      validatePack({ ...pack, adapters: [teamV1, bad] });
    } catch (error) {
      expect((error as Error).message).toMatch(/^第 2 个适配器：/);
      expect((error as Error).message).toContain('pages.0.parts.shelf');
      expect((error as Error).message).toContain('matches.0');
    }
  });
});

describe('removing a pack, or undoing its update, takes its adapters with it', () => {
  const own = { ...teamV1, id: 'my-own', name: '我的后台' };

  it('removal deletes the adapters the team installed and leaves the agent\'s own', () => {
    expect(removePackAdapters([teamV1], [own, teamV1])).toEqual({ adapters: [own], kept: [] });
  });

  it('removal keeps an adapter whose part the agent re-pointed, or that got a page of the agent\'s own, and names what they changed', () => {
    const fixed = withPart(teamV1, 'outerCode', '.sku-code');
    expect(removePackAdapters([teamV1], [own, fixed])).toEqual({ adapters: [own, fixed], kept: [{ id: 'team-shop', name: '团队后台', parts: ['items.outerCode'] }] });
    const withOwnPage: Adapter = { ...teamV1, pages: [...teamV1.pages, { kind: 'chat', path: '^/im', parts: { replyInput: { selector: 'textarea' } } }] };
    expect(removePackAdapters([teamV1], [withOwnPage]).kept).toEqual([{ id: 'team-shop', name: '团队后台', parts: ['chat'] }]);
  });

  it('undoing the apply that brought an adapter in deletes it; undoing an update puts the previous team version back', () => {
    const first = adapterUndoOf([teamV1], [own], installPackAdapters([teamV1], [], [own]));
    expect(first).toEqual([{ before: null, after: teamV1 }]);
    expect(undoPackAdapters(first, [own, teamV1])).toEqual({ adapters: [own], kept: [] });

    const teamV2 = { ...withPart(teamV1, 'row', 'tr[data-goods]'), version: 2 };
    const update = adapterUndoOf([teamV2], [teamV1], installPackAdapters([teamV2], [teamV1], [teamV1]));
    expect(undoPackAdapters(update, [teamV2])).toEqual({ adapters: [teamV1], kept: [] });
  });

  it('an undo keeps what the agent fixed since the apply, and says so', () => {
    const teamV2 = { ...withPart(teamV1, 'row', 'tr[data-goods]'), version: 2 };
    const update = adapterUndoOf([teamV2], [teamV1], [teamV2]);
    const fixedSince = withPart(teamV2, 'outerCode', '.sku-code');
    const undone = undoPackAdapters(update, [fixedSince]);
    expect(undone.adapters).toEqual([withPart(teamV1, 'outerCode', '.sku-code')]);
    expect(undone.kept).toEqual([{ id: 'team-shop', name: '团队后台', parts: ['items.outerCode'] }]);
    // Brought in by the apply and fixed since: it stays whole, as the agent's.
    expect(undoPackAdapters([{ before: null, after: teamV1 }], [withPart(teamV1, 'outerCode', '.sku-code')]).adapters).toEqual([withPart(teamV1, 'outerCode', '.sku-code')]);
  });
});

describe('the backup keeps the team adapters a pack installed', () => {
  it('the packs section carries their merge base, and refuses one that fails the adapter schema', async () => {
    const { packsSection } = await import('@/utils/backup/sections/packs-section');
    const record = { id: 'team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z', appliedAt: 1, base: [], adapterBase: [teamV1] };
    expect(packsSection.schema.parse([record])[0]).toMatchObject({ adapterBase: [teamV1] });
    expect(packsSection.schema.safeParse([{ ...record, adapterBase: [{ ...teamV1, matches: ['http://evil.example/*'] }] }]).success).toBe(false);
  });
});
