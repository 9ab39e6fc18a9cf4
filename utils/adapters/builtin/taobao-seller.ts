import type { Adapter } from '../adapter-schema';

/**
 * Taobao/Tmall 卖家中心 on the web (myseller.taobao.com, also under qn.taobao.com): 出售中的宝贝, 已卖出的宝贝 and
 * the order detail. Every selector and its source are in ./notes.ts. The 千牛 chat lives in the PC client, where no
 * extension can reach, so there is no chat page here.
 */
export const taobaoSellerAdapter: Adapter = {
  format: 'xiaoer-adapter',
  formatVersion: 1,
  id: 'taobao-seller',
  name: '淘宝/天猫 卖家中心',
  version: 3,
  matches: ['https://myseller.taobao.com/*', 'https://qn.taobao.com/*'],
  pages: [
    {
      kind: 'items',
      path: '^/home\\.htm/SellManage/',
      parts: {
        row: { selector: 'table[role="table"] tbody tr:not(.next-table-header)' },
        // The 2nd cell holds the title link and the spans `ID:…` and `编码:…` (the outer code is there, not in the 1st).
        itemId: { selector: 'td:nth-child(2)', within: 'row', pattern: 'ID[:：]\\s*(\\d{6,})' },
        title: { selector: 'a.title-link', within: 'row' },
        outerCode: { selector: 'td:nth-child(2)', within: 'row', pattern: '编码[:：]\\s*([^\\s:：]+)', optional: true },
        pageStock: { selector: '.quantity-item-label span.quantity', within: 'row', pattern: '(\\d+)' },
      },
    },
    {
      kind: 'orders',
      // 已卖出的宝贝: Fusion list mode, each parent order its own <table>; its sub-order lines are bare <tr>.
      path: '^/home\\.htm/trade-platform/tp/sold',
      parts: {
        order: { selector: 'div.next-table-body table' },
        orderId: { selector: 'tr.next-table-group-header', within: 'order', pattern: '订单号[:：]\\s*(\\d{6,})' },
        createdAt: { selector: 'tr.next-table-group-header', within: 'order', pattern: '(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})' },
        line: { selector: 'tbody > tr:not(.next-table-group-header)', within: 'order' },
        lineTitle: { selector: 'td:first-child a', within: 'line', optional: true },
        lineSkuCode: { selector: 'td:first-child div', within: 'line', pattern: '^商家编码[:：]\\s*(\\S+)$', optional: true },
        lineQty: { selector: 'td[data-next-table-col="3"]', within: 'line', pattern: '(\\d+)' },
        status: { selector: 'td[data-next-table-col="5"]', within: 'order' },
      },
    },
    {
      kind: 'orders',
      path: '^/home\\.htm/trade-platform/tp/detail',
      parts: {
        order: { selector: 'div[class^="detail_tabs-container-layout"]' },
        orderId: { selector: ':scope', within: 'order', pattern: '订单编号[:：]\\s*(\\d{6,})' },
        receiverAddress: { selector: 'span[class^="receive-address_value"]', within: 'order' },
        line: { selector: 'tr.order-item', within: 'order' },
        lineSkuCode: { selector: 'td', within: 'line', pattern: '商家编码[:：]\\s*(\\S+)', optional: true },
        // The page's text reads 订单状态：…; whether inside this container is not evidenced, hence optional.
        status: { selector: ':scope', within: 'order', pattern: '订单状态[:：]\\s*([^\\s:：]+)', optional: true },
      },
    },
  ],
};
