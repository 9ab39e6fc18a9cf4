import { describe, expect, it } from 'vitest';
import type { Adapter } from '@/utils/adapters/adapter-schema';
import { installPackAdapters, mergeTeamAdapter, previewPackAdapters } from '@/utils/packs/pack-adapters';
import { PackError, validatePack } from '@/utils/packs/pack-format';

const teamV1: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'team-shop',
  name: '团队后台',
  version: 1,
  matches: ['https://seller.example.com/*'],
  pages: [{ kind: 'items', path: '^/goods', parts: { row: { selector: 'tr.goods' }, outerCode: { selector: '.code', within: 'row' } } }],
};
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

describe('the backup keeps the team adapters a pack installed', () => {
  it('the packs section carries their merge base, and refuses one that fails the adapter schema', async () => {
    const { packsSection } = await import('@/utils/backup/sections/packs-section');
    const record = { id: 'team', name: '团队', version: 1, updatedAt: '2026-11-20T08:00:00Z', appliedAt: 1, base: [], adapterBase: [teamV1] };
    expect(packsSection.schema.parse([record])[0]).toMatchObject({ adapterBase: [teamV1] });
    expect(packsSection.schema.safeParse([{ ...record, adapterBase: [{ ...teamV1, matches: ['http://evil.example/*'] }] }]).success).toBe(false);
  });
});
