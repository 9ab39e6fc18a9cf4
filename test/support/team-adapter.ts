import type { Adapter } from '@/utils/adapters/adapter-schema';

/** A team's custom adapter as a pack carries it (version 1). */
export const teamV1: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'team-shop',
  name: '团队后台',
  version: 1,
  matches: ['https://seller.example.com/*'],
  pages: [{ kind: 'items', path: '^/goods', parts: { row: { selector: 'tr.goods' }, outerCode: { selector: '.code', within: 'row' } } }],
};
