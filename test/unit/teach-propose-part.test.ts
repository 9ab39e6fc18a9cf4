import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { proposePart } from '@/utils/teach/propose-part';
import { TEACH_PLAN } from '@/utils/teach/teach-plan';
import { newTaughtAdapter, pathPatternOf, withPart, withoutOrphans } from '@/utils/teach/taught-adapter';
import { parseCustomAdapter } from '@/utils/adapters/custom/custom-adapter-parse';
import type { PageSpec } from '@/utils/adapters/adapter-schema';

/** The e2e test's page, drawn by its own script (happy-dom runs it). */
function loadShop(): void {
  const html = readFileSync('test/fixtures/teach/one-page-shop.html', 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<script>/.exec(html)![1]!;
  new Function(/<script>([\s\S]*)<\/script>/.exec(html)![1]!)();
}

const [row, outerCode, pageStock] = TEACH_PLAN.items;

describe('proposing parts on a page with hashed classes', () => {
  beforeEach(loadShop);

  it('a row widens to all rows, fields are found by their column header and read through a label pattern', () => {
    const first = document.querySelector('tbody tr')!;
    const rowResult = proposePart(row!, first, { kind: 'items', path: '^/', parts: {} }, true);
    expect(rowResult.ok && rowResult.proposal.count).toBe(3);
    const page: PageSpec = { kind: 'items', path: '^/', parts: { row: rowResult.ok ? rowResult.proposal.spec : { selector: 'x' } } };
    const code = proposePart(outerCode!, document.querySelectorAll('tbody tr')[1]!.querySelector('span')!, page, false);
    expect(code).toMatchObject({ ok: true, proposal: { spec: { within: 'row', column: '商家编码', selector: 'span.code-text' }, count: 3, values: ['XE-1001', 'XE-1002', 'XE-1003'] } });
    const stock = proposePart(pageStock!, document.querySelector('tbody tr em')!, page, false);
    expect(stock).toMatchObject({ ok: true, proposal: { spec: { column: '库存', selector: 'em', optional: true }, values: ['9', '300', '12'] } });
    for (const result of [rowResult, code, stock]) expect(JSON.stringify(result.ok && result.proposal.spec)).not.toMatch(/sc-|css-|"_|\._/);
  });

  it('a field picked outside every container is refused', () => {
    const page: PageSpec = { kind: 'items', path: '^/', parts: { row: { selector: 'tr[data-goods-id]' } } };
    expect(proposePart(outerCode!, document.querySelector('textarea')!, page, false)).toEqual({ ok: false, reason: 'outside-container' });
  });

  it('the picks make a custom adapter the schema accepts, with one page entry per kind on the same path', () => {
    const url = 'http://localhost:4321/shop/workbench?tab=1';
    let adapter = newTaughtAdapter(url, '云仓小店工作台');
    const path = pathPatternOf(url);
    adapter = withPart(adapter, 'items', path, 'row', { selector: 'tr[data-goods-id]' });
    adapter = withPart(adapter, 'items', path, 'outerCode', { selector: 'span', within: 'row' });
    adapter = withPart(adapter, 'chat', path, 'replyInput', { selector: 'textarea' });
    adapter = withPart(adapter, 'orders', path, 'orderId', { selector: 'span', within: 'order' });
    const saved = withoutOrphans(adapter);
    expect(saved.matches).toEqual(['http://localhost/*']);
    // orderId was picked inside an order container the agent skipped: dropped rather than saved broken.
    expect(saved.pages.map((p) => p.kind)).toEqual(['items', 'chat']);
    const parsed = parseCustomAdapter(saved);
    expect(parsed.ok).toBe(true);
    expect(new RegExp(path, 'u').test('/shop/workbench?tab=2')).toBe(true);
    expect(new RegExp(path, 'u').test('/shop/workbench2')).toBe(false);
  });
});
